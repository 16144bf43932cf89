import type { Position } from '@tandem/shared';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The size assumed for a step that has not been drawn yet (a fresh step of most types). */
export const newStepSize = { width: 260, height: 150 };
const GAP_X = 80;
const GAP_Y = 32;
const GRID = 16;

/**
 * Where a step added after `source` goes: to its right, level with the output it hangs from
 * (`portIndex` of `portCount`), moved down past any step it would overlap. Snapped to the grid.
 */
export function placeBeside(source: Box, portIndex: number, portCount: number, others: readonly Box[], size = newStepSize): Position {
  // Outputs are listed at the bottom of a step; a later output starts its step lower down.
  const rowShare = portCount > 1 ? portIndex * (size.height + GAP_Y) : 0;
  return freeSpot({ x: source.x + source.width + GAP_X, y: source.y + rowShare }, others, size);
}

/** The first spot at or below `at` where a step of `size` overlaps none of `others` (with a margin). */
export function freeSpot(at: Position, others: readonly Box[], size = newStepSize): Position {
  let candidate = { x: snap(at.x), y: snap(at.y) };
  for (let i = 0; i < 500; i++) {
    const hit = others.find((o) => overlaps({ ...candidate, ...size }, o, GAP_Y / 2));
    if (!hit) return candidate;
    candidate = { x: candidate.x, y: snap(hit.y + hit.height + GAP_Y) };
  }
  return candidate;
}

/** Whether two boxes come closer than `margin`. */
export function overlaps(a: Box, b: Box, margin = 0): boolean {
  return a.x < b.x + b.width + margin && b.x < a.x + a.width + margin && a.y < b.y + b.height + margin && b.y < a.y + a.height + margin;
}

const snap = (v: number) => Math.round(v / GRID) * GRID;
