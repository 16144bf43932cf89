import { describe, expect, it } from 'vitest';
import { assign, createMachine, initialTransition, setup, transition } from 'xstate';
import { compileFlow, validateFlow } from '../src/compiler';
import { exampleNames, loadExample } from './fixtureKit';

const names = exampleNames();

describe('example journeys', () => {
  it('include the five journeys of the product brief and a WhatsApp Flow sign-up', () => {
    expect(names.sort()).toEqual([
      'abandoned-cart',
      'appointment-booking',
      'ctwa-lead-qualification',
      'lead-signup-form',
      'order-updates',
      'post-purchase-feedback',
    ]);
  });

  it.each(names)('%s validates with no diagnostics at all', (name) => {
    const result = validateFlow(loadExample(name));
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it.each(names)('%s proves every free-form message is sent inside the 24-hour window', (name) => {
    const result = validateFlow(loadExample(name));
    expect(result.windowProofs.filter((p) => p.status !== 'safe')).toEqual([]);
  });

  it.each(names)('%s compiles to a machine XState accepts, with one state per reachable step', (name) => {
    const compiled = compileFlow(loadExample(name));
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
    const machine = createMachine(compiled.machine as never);
    const stepIds = (loadExample(name).nodes as { id: string }[]).map((n) => n.id);
    expect(Object.keys(machine.config.states ?? {}).sort()).toEqual(['$end', '$start', ...stepIds].sort());
    const [start] = initialTransition(machine);
    expect(start.value).toBe('$start');
  });

  it('abandoned cart: starting the run enters the trigger and parks in the one-hour wait with a timer', () => {
    const compiled = compileFlow(loadExample('abandoned-cart'));
    if (!compiled.ok) throw new Error('abandoned-cart does not compile');
    const machine = setup({
      guards: { 'tandem.isTrigger': ({ event }, params: { node: string }) => (event as { node?: string }).node === params.node },
      actions: { 'tandem.captureTrigger': assign({ trigger: ({ event }) => (event as unknown as { trigger: Record<string, unknown> }).trigger }) },
    }).createMachine(compiled.machine as never);
    const [start] = initialTransition(machine);
    const [parked, actions] = transition(machine, start, { type: 'run.start', node: 'cart_abandoned', trigger: { cart_url: 'https://shop/c/1' } } as never);
    expect(parked.value).toBe('wait_1h');
    expect(parked.context).toMatchObject({ trigger: { cart_url: 'https://shop/c/1' } });
    expect(actions.map((a) => [a.type, a.params])).toEqual([
      ['tandem.enter', { node: 'cart_abandoned' }],
      ['tandem.port', { node: 'cart_abandoned', port: 'next' }],
      ['tandem.enter', { node: 'wait_1h' }],
      ['tandem.timer', { node: 'wait_1h', timer: 'wait' }],
    ]);
  });
});
