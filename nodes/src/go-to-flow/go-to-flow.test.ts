import { describe, expect, it } from 'vitest';
import { goToFlow } from './definition';
import { compileWith, configOf, issuesOf, portIds } from '../../test/nodeTestKit';

describe('go-to-flow', () => {
  it('accepts its defaults and passes variables unless told otherwise', () => {
    expect(configOf(goToFlow, goToFlow.defaults)).toEqual({ flowId: 'main-menu', passVariables: true });
  });

  it('asks to pick a flow when none is chosen', () => {
    expect(issuesOf(goToFlow, { flowId: '  ' })).toEqual(['flowId: Flow: Pick the flow to go to']);
    expect(issuesOf(goToFlow, {})).toEqual(['flowId: Flow: Required']);
  });

  it('has no outputs, since this journey ends here', () => {
    expect(portIds(goToFlow, { flowId: 'main-menu', passVariables: false })).toEqual([]);
  });

  it('compiles to a final state that starts the other flow', () => {
    expect(compileWith(goToFlow, goToFlow.defaults)).toEqual({
      type: 'final',
      entry: [
        { type: 'tandem.enter', params: { node: 'n1' } },
        { type: 'tandem.nodeEffect', params: { node: 'n1', effect: 'startFlow' } },
      ],
    });
  });
});
