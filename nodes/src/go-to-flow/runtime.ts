import { z } from 'zod';
import { defineEffect, defineRuntime } from '../defineRuntime';
import type { GoToFlowConfig } from './definition';

/** Starts the next flow at its entry trigger, with the variables passed on. */
const startFlow = defineEffect({
  payload: z.object({ flowId: z.string(), vars: z.record(z.string(), z.unknown()) }),
  payloadFrom: (c: GoToFlowConfig, { scope }) => ({ flowId: c.flowId, vars: c.passVariables ? scope.vars : {} }),
  run: (payload, ports) => ports.startFlow(payload.flowId, payload.vars),
});

export const goToFlowRuntime = defineRuntime<GoToFlowConfig>({
  endReason: 'go-to-flow',
  effects: { startFlow },
});
