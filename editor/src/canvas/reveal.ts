import type { ReactFlowInstance } from '@xyflow/react';
import { newStepSize, type Box } from './placement';

/** Pans (at the same zoom) so a step is on screen; a step already in view stays where it is. */
export function revealBox(rf: Pick<ReactFlowInstance, 'flowToScreenPosition' | 'setCenter' | 'getZoom'>, pane: DOMRect | undefined, box: Box): void {
  if (!pane || pane.width === 0 || pane.height === 0) return;
  const topLeft = rf.flowToScreenPosition({ x: box.x, y: box.y });
  const bottomRight = rf.flowToScreenPosition({ x: box.x + box.width, y: box.y + box.height });
  const inside = topLeft.x >= pane.left && topLeft.y >= pane.top && bottomRight.x <= pane.right && bottomRight.y <= pane.bottom;
  if (!inside) void rf.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: rf.getZoom(), duration: 200 });
}

/** The box of a step as React Flow knows it (its drawn size once measured). */
export function stepBox(rf: Pick<ReactFlowInstance, 'getNode'>, id: string): Box | undefined {
  const node = rf.getNode(id);
  return node && { ...node.position, width: node.measured?.width ?? newStepSize.width, height: node.measured?.height ?? newStepSize.height };
}

export const canvasBounds = (): DOMRect | undefined => document.querySelector('.tn-canvas')?.getBoundingClientRect();
