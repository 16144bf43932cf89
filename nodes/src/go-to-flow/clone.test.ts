import { describe, expect, it } from 'vitest';
import { goToFlow } from './definition';
import { goToFlowClone } from './clone';

const none = { templates: [], attributes: {}, flows: {} };
const data = { flowId: 'main-menu', passVariables: true };

describe('go-to-flow clone', () => {
  it('is the clone hook of the node', () => {
    expect(goToFlow.clone).toBe(goToFlowClone);
  });

  it('refers to the flow it starts', () => {
    expect(goToFlowClone.refs(data)).toEqual({ flows: ['main-menu'] });
    expect(goToFlowClone.refs({})).toEqual({});
  });

  it('points at the mapped flow, or stays as it is', () => {
    expect(goToFlowClone.remap(data, { ...none, flows: { 'main-menu': 'menu-b' } })).toEqual({ flowId: 'menu-b', passVariables: true });
    expect(goToFlowClone.remap(data, { ...none, flows: { other: 'x' } })).toBe(data);
  });
});
