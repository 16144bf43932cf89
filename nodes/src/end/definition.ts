import { z } from 'zod';
import { defineNode } from '../defineNode';
import { field } from '../form';

const endConfigSchema = z.object({
  outcome: field(
    z
      .string()
      .trim()
      .max(60)
      .regex(/^[a-z0-9_]*$/, 'Lower-case letters, digits and _')
      .default(''),
    {
      label: 'Outcome',
      placeholder: 'converted',
      help: 'Optional label counted in analytics',
    },
  ),
});
export type EndConfig = z.infer<typeof endConfigSchema>;

export const end = defineNode({
  type: 'end',
  version: 1,
  category: 'flow',
  label: 'End',
  description: 'Ends the journey, optionally recording an outcome such as "converted".',
  icon: 'flag',
  config: endConfigSchema,
  defaults: { outcome: '' },
  ports: () => [],
  compile: (_c, ctx) => ({ type: 'final', entry: ctx.enter() }),
  summary: (c) => (c.outcome ? `End: ${c.outcome}` : 'End'),
});
