import { z } from 'zod';
import { port } from '@tandem/shared';
import { defineNode } from '../defineNode';
import { compileTrigger } from '../common/triggerState';
import { payloadFieldsSchema } from '../common/payloadFields';

const triggerApiConfigSchema = z.object({ fields: payloadFieldsSchema });
export type TriggerApiConfig = z.infer<typeof triggerApiConfigSchema>;

export const triggerApi = defineNode({
  type: 'trigger-api',
  version: 1,
  category: 'trigger',
  label: 'API / manual start',
  description: 'Starts for one contact when your system (or a teammate) calls the runs API.',
  icon: 'terminal',
  config: triggerApiConfigSchema,
  defaults: { fields: [] },
  ports: () => [port('next', 'Next', 'next', true)],
  compile: (_config, ctx) => compileTrigger(ctx),
  analysis: {
    window: () => ({ kind: 'unknown' }),
    provides: (c) => [{ scope: 'trigger', names: ['received_at', ...c.fields.map((f) => f.name)], ports: 'all' }],
  },
  summary: (c) => (c.fields.length ? `API start with ${c.fields.map((f) => f.name).join(', ')}` : 'API start'),
  starters: (_data, node) => [{ kind: 'start', node, label: 'Start as the API would' }],
});
