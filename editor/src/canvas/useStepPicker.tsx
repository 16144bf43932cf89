import { useCallback, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { Position } from '@tandem/shared';
import { definitionOf, isNodeType, type NodeType } from '@tandem/nodes';
import type { FlowStore } from '../store/flowStore';
import { nodeView } from './nodeView';
import { freeSpot, newStepSize, placeBeside, type Box } from './placement';
import { revealBox } from './reveal';
import { StepPicker } from './StepPicker';

/** Why the picker is open: after an output (placed beside its step) or at a point of the canvas. */
export type PickerRequest = {
  /** Client coordinates the picker opens at. */
  at: { x: number; y: number };
  from?: { source: string; sourceHandle: string };
  /** A flow position to put the step at (a connection dropped on empty canvas); else beside its source. */
  position?: Position;
};

/** The step picker of the canvas: open it for an output or a point, and add the picked step there. */
export function useStepPicker(store: FlowStore, bounds: () => DOMRect | undefined) {
  const rf = useReactFlow();
  const [request, setRequest] = useState<PickerRequest>();
  const close = useCallback(() => setRequest(undefined), []);

  const pick = (type: NodeType) => {
    if (!request) return;
    setRequest(undefined);
    const state = store.getState();
    const boxes = stepBoxes(store);
    const position = request.position
      ? freeSpot({ x: request.position.x, y: request.position.y - 24 }, [...boxes.values()])
      : request.from
        ? besideOutput(store, boxes, request.from)
        : freeSpot(rf.screenToFlowPosition(request.at), [...boxes.values()]);
    const id = request.from ? state.addNodeAfter(type, position, request.from) : state.addNode(type, position);
    revealBox(rf, bounds(), { ...position, ...newStepSize });
    // The next Tab adds after the new step: the canvas, not the removed search box, keeps the keys.
    requestAnimationFrame(() => (document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`) as HTMLElement | null)?.focus?.());
  };

  const picker = request ? (
    <StepPicker at={request.at} bounds={bounds()} title={titleOf(store, request)} triggers={!request.from} onPick={pick} onClose={close} />
  ) : null;
  return { picker, open: setRequest, isOpen: request !== undefined };
}

function stepBoxes(store: FlowStore): Map<string, Box> {
  const { doc, sizes } = store.getState();
  const boxes = new Map<string, Box>();
  for (const n of doc.nodes) boxes.set(n.id, { ...n.position, ...(sizes.get(n.id) ?? newStepSize) });
  for (const n of doc.notes) boxes.set(`note:${n.id}`, { ...n.position, width: n.width ?? 200, height: n.height ?? 120 });
  return boxes;
}

function portsOf(store: FlowStore, nodeId: string) {
  const node = store.getState().doc.nodes.find((n) => n.id === nodeId);
  return node && isNodeType(node.type) ? (nodeView(definitionOf(node.type), node.data).ports ?? []) : [];
}

function besideOutput(store: FlowStore, boxes: Map<string, Box>, from: { source: string; sourceHandle: string }): Position {
  const source = boxes.get(from.source) ?? { x: 0, y: 0, ...newStepSize };
  const ports = portsOf(store, from.source);
  const index = Math.max(
    0,
    ports.findIndex((p) => p.id === from.sourceHandle),
  );
  return placeBeside(source, index, ports.length, [...boxes.values()]);
}

function titleOf(store: FlowStore, request: PickerRequest): string {
  if (!request.from) return store.getState().doc.nodes.length === 0 ? 'How does the journey start?' : 'Add a step';
  const node = store.getState().doc.nodes.find((n) => n.id === request.from?.source);
  const stepLabel = node && isNodeType(node.type) ? definitionOf(node.type).label : request.from.source;
  const port = portsOf(store, request.from.source).find((p) => p.id === request.from?.sourceHandle);
  return port && portsOf(store, request.from.source).length > 1 ? `Add a step after “${port.label}” of ${stepLabel}` : `Add a step after ${stepLabel}`;
}
