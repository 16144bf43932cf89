import { describe, expect, it } from 'vitest';
import type { EffectPorts } from '../defineRuntime';
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

describe('go-to-flow runtime: the startFlow effect', () => {
  const effect = goToFlowRuntime.effects!.startFlow!;

  it('carries the flow to start and the variables to pass', () => {
    expect(effect.payload.parse({ flowId: 'main-menu', vars: { plan: 'pro' } })).toEqual({ flowId: 'main-menu', vars: { plan: 'pro' } });
    expect(effect.payload.safeParse({ flowId: 'main-menu' }).success).toBe(false);
    expect(effect.payload.safeParse({ flowId: 7, vars: {} }).success).toBe(false);
  });

  it('starts the flow with the variables, and asks nothing else of the engine', async () => {
    const calls: unknown[] = [];
    const ports: EffectPorts = {
      openHandoff: async () => void calls.push('openHandoff'),
      pauseContactUntilReleased: async () => void calls.push('pause'),
      startFlow: async (flowId, vars) => void calls.push({ flowId, vars }),
    };
    await effect.run(effect.payload.parse({ flowId: 'onboarding', vars: { plan: 'pro' } }), ports);
    expect(calls).toEqual([{ flowId: 'onboarding', vars: { plan: 'pro' } }]);
  });
});
