import { fakeCaps } from '../../test/fakeCaps';
import { describe, expect, it } from 'vitest';
import type { Scope } from '../defineRuntime';
import { goToFlow } from './definition';
import { goToFlowRuntime } from './runtime';
import { configOf } from '../../test/nodeTestKit';
import { fakePorts } from '../../test/fakePorts';

const scope: Scope = { contact: {}, vars: { plan: 'pro' }, trigger: {}, now: new Date('2026-03-02T09:00:00.000Z') };
const effect = goToFlowRuntime.effects!.startFlow!;
const startFlowPayload = (data: Record<string, unknown>) =>
  effect.payloadFrom(configOf(goToFlow, data), { scope, event: { type: 'run.start', node: 'hi', runId: '1', trigger: {} }, caps: fakeCaps() });

describe('go-to-flow runtime', () => {
  it("starts the chosen flow and passes this journey's variables by default", () => {
    expect(startFlowPayload({ flowId: 'main-menu' })).toEqual({ flowId: 'main-menu', vars: { plan: 'pro' } });
  });

  it('starts the next flow with fresh variables when passing them is turned off', () => {
    expect(startFlowPayload({ flowId: ' onboarding ', passVariables: false })).toEqual({ flowId: 'onboarding', vars: {} });
  });
});

describe('go-to-flow runtime: what the engine reads', () => {
  it('ends the run by "go-to-flow" and waits for nothing', () => {
    expect(goToFlowRuntime.endReason).toBe('go-to-flow');
    expect(goToFlowRuntime.waitingFor).toBeUndefined();
  });
});

describe('go-to-flow runtime: the startFlow effect', () => {
  it('carries the flow to start and the variables to pass', () => {
    expect(effect.payload.parse({ flowId: 'main-menu', vars: { plan: 'pro' } })).toEqual({ flowId: 'main-menu', vars: { plan: 'pro' } });
    expect(effect.payload.safeParse({ flowId: 'main-menu' }).success).toBe(false);
    expect(effect.payload.safeParse({ flowId: 7, vars: {} }).success).toBe(false);
  });

  it('starts the flow with the variables, and asks nothing else of the engine', async () => {
    const { calls, ports } = fakePorts();
    await effect.run(effect.payload.parse({ flowId: 'onboarding', vars: { plan: 'pro' } }), ports);
    expect(calls).toEqual([{ startFlow: 'onboarding', vars: { plan: 'pro' } }]);
  });
});
