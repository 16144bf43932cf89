import { defineRuntime } from '../defineRuntime';
import type { TriggerScheduleConfig } from './definition';
import { inAudience, nextFireAt } from './broadcast';

export const triggerScheduleRuntime = defineRuntime<TriggerScheduleConfig>({
  startsOn: 'schedule',
  // The broadcast passes the time it was due; the journey sees that, not when the job ran.
  mapPayload: (_c, payload, meta) => ({
    ok: true,
    values: { scheduled_at: typeof payload.scheduled_at === 'string' ? payload.scheduled_at : meta.receivedAt.toISOString() },
  }),
  broadcast: {
    next: (c, after) => nextFireAt(c.schedule, after),
    inAudience: (c, contact, caps, now) => inAudience(c.audience, contact, (expression, scope) => caps.evaluate(expression, scope), now),
  },
});
