import { z } from 'zod';
import { port } from '@tandem/shared';
import { defineNode } from '../defineNode';
import { field } from '../form';
import { onOutcomes, refs } from '../compileContext';
import { messageContentSchema } from '../common/messageContent';
import { humanActivePorts, whenHumanActiveSchema } from '../common/humanActive';

const sendMessageConfigSchema = z.object({ message: field(messageContentSchema, { label: 'Message' }), whenHumanActive: whenHumanActiveSchema });
export type SendMessageConfig = z.infer<typeof sendMessageConfigSchema>;

export const sendMessage = defineNode({
  type: 'send-message',
  version: 1,
  category: 'message',
  label: 'Send message',
  description:
    'Sends text, media, reply buttons or a list. Only possible within 24 hours of the contact\'s last message; otherwise it leaves by "Window closed". To branch on a button, follow it with a question.',
  icon: 'send',
  config: sendMessageConfigSchema,
  defaults: { message: { kind: 'text', text: 'Hi {{contact.profile_name | "there"}}!' } },
  ports: (c) => [
    port('next', 'Sent', 'next'),
    port('window_closed', 'Window closed', 'window_closed'),
    port('error', 'Failed', 'error'),
    ...humanActivePorts(c.whenHumanActive),
  ],
  compile: (c, ctx) => ({
    entry: ctx.enter(refs.send(ctx.nodeId, 'message')),
    on: onOutcomes(ctx, {
      ok: 'next',
      window_closed: 'window_closed',
      error: 'error',
      ...(c.whenHumanActive === 'branch' ? { human_active: 'human_active' } : {}),
    }),
  }),
  analysis: {
    // Leaving by "Window closed" means WhatsApp just said the window is closed.
    window: (_c, p) => (p === 'window_closed' || p === 'human_active' ? { kind: 'unknown' } : { kind: 'elapse', ms: 0 }),
    freeFormSends: () => [{ what: 'This message', fallbackPort: 'window_closed' }],
  },
  summary: (c) => {
    const m = c.message;
    if (m.kind === 'text') return m.text.slice(0, 60);
    if (m.kind === 'media') return `${m.mediaType}${m.caption ? `: ${m.caption.slice(0, 40)}` : ''}`;
    if (m.kind === 'buttons') return `${m.body.slice(0, 40)} [${m.buttons.map((b) => b.title).join(' | ')}]`;
    return `${m.body.slice(0, 40)} [list: ${m.buttonLabel}]`;
  },
});
