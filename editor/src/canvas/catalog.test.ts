import { describe, expect, it } from 'vitest';
import { definitionOf, nodeTypes } from '@tandem/nodes';
import { searchCatalog, stepCatalog } from './catalog';

const labels = (groups: ReturnType<typeof searchCatalog>) => groups.flatMap((g) => g.steps.map((s) => s.label));

describe('the step catalog', () => {
  it('lists every step type once, grouped by category', () => {
    const all = stepCatalog().flatMap((g) => g.steps.map((s) => s.type));
    expect([...all].sort()).toEqual([...nodeTypes].sort());
    for (const g of stepCatalog()) expect(g.steps.every((s) => definitionOf(s.type).category === g.category)).toBe(true);
  });

  it('finds a step by a word of its name, the best match first', () => {
    const wait = nodeTypes.map(definitionOf).find((d) => d.label.toLowerCase().startsWith('wait'))!;
    expect(labels(searchCatalog('wait', { triggers: false }))[0]).toBe(wait.label);
  });

  it('needs every word of the query', () => {
    const steps = searchCatalog('person hand', { triggers: true }).flatMap((g) => g.steps);
    expect(steps.length).toBeGreaterThan(0);
    for (const s of steps) expect(`${s.label} ${s.description}`.toLowerCase()).toMatch(/(?=.*person)(?=.*hand)/s);
    expect(steps.length).toBeLessThan(nodeTypes.length);
    expect(searchCatalog('zebra unicorn', { triggers: true })).toEqual([]);
  });

  it('leaves out triggers when the step is added after another', () => {
    expect(searchCatalog('', { triggers: false }).some((g) => g.category === 'trigger')).toBe(false);
    expect(searchCatalog('', { triggers: true }).some((g) => g.category === 'trigger')).toBe(true);
  });
});
