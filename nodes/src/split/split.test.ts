import { describe, expect, it } from 'vitest';
import { split } from './definition';
import { compileWith, configOf, issuesOf, portIds } from '../../test/nodeTestKit';

const variant = (id: string, weight: number) => ({ id, label: id.toUpperCase(), weight });
const threeWay = { variants: [variant('a', 20), variant('b', 30), variant('control', 50)] };

describe('split', () => {
  it('accepts its defaults: A and B at 50% each', () => {
    expect(configOf(split, split.defaults)).toEqual({
      variants: [
        { id: 'a', label: 'A', weight: 50 },
        { id: 'b', label: 'B', weight: 50 },
      ],
    });
  });

  it('rejects weights that do not add up to 100', () => {
    expect(issuesOf(split, { variants: [variant('a', 50), variant('b', 40)] })).toEqual(['variants: Variants: Weights must add up to 100']);
    expect(issuesOf(split, { variants: [variant('a', 60), variant('b', 50)] })).toEqual(['variants: Variants: Weights must add up to 100']);
  });

  it('takes whole percentages only', () => {
    expect(issuesOf(split, { variants: [variant('a', 50.5), variant('b', 49.5)] })).toEqual([
      'variants.0.weight: Variants › #1 › Weight (%): Expected int',
      'variants.1.weight: Variants › #2 › Weight (%): Expected int',
    ]);
  });

  it('needs at least two variants with different ids', () => {
    expect(issuesOf(split, { variants: [variant('a', 100)] })).toEqual(['variants: Variants: A split needs at least two variants']);
    expect(issuesOf(split, { variants: [variant('a', 50), variant('a', 50)] })).toEqual(['variants: Variants: Variant ids must be different']);
  });

  it('has one required output per variant, labelled with its weight', () => {
    expect(split.ports(configOf(split, threeWay))).toEqual([
      { id: 'a', label: 'A (20%)', kind: 'branch', required: true },
      { id: 'b', label: 'B (30%)', kind: 'branch', required: true },
      { id: 'control', label: 'CONTROL (50%)', kind: 'branch', required: true },
    ]);
    expect(portIds(split, split.defaults)).toEqual(['a', 'b']);
  });

  it('compiles to a guard per variant except the last, which takes the rest', () => {
    const leave = (port: string, guarded: boolean) => ({
      target: `${port}_target`,
      ...(guarded ? { guard: { type: 'tandem.split', params: { node: 'n1', variant: port } } } : {}),
      actions: [{ type: 'tandem.port', params: { node: 'n1', port } }],
    });
    expect(compileWith(split, threeWay)).toEqual({
      entry: [{ type: 'tandem.enter', params: { node: 'n1' } }],
      always: [leave('a', true), leave('b', true), leave('control', false)],
    });
  });

  it('ends the run for a variant that is not connected', () => {
    expect(compileWith(split, threeWay, ['a', 'control']).always?.map((t) => t.target)).toEqual(['a_target', '$end', 'control_target']);
  });

  it('takes no time', () => {
    const config = configOf(split, threeWay);
    expect(split.analysis.waits(config)).toBe(false);
    expect(split.analysis.window(config, 'control')).toEqual({ kind: 'elapse', ms: 0 });
  });
});
