import { z } from 'zod';
import { port } from '@tandem/shared';
import { defineNode } from '../defineNode';
import { field } from '../form';
import { compileTrigger } from '../common/triggerState';
import { payloadFieldsSchema } from '../common/payloadFields';

export const eventNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, 'Use a dotted lower-case name such as cart.abandoned')
  .max(100);

const triggerEventConfigSchema = z.object({
  event: field(eventNameSchema, { label: 'Event name', placeholder: 'cart.abandoned', help: 'Sent by your systems to /hooks/<workspace>/events' }),
  fields: payloadFieldsSchema,
});
export type TriggerEventConfig = z.infer<typeof triggerEventConfigSchema>;

export const triggerEvent = defineNode({
  type: 'trigger-event',
  version: 1,
  category: 'trigger',
  label: 'Business event',
  description: 'Starts when your shop, CRM or booking tool sends an event such as cart.abandoned.',
  icon: 'zap',
  config: triggerEventConfigSchema,
  defaults: { event: 'cart.abandoned', fields: [] },
  ports: () => [port('next', 'Next', 'next', true)],
  compile: (_config, ctx) => compileTrigger(ctx),
  analysis: {
    window: () => ({ kind: 'unknown' }),
    provides: (c) => [{ scope: 'trigger', names: ['event_name', 'received_at', ...c.fields.map((f) => f.name)], ports: 'all' }],
  },
  summary: (c) => `Event ${c.event}`,
  starters: (data) => (typeof data.event === 'string' && data.event ? [{ kind: 'event', event: data.event }] : []),
});
