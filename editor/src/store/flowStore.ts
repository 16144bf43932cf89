import { createStore, type StoreApi } from 'zustand/vanilla';
import { FLOW_SCHEMA_VERSION, type FlowDocument, type FlowEdge, type FlowNode, type FlowNote, type FlowSettings, type Position } from '@tandem/shared';
import { definitionOf, isNodeType, parseNodeConfig, type NodeType } from '@tandem/nodes';
import { copyFrom, prepareElements, readClipboard, type Selection } from './clipboard';
import { idBaseForType, uniqueId } from './ids';
import { loadDocument, type LoadResult } from './loadDocument';
import { connectionProblem, type NewConnection } from './connections';

const HISTORY_LIMIT = 200;
/** Edits of the same field within this time are one undo step (typing a word is one change). */
const TYPING_WINDOW_MS = 1_000;

type SaveStatus = { state: 'idle' | 'saving' | 'saved' } | { state: 'error' | 'invalid'; message: string };

export interface Dimensions {
  width: number;
  height: number;
}

interface CommitOptions {
  /** Consecutive commits with the same key are one undo step (a drag; typing in one field). */
  coalesce?: string;
  /** Only positions changed: the checks need not run again. */
  positionsOnly?: boolean;
}

export interface FlowState {
  /** The canonical flow document: what is saved, validated and published. */
  doc: FlowDocument;
  past: FlowDocument[];
  future: FlowDocument[];
  lastCommit: { key: string; at: number } | undefined;
  /** Bumped on every document change. */
  revision: number;
  /** Bumped when anything but positions changes (what the checks depend on). */
  contentRevision: number;
  selection: Selection;
  /** Rendered sizes of nodes and notes (by canvas id), for React Flow and auto-layout; not part of the document. */
  sizes: ReadonlyMap<string, Dimensions>;
  saveStatus: SaveStatus;
  dragCount: number;

  load(input: unknown): LoadResult;
  commit(next: FlowDocument, options?: CommitOptions): void;
  undo(): void;
  redo(): void;
  addNode(type: NodeType, position: Position): string;
  /**
   * Adds a step connected from an output, as one undo step. An output that already led somewhere
   * now leads to the new step, and the new step's first output to where it led (inserted between).
   */
  addNodeAfter(type: NodeType, position: Position, from: { source: string; sourceHandle: string }): string;
  updateNodeData(id: string, data: Record<string, unknown>, coalesce?: string): void;
  /** Starts a drag: all moves until the next drag are one undo step. */
  beginDrag(): void;
  moveElements(moves: readonly { id: string; position: Position }[], options?: { dragging?: boolean }): void;
  connect(connection: NewConnection): { ok: true; edgeId: string } | { ok: false; reason: string };
  deleteSelection(): void;
  select(selection: Partial<Selection>): void;
  selectAll(): void;
  copySelection(): string | undefined;
  paste(text: string, place?: { at?: Position }): boolean;
  duplicateSelection(): void;
  addNote(position: Position, text?: string): string;
  updateNote(id: string, patch: Partial<Omit<FlowNote, 'id'>>, coalesce?: string): void;
  updateSettings(settings: FlowSettings, coalesce?: string): void;
  updateMeta(meta: { name: string; description?: string }, coalesce?: string): void;
  setSizes(sizes: ReadonlyMap<string, Dimensions>): void;
  setSaveStatus(status: SaveStatus): void;
}

export type FlowStore = StoreApi<FlowState>;

const emptySelection: Selection = { nodes: new Set(), edges: new Set(), notes: new Set() };

/** A new, empty flow document (valid for the schema; the checks will ask for a trigger). */
function emptyDocument(name = 'Untitled flow'): FlowDocument {
  return loadDocumentOrThrow({ schemaVersion: FLOW_SCHEMA_VERSION, name, nodes: [], edges: [] });
}

function loadDocumentOrThrow(input: unknown): FlowDocument {
  const result = loadDocument(input);
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.doc;
}

