import type { PolicyContext, PolicyFinding } from '../nodePolicy';
import type { GoToFlowConfig } from './definition';

/** The flow to go to must exist in the workspace. */
export function checkGoToFlow(c: GoToFlowConfig, ctx: PolicyContext): PolicyFinding[] {
  if (!ctx.flowIds || ctx.flowIds.includes(c.flowId)) return [];
  return [{ code: 'unknown-flow', message: `There is no flow "${c.flowId}" in this workspace to go to.`, path: ['flowId'] }];
}
