import { z } from 'zod';
import { PERSON, durationToMs } from '@tandem/shared';
import { defineEffect, defineRuntime } from '../defineRuntime';
import type { HandoffConfig } from './definition';

/** Hands the conversation to a team: opens the handoff and pauses the bot until someone releases it. */
const openHandoff = defineEffect({
  payload: z.object({ team: z.string(), resume: z.enum(['on_release', 'after_idle', 'never']) }),
  payloadFrom: (c: HandoffConfig) => ({ team: c.team, resume: c.resume.mode }),
  async run(payload, ports) {
    await ports.openHandoff({ team: payload.team });
    await ports.pauseContactUntilReleased(PERSON);
  },
});

export const handoffRuntime = defineRuntime<HandoffConfig>({
  waitingFor: () => ({ for: PERSON }),
  armsTimers: true,
  endReason: 'handoff',
  effects: { openHandoff },
  message: (c, _purpose, scope, caps) => (c.message.trim() ? { kind: 'text', text: caps.render(c.message, scope), previewUrl: false } : undefined),
  timer(c, kind, { now }) {
    if (kind === 'idle') {
      // "Resume after N hours quiet": any word from the contact or the person starts the quiet period again.
      const ms = c.resume.idleHours * 3_600_000;
      return { at: new Date(now.getTime() + ms), restartOnActivityMs: ms };
    }
    return { at: new Date(now.getTime() + (c.timeout ? durationToMs(c.timeout) : 0)) };
  },
});
