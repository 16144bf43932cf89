import { describe, expect, it } from 'vitest';
import { validateFlow } from '../validateFlow';
import { edge, event, flow, template } from '../../../test/flowKit';

const problems = (settings: Record<string, unknown>) =>
  validateFlow(flow([event(), template('t')], [edge('ev', 'next', 't')], settings))
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => ({ code: d.code, path: d.path }));
const goal = (extra: Record<string, unknown>) => ({ goals: [{ name: 'Purchase', kind: 'event', event: 'order.paid', ...extra }] });

describe('checkGoals', () => {
  it('accepts a value and currency read from the payload, or a fixed currency code', () => {
    expect(problems(goal({ value: 'payload.total', currency: 'payload.currency' }))).toEqual([]);
    expect(problems(goal({ value: 'payload.total * 1.2', currency: 'EUR' }))).toEqual([]);
  });

  it('marks an expression that cannot be read, at its path in the settings', () => {
    expect(problems(goal({ value: 'payload.total +' }))).toEqual([{ code: 'expression-syntax', path: ['settings', 'goals', 0, 'value'] }]);
  });

  it('marks a name a goal cannot read: run variables are not there after the journey', () => {
    expect(problems(goal({ value: 'vars.total' }))).toEqual([{ code: 'unknown-variable', path: ['settings', 'goals', 0, 'value'] }]);
  });

  it('marks a condition that is not true or false, and an unknown contact field', () => {
    expect(problems({ goals: [{ name: 'Customer', kind: 'contact', condition: '"customer"' }] })).toEqual([
      { code: 'expression-type', path: ['settings', 'goals', 0, 'condition'] },
    ]);
    expect(problems({ exits: [{ kind: 'contact', condition: 'contact.plann == "gold"' }] })).toEqual([
      { code: 'unknown-variable', path: ['settings', 'exits', 0, 'condition'] },
    ]);
  });

  it('asks for the event of an event goal and the condition of a condition exit', () => {
    expect(problems({ goals: [{ name: 'Purchase', kind: 'event' }], exits: [{ kind: 'contact' }] }).map((p) => p.path)).toEqual([
      ['settings', 'goals', 0, 'event'],
      ['settings', 'exits', 0, 'condition'],
    ]);
  });
});
