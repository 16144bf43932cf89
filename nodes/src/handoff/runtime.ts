import { z } from 'zod';
import { durationToMs } from '@tandem/shared';
import { defineEffect, defineRuntime } from '../defineRuntime';
import type { HandoffConfig } from './definition';

/** Hands the conversation to a team: opens the handoff and pauses the bot until someone releases it. */
const openHandoff = defineEffect({
  payload: z.object({ team: z.string(), resume: z.enum(['on_release', 'after_idle', 'never']) }),
  async run(payload, ports) {
    await ports.openHandoff({ team: payload.team });
    await ports.pauseContactUntilReleased('handoff');
  },
});

export const handoffRuntime = defineRuntime<HandoffConfig>({
  waitingFor: () => ({ for: 'handoff' }),
  armsTimers: true,
  endReason: 'handoff',
  handoff: (c) => ({ team: c.team, resume: c.resume.mode }),
  effects: { openHandoff },
  message: (c, _purpose, scope, caps) => (c.message.trim() ? { kind: 'text', text: caps.render(c.message, scope), previewUrl: false } : undefined),
  timer(c, kind, { now }) {
    const ms = kind === 'idle' ? c.resume.idleHours * 3_600_000 : c.timeout ? durationToMs(c.timeout) : 0;
    return { at: new Date(now.getTime() + ms) };
  },
});
