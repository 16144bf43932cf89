import { MarkerType, type Edge } from '@xyflow/react';
import type { FlowDocument, FlowEdge, FlowNode, FlowNote } from '@tandem/shared';
import { definitionOf, isNodeType } from '@tandem/nodes';
import { nodeView } from './nodeView';
import type { Selection } from '../store/clipboard';
import type { Dimensions } from '../store/flowStore';
import type { StepNode } from './FlowNodeView';
import type { NoteCanvasNode } from './NoteNode';

export type CanvasNode = StepNode | NoteCanvasNode;

/** Canvas id of a note: notes and steps share React Flow's id space, and ":" never occurs in element ids. */
const noteCanvasId = (id: string) => `note:${id}`;
export const noteIdOf = (canvasId: string) => (canvasId.startsWith('note:') ? canvasId.slice(5) : undefined);

interface Cached<T> {
  selected: boolean;
  size: Dimensions | undefined;
  out: T;
  label?: string | undefined;
}

/** Arrowhead colours: the same as the line (see the edge rules in styles.css). */
const markerColor = (handle: string) =>
  handle === 'error' || handle === 'window_closed' ? '#c62828' : handle === 'timeout' || handle === 'invalid' || handle === 'missed' ? '#b26a00' : '#5b6472';

/** The output a connection leaves, in words, when its step has others ("Tea", "Window closed"). */
function portLabel(source: FlowNode | undefined, handle: string): string | undefined {
  if (!source || !isNodeType(source.type)) return undefined;
  const ports = nodeView(definitionOf(source.type), source.data).ports;
  // The plain way on ("Next", "Sent") goes without saying.
  if (!ports || ports.length < 2 || handle === 'next') return undefined;
  return ports.find((p) => p.id === handle)?.label;
}

/**
 * Derives React Flow's nodes and edges from the document. Each output object is reused while its
 * source element, selection and size are unchanged, so memoised node components skip re-rendering
 * (during a drag only the moved nodes get new objects).
 */
export function createElementDeriver() {
  const nodes = new WeakMap<FlowNode, Cached<StepNode>>();
  const notes = new WeakMap<FlowNote, Cached<NoteCanvasNode>>();
  const edges = new WeakMap<FlowEdge, Cached<Edge>>();

  const stepNode = (n: FlowNode, selected: boolean, size: Dimensions | undefined): StepNode => {
    const hit = nodes.get(n);
    if (hit && hit.selected === selected && hit.size === size) return hit.out;
    const out: StepNode = {
      id: n.id,
      type: isNodeType(n.type) ? n.type : 'unknown',
      position: n.position,
      data: n.data,
      selected,
      ...(size ? { measured: size } : {}),
    };
    nodes.set(n, { selected, size, out });
    return out;
  };

  const noteNode = (n: FlowNote, selected: boolean, size: Dimensions | undefined): NoteCanvasNode => {
    const hit = notes.get(n);
    if (hit && hit.selected === selected && hit.size === size) return hit.out;
    const out: NoteCanvasNode = {
      id: noteCanvasId(n.id),
      type: 'note',
      position: n.position,
      data: { noteId: n.id, text: n.text, color: n.color },
      selected,
      connectable: false,
      style: { width: n.width ?? 200, height: n.height ?? 120 },
      zIndex: -1,
      ...(size ? { measured: size } : {}),
    };
    notes.set(n, { selected, size, out });
    return out;
  };

  const edge = (e: FlowEdge, selected: boolean, label: string | undefined): Edge => {
    const hit = edges.get(e);
    if (hit && hit.selected === selected && hit.label === label) return hit.out;
    const out: Edge = {
      id: e.id,
      source: e.source,
      sourceHandle: e.sourceHandle,
      target: e.target,
      selected,
      className: `tn-edge tn-edge-${e.sourceHandle}`,
      markerEnd: { type: MarkerType.ArrowClosed, width: 10, height: 10, color: selected ? '#128c7e' : markerColor(e.sourceHandle) },
      ...(label ? { label, labelBgPadding: [6, 3] as [number, number], labelBgBorderRadius: 8 } : {}),
    };
    edges.set(e, { selected, size: undefined, out, label });
    return out;
  };

  return {
    nodes(doc: FlowDocument, selection: Selection, sizes: ReadonlyMap<string, Dimensions>): CanvasNode[] {
      return [
        ...doc.notes.map((n) => noteNode(n, selection.notes.has(n.id), sizes.get(noteCanvasId(n.id)))),
        ...doc.nodes.map((n) => stepNode(n, selection.nodes.has(n.id), sizes.get(n.id))),
      ];
    },
    edges(doc: FlowDocument, selection: Selection): Edge[] {
      const byId = new Map(doc.nodes.map((n) => [n.id, n]));
      return doc.edges.map((e) => edge(e, selection.edges.has(e.id), portLabel(byId.get(e.source), e.sourceHandle)));
    },
  };
}
