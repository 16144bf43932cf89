import { z } from 'zod';
import { defineEffect } from '../defineRuntime';

/**
 * Marks the contact's message read, and asks for the typing indicator, when a step takes a message: the answer
 * to a question, or the message that starts a journey. Whether anything reaches WhatsApp is the flow's and the
 * workspace's read-receipt setting, read by the engine's job when it runs.
 */
export const readReceipt = defineEffect({
  payload: z.object({ wamid: z.string().min(1), typing: z.boolean() }),
  payloadFrom(_config, { event }) {
    // A message a step takes is followed by the bot's reply (the next step, or the question asked again): typing fits.
    if (event.type === 'message.received') return { wamid: event.message.wamid, typing: true };
    // A message trigger keeps the wamid in `trigger.message_id`; a run started by the API or go-to-flow has none.
    const started = event.type === 'run.start' ? event.trigger.message_id : undefined;
    return typeof started === 'string' && started !== '' ? { wamid: started, typing: true } : undefined;
  },
  run: (payload, ports) => ports.acknowledge(payload.wamid, { typing: payload.typing }),
});
