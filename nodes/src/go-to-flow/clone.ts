import type { NodeClone } from '../nodeClone';

/** The flow to start is named by its id in the source workspace. */
export const goToFlowClone: NodeClone = {
  refs: (data) => (typeof data.flowId === 'string' ? { flows: [data.flowId] } : {}),
  remap: (data, mapping) => (typeof data.flowId === 'string' && mapping.flows[data.flowId] ? { ...data, flowId: mapping.flows[data.flowId] } : data),
};
