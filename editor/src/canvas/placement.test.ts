import { describe, expect, it } from 'vitest';
import { freeSpot, newStepSize, overlaps, placeBeside } from './placement';

const source = { x: 0, y: 0, width: 260, height: 200 };

describe('placing a step after another', () => {
  it('puts it to the right of the step, level with it', () => {
    const p = placeBeside(source, 0, 1, [source]);
    expect(p.x).toBeGreaterThanOrEqual(source.x + source.width + 40);
    expect(p.y).toBe(0);
  });

  it('puts the step of a later output lower than the first output’s', () => {
    const first = placeBeside(source, 0, 3, [source]);
    const third = placeBeside(source, 2, 3, [source]);
    expect(third.y).toBeGreaterThan(first.y + newStepSize.height);
  });

  it('moves down past steps already there, so nothing overlaps', () => {
    const taken = [source, { x: 340, y: 0, width: 260, height: 150 }, { x: 340, y: 180, width: 260, height: 150 }];
    const p = placeBeside(source, 0, 1, taken);
    expect(taken.some((b) => overlaps({ ...p, ...newStepSize }, b))).toBe(false);
    // Still in the column right of the step, below the two already there.
    expect(p.x).toBe(placeBeside(source, 0, 1, [source]).x);
    expect(p.y).toBeGreaterThanOrEqual(330);
  });

  it('snaps to the 16 px grid', () => {
    const p = freeSpot({ x: 101, y: 37 }, []);
    expect(p).toEqual({ x: 96, y: 32 });
  });
});
