import { describe, expect, it } from 'vitest';
import { checkGoToFlow } from './checks';
import { goToFlow } from './definition';
import { configOf } from '../../test/nodeTestKit';

const config = configOf(goToFlow, { flowId: 'main-menu' });

describe('checkGoToFlow', () => {
  it('reports a flow the workspace does not have', () => {
    expect(checkGoToFlow(config, { flowIds: ['welcome'], label: 'Go to flow' })).toEqual([
      { code: 'unknown-flow', message: 'There is no flow "main-menu" in this workspace to go to.', path: ['flowId'] },
    ]);
  });

  it('finds nothing when the flow exists or the flows are not known', () => {
    expect(checkGoToFlow(config, { flowIds: ['welcome', 'main-menu'], label: 'Go to flow' })).toEqual([]);
    expect(checkGoToFlow(config, { label: 'Go to flow' })).toEqual([]);
  });

  it('is the policy check of the node', () => {
    expect(goToFlow.policy?.check).toBe(checkGoToFlow);
  });
});
