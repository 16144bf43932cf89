import { z } from 'zod';
import { defineNode } from '../defineNode';
import { field } from '../form';
import { refs } from '../compileContext';
import { checkGoToFlow } from './checks';
import { goToFlowClone } from './clone';

const goToFlowConfigSchema = z.object({
  flowId: field(z.string().trim().min(1, 'Pick the flow to go to').max(64), { label: 'Flow', widget: 'flow-picker' }),
  passVariables: field(z.boolean().default(true), { label: "Pass this journey's variables", widget: 'toggle' }),
});
export type GoToFlowConfig = z.infer<typeof goToFlowConfigSchema>;

export const goToFlow = defineNode({
  type: 'go-to-flow',
  version: 1,
  category: 'flow',
  label: 'Go to flow',
  description: 'Ends this journey and starts another published flow for the contact.',
  icon: 'corner-down-right',
  config: goToFlowConfigSchema,
  defaults: { flowId: 'main-menu' },
  ports: () => [],
  compile: (_c, ctx) => ({ type: 'final', entry: ctx.enter(refs.effect(ctx.nodeId, 'startFlow')) }),
  summary: (c) => `Go to ${c.flowId}`,
  policy: { check: checkGoToFlow },
  clone: goToFlowClone,
});
