import { defineRuntime } from '../defineRuntime';
import type { TriggerScheduleConfig } from './definition';

export const triggerScheduleRuntime = defineRuntime<TriggerScheduleConfig>({
  mapPayload: (_c, _payload, meta) => ({ ok: true, values: { scheduled_at: meta.receivedAt.toISOString() } }),
});
