import { durationToMs } from '@tandem/shared';
import { defineRuntime } from '../defineRuntime';
import type { HandoffConfig } from './definition';

export const handoffRuntime = defineRuntime<HandoffConfig>({
  waitingFor: () => ({ for: 'handoff' }),
  armsTimers: true,
  endReason: 'handoff',
  handoff: (c) => ({ team: c.team, resume: c.resume.mode }),
  message: (c, _purpose, scope, caps) => (c.message.trim() ? { kind: 'text', text: caps.render(c.message, scope), previewUrl: false } : undefined),
  timer(c, kind, { now }) {
    const ms = kind === 'idle' ? c.resume.idleHours * 3_600_000 : c.timeout ? durationToMs(c.timeout) : 0;
    return { at: new Date(now.getTime() + ms) };
  },
});
