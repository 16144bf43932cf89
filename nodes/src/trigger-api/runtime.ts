import { defineRuntime } from '../defineRuntime';
import { mapPayloadFields } from '../common/payloadMapping';
import type { TriggerApiConfig } from './definition';

export const triggerApiRuntime = defineRuntime<TriggerApiConfig>({
  startsOn: 'api',
  mapPayload(c, payload, meta) {
    const mapped = mapPayloadFields(c.fields, payload);
    return mapped.ok ? { ok: true, values: { ...mapped.values, received_at: meta.receivedAt.toISOString() } } : mapped;
  },
});
