import { defineRuntime } from '../defineRuntime';
import type { GoToFlowConfig } from './definition';

export const goToFlowRuntime = defineRuntime<GoToFlowConfig>({
  endReason: 'go-to-flow',
  nextFlow: (c) => ({ flowId: c.flowId, passVariables: c.passVariables }),
});
