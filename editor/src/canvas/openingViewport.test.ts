import { describe, expect, it } from 'vitest';
import { openingViewport, READABLE_ZOOM } from './openingViewport';

const pane = { width: 1000, height: 600 };
const step = (x: number, y: number) => ({ x, y, width: 260, height: 150 });

describe('the zoom a flow opens at', () => {
  it('shows a small flow whole, at no more than 100 %', () => {
    const v = openingViewport([step(0, 0), step(340, 0)], step(0, 0), pane)!;
    expect(v.zoom).toBe(1);
    // centred: the flow (600 wide) has 200 px on each side
    expect(v.x).toBe(200);
  });

  it('opens a large flow at a readable zoom with the trigger at the left edge', () => {
    const boxes = Array.from({ length: 120 }, (_, i) => step((i % 25) * 320, Math.floor(i / 25) * 220));
    const trigger = boxes[0]!;
    const v = openingViewport(boxes, trigger, pane)!;
    expect(v.zoom).toBe(READABLE_ZOOM);
    const screenX = trigger.x * v.zoom + v.x;
    const screenY = trigger.y * v.zoom + v.y;
    expect(screenX).toBeGreaterThanOrEqual(0);
    expect(screenX).toBeLessThan(100);
    // below the search box over the canvas
    expect(screenY).toBeGreaterThanOrEqual(60);
    expect(screenY + trigger.height * v.zoom).toBeLessThanOrEqual(pane.height);
  });

  it('puts a trigger in the middle of a tall flow level with the middle of the pane', () => {
    const boxes = [step(0, -2000), step(0, 0), step(400, 2000), step(4000, 0)];
    const v = openingViewport(boxes, boxes[1], pane)!;
    const middle = (boxes[1]!.y + 75) * v.zoom + v.y;
    expect(middle).toBeCloseTo(pane.height / 2);
  });

  it('has nothing to show for an empty flow or a pane not drawn yet', () => {
    expect(openingViewport([], undefined, pane)).toBeUndefined();
    expect(openingViewport([step(0, 0)], undefined, { width: 0, height: 0 })).toBeUndefined();
  });
});
