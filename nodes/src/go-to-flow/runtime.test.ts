import { describe, expect, it } from 'vitest';
import { goToFlow } from './definition';
import { goToFlowRuntime } from './runtime';
import { configOf } from '../../test/nodeTestKit';

const nextFlow = goToFlowRuntime.nextFlow!;

describe('go-to-flow runtime', () => {
  it("starts the chosen flow and passes this journey's variables by default", () => {
    expect(nextFlow(configOf(goToFlow, { flowId: 'main-menu' }))).toEqual({ flowId: 'main-menu', passVariables: true });
  });

  it('starts the next flow with fresh variables when passing them is turned off', () => {
    expect(nextFlow(configOf(goToFlow, { flowId: ' onboarding ', passVariables: false }))).toEqual({ flowId: 'onboarding', passVariables: false });
  });
});

describe('go-to-flow runtime: what the engine reads', () => {
  it('ends the run by "go-to-flow" and waits for nothing', () => {
    expect(goToFlowRuntime.endReason).toBe('go-to-flow');
    expect(goToFlowRuntime.waitingFor).toBeUndefined();
  });
});