/** One editor's state: the document with its undo history, the selection and the save status. */
export function createFlowStore(initial: FlowDocument = emptyDocument(), now: () => number = Date.now): FlowStore {
  return createStore<FlowState>()((set, get) => {
    const commit = (next: FlowDocument, options: CommitOptions = {}) => {
      const state = get();
      if (next === state.doc) return;
      const at = now();
      const last = state.lastCommit;
      const merge =
        options.coalesce !== undefined && last?.key === options.coalesce && (options.coalesce.startsWith('drag:') || at - last.at < TYPING_WINDOW_MS);
      set({
        doc: next,
        past: merge ? state.past : [...state.past, state.doc].slice(-HISTORY_LIMIT),
        future: [],
        lastCommit: options.coalesce !== undefined ? { key: options.coalesce, at } : undefined,
        revision: state.revision + 1,
        contentRevision: options.positionsOnly ? state.contentRevision : state.contentRevision + 1,
      });
    };

    const takenIds = (doc: FlowDocument) => new Set([...doc.nodes.map((n) => n.id), ...doc.edges.map((e) => e.id), ...doc.notes.map((n) => n.id)]);

    const mapNode = (id: string, fn: (n: FlowNode) => FlowNode, options?: CommitOptions) => {
      const doc = get().doc;
      commit({ ...doc, nodes: doc.nodes.map((n) => (n.id === id ? fn(n) : n)) }, options);
    };

    const pasteContent = (text: string, place: { at?: Position; offset?: Position }) => {
      const content = readClipboard(text);
      if (!content) return false;
      const doc = get().doc;
      const pasted = prepareElements(content, doc, place);
      commit({ ...doc, nodes: [...doc.nodes, ...pasted.nodes], edges: [...doc.edges, ...pasted.edges], notes: [...doc.notes, ...pasted.notes] });
      set({
        selection: {
          nodes: new Set(pasted.nodes.map((n) => n.id)),
          edges: new Set(pasted.edges.map((e) => e.id)),
          notes: new Set(pasted.notes.map((n) => n.id)),
        },
      });
      return true;
    };

    return {
      doc: initial,
      past: [],
      future: [],
      lastCommit: undefined,
      revision: 0,
      contentRevision: 0,
      selection: emptySelection,
      sizes: new Map(),
      saveStatus: { state: 'idle' },
      dragCount: 0,

      load(input) {
        const result = loadDocument(input);
        if (!result.ok) return result;
        const state = get();
        set({
          doc: result.doc,
          past: [],
          future: [],
          lastCommit: undefined,
          revision: state.revision + 1,
          contentRevision: state.contentRevision + 1,
          selection: emptySelection,
          sizes: new Map(),
        });
        return result;
      },

      commit,

      undo() {
        const { past, future, doc, revision, contentRevision } = get();
        const previous = past.at(-1);
        if (!previous) return;
        set({
          doc: previous,
          past: past.slice(0, -1),
          future: [doc, ...future],
          lastCommit: undefined,
          revision: revision + 1,
          contentRevision: contentRevision + 1,
        });
      },

      redo() {
        const { past, future, doc, revision, contentRevision } = get();
        const next = future[0];
        if (!next) return;
        set({ doc: next, past: [...past, doc], future: future.slice(1), lastCommit: undefined, revision: revision + 1, contentRevision: contentRevision + 1 });
      },

      addNode(type, at) {
        const doc = get().doc;
        const position = finite(at);
        const node = newNode(type, position, takenIds(doc));
        commit({ ...doc, nodes: [...doc.nodes, node] });
        set({ selection: { nodes: new Set([node.id]), edges: new Set(), notes: new Set() } });
        return node.id;
      },

      addNodeAfter(type, at, from) {
        const doc = get().doc;
        const taken = takenIds(doc);
        const node = newNode(type, finite(at), taken);
        const existing = doc.edges.find((e) => e.source === from.source && e.sourceHandle === from.sourceHandle);
        const edges = doc.edges.filter((e) => e !== existing);
        const withNode = { ...doc, nodes: [...doc.nodes, node] };
        const link = { source: from.source, sourceHandle: from.sourceHandle, target: node.id };
        if (!connectionProblem(withNode, link)) edges.push({ id: uniqueId('e', taken), ...link });
        const onward = existing && firstPort(node);
        if (existing && onward) edges.push({ id: uniqueId('e', taken), source: node.id, sourceHandle: onward, target: existing.target });
        else if (existing) edges.push(existing);
        commit({ ...withNode, edges });
        set({ selection: { nodes: new Set([node.id]), edges: new Set(), notes: new Set() } });
        return node.id;
      },

      updateNodeData(id, data, coalesce) {
        mapNode(id, (n) => ({ ...n, data }), coalesce !== undefined ? { coalesce } : {});
      },

      beginDrag() {
        set({ dragCount: get().dragCount + 1 });
      },

      moveElements(moves, options = {}) {
        if (moves.length === 0) return;
        const doc = get().doc;
        const byId = new Map(moves.map((m) => [m.id, m.position]));
        const place = <T extends { id: string; position: Position }>(item: T): T => {
          const p = byId.get(item.id);
          return p && (p.x !== item.position.x || p.y !== item.position.y) ? { ...item, position: p } : item;
        };
        const nodes = doc.nodes.map(place);
        const notes = doc.notes.map(place);
        if (nodes.every((n, i) => n === doc.nodes[i]) && notes.every((n, i) => n === doc.notes[i])) return;
        const drag = options.dragging !== undefined ? { coalesce: `drag:${get().dragCount}` } : {};
        commit({ ...doc, nodes, notes }, { ...drag, positionsOnly: true });
      },

      connect(connection) {
        const doc = get().doc;
        const problem = connectionProblem(doc, connection);
        if (problem) return { ok: false, reason: problem };
        const existing = doc.edges.find((e) => e.source === connection.source && e.sourceHandle === connection.sourceHandle);
        if (existing?.target === connection.target) return { ok: true, edgeId: existing.id };
        const id = uniqueId('e', takenIds(doc));
        const edge: FlowEdge = { id, source: connection.source, sourceHandle: connection.sourceHandle, target: connection.target };
        // One edge per output: connecting a used output moves its connection.
        commit({ ...doc, edges: [...doc.edges.filter((e) => e !== existing), edge] });
        return { ok: true, edgeId: id };
      },

      deleteSelection() {
        const { doc, selection } = get();
        if (selection.nodes.size + selection.edges.size + selection.notes.size === 0) return;
        const nodes = doc.nodes.filter((n) => !selection.nodes.has(n.id));
        const edges = doc.edges.filter((e) => !selection.edges.has(e.id) && !selection.nodes.has(e.source) && !selection.nodes.has(e.target));
        const notes = doc.notes.filter((n) => !selection.notes.has(n.id));
        commit({ ...doc, nodes, edges, notes });
        set({ selection: emptySelection });
      },

      select(partial) {
        set({ selection: { ...get().selection, ...partial } });
      },

      selectAll() {
        const doc = get().doc;
        set({
          selection: { nodes: new Set(doc.nodes.map((n) => n.id)), edges: new Set(doc.edges.map((e) => e.id)), notes: new Set(doc.notes.map((n) => n.id)) },
        });
      },

      copySelection() {
        const { doc, selection } = get();
        return copyFrom(doc, selection);
      },

      paste(text, place = {}) {
        return pasteContent(text, place);
      },

      duplicateSelection() {
        const text = get().copySelection();
        if (text) pasteContent(text, { offset: { x: 40, y: 40 } });
      },

      addNote(at, text = '') {
        const doc = get().doc;
        const position = finite(at);
        const id = uniqueId('note', takenIds(doc));
        commit({ ...doc, notes: [...doc.notes, { id, position, text, color: 'yellow' }] });
        set({ selection: { nodes: new Set(), edges: new Set(), notes: new Set([id]) } });
        return id;
      },

      updateNote(id, patch, coalesce) {
        const doc = get().doc;
        commit({ ...doc, notes: doc.notes.map((n) => (n.id === id ? { ...n, ...patch } : n)) }, coalesce !== undefined ? { coalesce } : {});
      },

      updateSettings(settings, coalesce) {
        commit({ ...get().doc, settings }, coalesce !== undefined ? { coalesce } : {});
      },

      updateMeta(meta, coalesce) {
        const { description: _old, ...rest } = get().doc;
        commit({ ...rest, ...meta }, coalesce !== undefined ? { coalesce } : {});
      },

      setSizes(sizes) {
        set({ sizes });
      },

      setSaveStatus(saveStatus) {
        set({ saveStatus });
      },
    };
  });
}

/** A fresh step of a type with its defaults. */
function newNode(type: NodeType, position: Position, taken: Set<string>): FlowNode {
  const def = definitionOf(type);
  return { id: uniqueId(idBaseForType(type), taken), type, version: def.version, position, data: structuredClone(def.defaults) as Record<string, unknown> };
}

/** The first output of a step as its settings stand (none when they do not parse). */
function firstPort(node: FlowNode): string | undefined {
  if (!isNodeType(node.type)) return undefined;
  const def = definitionOf(node.type);
  const parsed = parseNodeConfig(def, node.data);
  return parsed.ok ? def.ports(parsed.config)[0]?.id : undefined;
}

/** A position the schema accepts (a drop before the canvas has a size can produce NaN). */
function finite(p: Position): Position {
  return { x: Number.isFinite(p.x) ? Math.round(p.x) : 0, y: Number.isFinite(p.y) ? Math.round(p.y) : 0 };
}
