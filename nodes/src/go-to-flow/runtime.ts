import { defineRuntime } from '../defineRuntime';
import type { GoToFlowConfig } from './definition';

export const goToFlowRuntime = defineRuntime<GoToFlowConfig>({
  nextFlow: (c) => ({ flowId: c.flowId, passVariables: c.passVariables }),
});
