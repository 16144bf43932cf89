import { describe, expect, it } from 'vitest';
import { exampleNames, exampleStarters, loadExample } from './examples';

describe('the example journeys as starters of a new flow', () => {
  it('offers every example with its title and a one-line description, the abandoned cart first', () => {
    expect(exampleStarters.map((s) => s.name).sort()).toEqual(exampleNames);
    expect(exampleStarters[0]?.name).toBe('abandoned-cart');
    for (const s of exampleStarters) {
      expect(s.title, s.name).not.toBe(s.name);
      expect(s.description.length, s.name).toBeGreaterThan(20);
    }
  });

  it('loads the document a starter names, with the same title', async () => {
    const first = exampleStarters[0]!;
    expect(await loadExample(first.name)).toMatchObject({ name: first.title });
  });
});
