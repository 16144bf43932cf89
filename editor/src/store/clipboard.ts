import { z } from 'zod';
import { flowEdgeSchema, flowNodeSchema, flowNoteSchema, type FlowDocument, type FlowEdge, type FlowNode, type FlowNote, type Position } from '@tandem/shared';
import { idBaseForType, uniqueId } from './ids';
import { migrateOne } from './loadDocument';

/** What Ctrl+C puts on the clipboard: the selected steps, the connections between them, and notes. */
const clipboardSchema = z.object({
  tandem: z.literal('clipboard'),
  version: z.literal(1),
  nodes: z.array(flowNodeSchema),
  edges: z.array(flowEdgeSchema),
  notes: z.array(flowNoteSchema).default([]),
});
export type ClipboardContent = z.infer<typeof clipboardSchema>;

export interface Selection {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  notes: ReadonlySet<string>;
}

/** The selection as clipboard JSON; undefined when nothing copyable is selected. */
export function copyFrom(doc: FlowDocument, selection: Selection): string | undefined {
  const nodes = doc.nodes.filter((n) => selection.nodes.has(n.id));
  const notes = doc.notes.filter((n) => selection.notes.has(n.id));
  if (nodes.length === 0 && notes.length === 0) return undefined;
  const edges = doc.edges.filter((e) => selection.nodes.has(e.source) && selection.nodes.has(e.target));
  const content: ClipboardContent = { tandem: 'clipboard', version: 1, nodes, edges, notes };
  return JSON.stringify(content);
}

/** Reads clipboard text; undefined when it is not something Tandem copied. */
export function readClipboard(text: string): ClipboardContent | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = clipboardSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

export interface PastedElements {
  nodes: FlowNode[];
  edges: FlowEdge[];
  notes: FlowNote[];
}

/**
 * Gives pasted elements fresh ids (connections between them follow), moves them by `offset`
 * (or so their top-left corner lands on `at`) and migrates nodes copied from an older Tandem.
 */
export function prepareElements(content: ClipboardContent, doc: FlowDocument, place: { offset?: Position; at?: Position }): PastedElements {
  const taken = new Set<string>([...doc.nodes.map((n) => n.id), ...doc.edges.map((e) => e.id), ...doc.notes.map((n) => n.id)]);
  const all = [...content.nodes.map((n) => n.position), ...content.notes.map((n) => n.position)];
  const minX = Math.min(...all.map((p) => p.x));
  const minY = Math.min(...all.map((p) => p.y));
  const shift = place.at ? { x: place.at.x - minX, y: place.at.y - minY } : (place.offset ?? { x: 40, y: 40 });
  const move = (p: Position): Position => ({ x: p.x + shift.x, y: p.y + shift.y });
  const newIds = new Map<string, string>();
  const nodes = content.nodes.map((n) => {
    const id = uniqueId(idBaseForType(n.type), taken);
    newIds.set(n.id, id);
    return migrateOne({ ...structuredClone(n), id, position: move(n.position) }).node;
  });
  const edges = content.edges.flatMap((e) => {
    const source = newIds.get(e.source);
    const target = newIds.get(e.target);
    return source && target ? [{ ...e, id: uniqueId('e', taken), source, target }] : [];
  });
  const notes = content.notes.map((n) => ({ ...n, id: uniqueId('note', taken), position: move(n.position) }));
  return { nodes, edges, notes };
}
