import type { Box } from './placement';

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** Below this zoom a step's text is too small to read. */
export const READABLE_ZOOM = 0.8;
const MAX_ZOOM = 1;
const PAD = 40;
/** Room above the flow for the search box drawn over the canvas. */
const TOP_PAD = 64;

/**
 * How a flow opens: the whole flow when it fits at a readable zoom (never above 100 %); else at
 * 80 % with the trigger at the left edge, level with the middle of the pane (or the top of the
 * flow, if that is lower), so the journey reads from its start. `start` is the trigger's box (the
 * left-most step when there is none); `boxes` every step and note.
 */
export function openingViewport(boxes: readonly Box[], start: Box | undefined, pane: { width: number; height: number }): Viewport | undefined {
  if (boxes.length === 0 || pane.width <= 0 || pane.height <= 0) return undefined;
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  const fit = Math.min((pane.width - 2 * PAD) / (right - left), (pane.height - 2 * PAD) / (bottom - top));
  if (fit >= READABLE_ZOOM) {
    const zoom = Math.min(fit, MAX_ZOOM);
    return { zoom, x: pane.width / 2 - ((left + right) / 2) * zoom, y: pane.height / 2 - ((top + bottom) / 2) * zoom };
  }
  const zoom = READABLE_ZOOM;
  const anchor = start ?? boxes.reduce((a, b) => (b.x < a.x ? b : a));
  // The flow coordinate shown at the top of the pane: the trigger in the middle, but no empty space above the flow.
  const visibleTop = Math.max(top - TOP_PAD / zoom, anchor.y + anchor.height / 2 - pane.height / 2 / zoom);
  return { zoom, x: PAD - anchor.x * zoom, y: -visibleTop * zoom };
}
