import { z } from 'zod';
import { port, portIdSchema } from '@tandem/shared';
import { defineNode } from '../defineNode';
import { field } from '../form';
import { refs } from '../compileContext';

const branchSchema = z.object({
  id: field(portIdSchema, { label: 'Id', help: 'Names the output' }),
  label: field(z.string().trim().min(1).max(60), { label: 'Label' }),
  expression: field(z.string().trim().min(1, 'Write the condition').max(1_000), {
    label: 'When',
    widget: 'expression',
    expects: 'boolean',
    placeholder: 'contact.orders_count > 3 && "vip" in contact.tags',
  }),
});

const conditionConfigSchema = z.object({
  branches: field(
    z
      .array(branchSchema)
      .min(1, 'Add at least one branch')
      .max(10)
      .refine((bs) => new Set(bs.map((b) => b.id)).size === bs.length, 'Branch ids must be different')
      .refine((bs) => !bs.some((b) => b.id === 'else'), '"else" is reserved for the otherwise output'),
    { label: 'Branches', widget: 'list', help: 'Checked in order; the first that holds is taken' },
  ),
  elseLabel: field(z.string().trim().min(1).max(60).default('Otherwise'), { label: 'Otherwise label' }),
});
export type ConditionConfig = z.infer<typeof conditionConfigSchema>;

export const condition = defineNode({
  type: 'condition',
  version: 1,
  category: 'logic',
  label: 'Condition',
  description: 'Goes down the first branch whose condition holds (if / else if / otherwise).',
  icon: 'git-branch',
  config: conditionConfigSchema,
  defaults: { branches: [{ id: 'yes', label: 'VIP', expression: '"vip" in contact.tags' }] },
  ports: (c) => [...c.branches.map((b) => port(b.id, b.label, 'branch', true)), port('else', c.elseLabel, 'branch')],
  compile: (c, ctx) => ({
    entry: ctx.enter(),
    always: [...c.branches.map((b) => ctx.via(b.id, { guard: refs.expression(ctx.nodeId, b.id) })), ctx.via('else')],
  }),
  summary: (c) => c.branches.map((b) => `${b.label}: ${b.expression}`).join(' · '),
});
