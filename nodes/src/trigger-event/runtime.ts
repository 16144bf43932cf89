import { defineRuntime } from '../defineRuntime';
import { mapPayloadFields } from '../common/payloadMapping';
import type { TriggerEventConfig } from './definition';

export const triggerEventRuntime = defineRuntime<TriggerEventConfig>({
  startsOn: 'event',
  mapPayload(c, payload, meta) {
    if (meta.name !== c.event) return { ok: false, missing: [] };
    const mapped = mapPayloadFields(c.fields, payload);
    return mapped.ok ? { ok: true, values: { ...mapped.values, event_name: c.event, received_at: meta.receivedAt.toISOString() } } : mapped;
  },
});
