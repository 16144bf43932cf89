import { useCallback } from 'react';
import { useReactFlow } from '@xyflow/react';
import { definitionOf, isNodeType } from '@tandem/nodes';
import type { FlowStore } from '../store/flowStore';
import { openingViewport } from './openingViewport';
import { newStepSize } from './placement';
import { canvasBounds } from './reveal';

/** React Flow's onInit: the flow opens at a readable zoom, whole when it fits, else from its trigger (openingViewport). */
export function useOpeningView(store: FlowStore): () => void {
  const rf = useReactFlow();
  return useCallback(() => {
    const { doc, sizes } = store.getState();
    const size = (id: string) => sizes.get(id) ?? newStepSize;
    const boxes = [
      ...doc.nodes.map((n) => ({ ...n.position, ...size(n.id) })),
      ...doc.notes.map((n) => ({ ...n.position, width: n.width ?? 200, height: n.height ?? 120 })),
    ];
    const trigger = doc.nodes.find((n) => isNodeType(n.type) && definitionOf(n.type).category === 'trigger');
    const pane = canvasBounds();
    const viewport = pane && openingViewport(boxes, trigger && { ...trigger.position, ...size(trigger.id) }, pane);
    if (viewport) void rf.setViewport(viewport);
  }, [store, rf]);
}
