import { describe, expect, it } from 'vitest';
import { split } from './definition';
import { splitRuntime } from './runtime';
import { configOf } from '../../test/nodeTestKit';

const variant = splitRuntime.variant!;
const buckets = Array.from({ length: 100 }, (_, i) => i);
const counts = (c: Parameters<typeof variant>[0]) => {
  const out: Record<string, number> = {};
  for (const b of buckets) {
    const v = variant(c, b);
    out[v] = (out[v] ?? 0) + 1;
  }
  return out;
};

const threeWay = configOf(split, {
  variants: [
    { id: 'a', label: 'A', weight: 20 },
    { id: 'b', label: 'B', weight: 30 },
    { id: 'c', label: 'C', weight: 50 },
  ],
});

describe('split runtime', () => {
  it('sends as many of the 100 buckets down each variant as its weight', () => {
    expect(counts(threeWay)).toEqual({ a: 20, b: 30, c: 50 });
  });

  it('gives the variants consecutive bucket ranges in their order', () => {
    expect([0, 19, 20, 49, 50, 99].map((b) => variant(threeWay, b))).toEqual(['a', 'a', 'b', 'b', 'c', 'c']);
  });

  it('gives a contact the same variant every time for the same bucket', () => {
    const half = configOf(split, split.defaults);
    expect(variant(half, 49)).toBe('a');
    expect(variant(half, 49)).toBe('a');
    expect(variant(half, 50)).toBe('b');
  });

  it('never picks a variant with weight 0', () => {
    const paused = configOf(split, {
      variants: [
        { id: 'old', label: 'Old', weight: 0 },
        { id: 'new', label: 'New', weight: 100 },
      ],
    });
    expect(counts(paused)).toEqual({ new: 100 });
  });

  it('falls back to the last variant for a bucket outside 0–99', () => {
    expect(variant(threeWay, 100)).toBe('c');
  });
});
