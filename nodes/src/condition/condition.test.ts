import { describe, expect, it } from 'vitest';
import { condition } from './definition';
import { compileWith, configOf, issuesOf, portIds } from '../../test/nodeTestKit';

const branch = (id: string, expression = `"${id}" in contact.tags`) => ({ id, label: id.toUpperCase(), expression });
const vipOrNew = { branches: [branch('vip'), branch('new')], elseLabel: 'Everyone else' };

describe('condition', () => {
  it('accepts its defaults: one branch and an otherwise output', () => {
    expect(configOf(condition, condition.defaults)).toEqual({
      branches: [{ id: 'yes', label: 'VIP', expression: '"vip" in contact.tags' }],
      elseLabel: 'Otherwise',
    });
  });

  it('needs at least one branch, each with a condition', () => {
    expect(issuesOf(condition, { branches: [] })).toEqual(['branches: Branches: Add at least one branch']);
    expect(issuesOf(condition, { branches: [branch('vip', '  ')] })).toEqual(['branches.0.expression: Branches › #1 › When: Write the condition']);
  });

  it('rejects two branches with the same id', () => {
    expect(issuesOf(condition, { branches: [branch('vip'), branch('vip', 'contact.orders_count > 3')] })).toEqual([
      'branches: Branches: Branch ids must be different',
    ]);
  });

  it('reserves the else id for the otherwise output', () => {
    expect(issuesOf(condition, { branches: [branch('else')] })).toEqual(['branches: Branches: "else" is reserved for the otherwise output']);
  });

  it('rejects branch ids that cannot name an output', () => {
    expect(issuesOf(condition, { branches: [branch('big spender')] })).toEqual(['branches.0.id: Branches › #1 › Id: Use 1–64 letters, digits, "-" or "_"']);
  });

  it('has one required output per branch, in order, then an optional otherwise', () => {
    expect(condition.ports(configOf(condition, vipOrNew))).toEqual([
      { id: 'vip', label: 'VIP', kind: 'branch', required: true },
      { id: 'new', label: 'NEW', kind: 'branch', required: true },
      { id: 'else', label: 'Everyone else', kind: 'branch', required: false },
    ]);
    expect(portIds(condition, condition.defaults)).toEqual(['yes', 'else']);
  });

  it('compiles to guarded transitions checked in order, then the otherwise output', () => {
    expect(compileWith(condition, vipOrNew)).toEqual({
      entry: [{ type: 'tandem.enter', params: { node: 'n1' } }],
      always: [
        {
          target: 'vip_target',
          guard: { type: 'tandem.expression', params: { node: 'n1', branch: 'vip' } },
          actions: [{ type: 'tandem.port', params: { node: 'n1', port: 'vip' } }],
        },
        {
          target: 'new_target',
          guard: { type: 'tandem.expression', params: { node: 'n1', branch: 'new' } },
          actions: [{ type: 'tandem.port', params: { node: 'n1', port: 'new' } }],
        },
        { target: 'else_target', actions: [{ type: 'tandem.port', params: { node: 'n1', port: 'else' } }] },
      ],
    });
  });

  it('ends the run when the otherwise output is not connected', () => {
    expect(compileWith(condition, vipOrNew, ['vip', 'new']).always?.map((t) => t.target)).toEqual(['vip_target', 'new_target', '$end']);
  });

  it('takes no time, so a loop through it alone never waits', () => {
    const config = configOf(condition, vipOrNew);
    expect(condition.analysis.waits(config)).toBe(false);
    expect(condition.analysis.window(config, 'vip')).toEqual({ kind: 'elapse', ms: 0 });
  });
});
