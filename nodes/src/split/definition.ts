import { z } from 'zod';
import { port, portIdSchema } from '@tandem/shared';
import { defineNode } from '../defineNode';
import { field } from '../form';
import { refs } from '../compileContext';

const variantSchema = z.object({
  id: field(portIdSchema, { label: 'Id' }),
  label: field(z.string().trim().min(1).max(60), { label: 'Label' }),
  weight: field(z.number().int().min(0).max(100), { label: 'Weight (%)' }),
});

const splitConfigSchema = z.object({
  variants: field(
    z
      .array(variantSchema)
      .min(2, 'A split needs at least two variants')
      .max(5)
      .refine((vs) => new Set(vs.map((v) => v.id)).size === vs.length, 'Variant ids must be different')
      .refine((vs) => vs.reduce((s, v) => s + v.weight, 0) === 100, 'Weights must add up to 100'),
    { label: 'Variants', widget: 'list' },
  ),
});
export type SplitConfig = z.infer<typeof splitConfigSchema>;

export const split = defineNode({
  type: 'split',
  version: 1,
  category: 'logic',
  label: 'A/B split',
  description: 'Sends each contact down one variant at random, by weight. A contact always gets the same variant in a run.',
  icon: 'split',
  config: splitConfigSchema,
  defaults: {
    variants: [
      { id: 'a', label: 'A', weight: 50 },
      { id: 'b', label: 'B', weight: 50 },
    ],
  },
  ports: (c) => c.variants.map((v) => port(v.id, `${v.label} (${v.weight}%)`, 'branch', true)),
  compile: (c, ctx) => {
    const guarded = c.variants.slice(0, -1).map((v) => ctx.via(v.id, { guard: refs.split(ctx.nodeId, v.id) }));
    const last = c.variants[c.variants.length - 1];
    return { entry: ctx.enter(), always: [...guarded, ...(last ? [ctx.via(last.id)] : [])] };
  },
  summary: (c) => c.variants.map((v) => `${v.label} ${v.weight}%`).join(' / '),
});
