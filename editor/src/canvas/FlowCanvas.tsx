import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type OnConnect,
} from '@xyflow/react';
import { isNodeType } from '@tandem/nodes';
import { connectionProblem } from '../store/connections';
import type { Dimensions } from '../store/flowStore';
import { useFlow, useFlowStore } from '../store/useFlow';
import { canvasEdgeTypes, canvasNodeTypes } from './nodeTypes';
import { createElementDeriver, noteIdOf, type CanvasNode } from './toFlowElements';
import { PALETTE_MIME } from './Palette';
import { useEditorEnv } from '../form/editorEnv';
import { labelEdges } from '../analytics/counts';
import { useOverlay } from './overlayStore';
import { CanvasActionsContext, type CanvasActions } from './canvasActions';
import { CanvasSearch } from './CanvasSearch';
import { EmptyCanvasHint } from './EmptyCanvasHint';
import { GoalsChip } from './GoalsChip';
import { canvasBounds } from './reveal';
import { ShortcutsHelp } from './ShortcutsHelp';
import { useCanvasKeys } from './useCanvasKeys';
import { useConnectEnd } from './useConnectEnd';
import { useOpeningView } from './useOpeningView';
import { useStepPicker } from './useStepPicker';
import './canvas.css';

const GRID: [number, number] = [16, 16];
/** Fit View (the button) shows the whole flow, however small; a new flow's first step is not blown up. */
const fitOptions = { maxZoom: 1, minZoom: 0.05 };

/** The canvas: React Flow drawing the store's document; every edit goes back through the store. */
export function FlowCanvas({ onOpenSettings }: { onOpenSettings?: () => void } = {}) {
  const store = useFlowStore();
  const doc = useFlow((s) => s.doc);
  const selection = useFlow((s) => s.selection);
  const sizes = useFlow((s) => s.sizes);
  const rf = useReactFlow();
  const derive = useMemo(createElementDeriver, []);
  const nodes = useMemo(() => derive.nodes(doc, selection, sizes), [derive, doc, selection, sizes]);
  const derived = useMemo(() => derive.edges(doc, selection), [derive, doc, selection]);
  const analytics = useOverlay((s) => s.analytics);
  const readOnly = useEditorEnv().readOnly === true;
  const search = useRef<HTMLInputElement>(null);
  const [help, setHelp] = useState(false);
  // While a connection is dragged, the step under the pointer shows that letting go there connects to it.
  const [connecting, setConnecting] = useState(false);
  const { picker, open: openPicker, isOpen: picking } = useStepPicker(store, canvasBounds);
  const addAfter = useCallback(
    (source: string, sourceHandle: string, anchor: Element) => {
      const r = anchor.getBoundingClientRect();
      openPicker({ at: { x: r.right + 8, y: r.top - 8 }, from: { source, sourceHandle } });
    },
    [openPicker],
  );
  const focusSearch = useCallback(() => search.current?.focus(), []);
  const toggleHelp = useCallback(() => setHelp((v) => !v), []);
  const closeHelp = useCallback(() => setHelp(false), []);
  useCanvasKeys(store, readOnly, { addAfter, focusSearch, toggleHelp, closeHelp, busy: picking });
  const edgesOf = doc.edges;
  const actions = useMemo<CanvasActions | null>(() => {
    if (readOnly) return null;
    const usedPorts = new Map<string, Set<string>>();
    for (const e of edgesOf) {
      const set = usedPorts.get(e.source) ?? new Set<string>();
      set.add(e.sourceHandle);
      usedPorts.set(e.source, set);
    }
    const removeConnection = (id: string) => {
      store.getState().select({ nodes: new Set(), notes: new Set(), edges: new Set([id]) });
      store.getState().deleteSelection();
    };
    return { addAfter, removeConnection, usedPorts };
  }, [readOnly, edgesOf, addAfter, store]);
  // With analytics shown, each connection carries how many runs went along it.
  const edges = useMemo(() => (analytics ? labelEdges(derived, analytics) : derived), [derived, analytics]);

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const state = store.getState();
      const moves: { id: string; position: { x: number; y: number } }[] = [];
      let dragging: boolean | undefined;
      let sizes: Map<string, Dimensions> | undefined;
      let selected: { nodes: Set<string>; notes: Set<string> } | undefined;
      for (const c of changes) {
        if (c.type === 'position' && c.position) {
          moves.push({ id: noteIdOf(c.id) ?? c.id, position: c.position });
          if (c.dragging !== undefined) dragging = c.dragging;
        } else if (c.type === 'dimensions' && c.dimensions) {
          sizes ??= new Map(state.sizes);
          sizes.set(c.id, c.dimensions);
          const noteId = noteIdOf(c.id);
          if (noteId && c.resizing)
            state.updateNote(noteId, { width: Math.round(c.dimensions.width), height: Math.round(c.dimensions.height) }, `resize:${noteId}`);
        } else if (c.type === 'select') {
          selected ??= { nodes: new Set(state.selection.nodes), notes: new Set(state.selection.notes) };
          const noteId = noteIdOf(c.id);
          const set = noteId ? selected.notes : selected.nodes;
          const id = noteId ?? c.id;
          if (c.selected) set.add(id);
          else set.delete(id);
        }
      }
      if (moves.length && !readOnly) state.moveElements(moves, dragging !== undefined ? { dragging } : {});
      if (sizes) state.setSizes(sizes);
      if (selected) state.select(selected);
    },
    [store, readOnly],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const state = store.getState();
      const edges = new Set(state.selection.edges);
      let changed = false;
      for (const c of changes) {
        if (c.type !== 'select') continue;
        if (c.selected) edges.add(c.id);
        else edges.delete(c.id);
        changed = true;
      }
      if (changed) state.select({ edges });
    },
    [store],
  );

  const onConnect: OnConnect = useCallback(
    (c: Connection) => {
      if (c.sourceHandle && !readOnly) store.getState().connect({ source: c.source, sourceHandle: c.sourceHandle, target: c.target });
    },
    [store, readOnly],
  );

  const connectEnd = useConnectEnd(store, readOnly, openPicker);
  const onConnectEnd: typeof connectEnd = useCallback(
    (event, state) => {
      setConnecting(false);
      connectEnd(event, state);
    },
    [connectEnd],
  );
  const onInit = useOpeningView(store);

  const isValidConnection = useCallback(
    (c: Connection | { source: string; target: string; sourceHandle?: string | null }) =>
      Boolean(c.sourceHandle) &&
      connectionProblem(store.getState().doc, { source: c.source, target: c.target, sourceHandle: c.sourceHandle ?? '' }) === undefined,
    [store],
  );

  const onDragOver = useCallback(
    (e: DragEvent) => {
      if (readOnly || !e.dataTransfer.types.includes(PALETTE_MIME)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
    },
    [readOnly],
  );

  const onDrop = useCallback(
    (e: DragEvent) => {
      const type = e.dataTransfer.getData(PALETTE_MIME);
      if (!type || readOnly) return;
      e.preventDefault();
      const position = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY }, { snapToGrid: true });
      if (type === 'note') store.getState().addNote(position);
      else if (isNodeType(type)) store.getState().addNode(type, position);
    },
    [rf, store, readOnly],
  );

  return (
    <section className={`tn-canvas${connecting ? ' tn-connecting' : ''}`} aria-label="Flow canvas" onDragOver={onDragOver} onDrop={onDrop} data-testid="canvas">
      <CanvasActionsContext.Provider value={actions}>
        <ReactFlow<CanvasNode>
          nodes={nodes}
          edges={edges}
          nodeTypes={canvasNodeTypes}
          edgeTypes={canvasEdgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onConnectStart={() => setConnecting(true)}
          onConnectEnd={onConnectEnd}
          connectionRadius={32}
          onInit={onInit}
          disableKeyboardA11y
          elevateEdgesOnSelect
          isValidConnection={isValidConnection}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          onNodeDragStart={() => store.getState().beginDrag()}
          onSelectionDragStart={() => store.getState().beginDrag()}
          onPaneClick={() => store.getState().select({ nodes: new Set(), edges: new Set(), notes: new Set() })}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={['Meta', 'Control']}
          snapToGrid
          onlyRenderVisibleElements
          snapGrid={GRID}
          fitViewOptions={fitOptions}
          minZoom={0.1}
          maxZoom={2}
          proOptions={{ hideAttribution: true }}
          defaultEdgeOptions={{ type: 'connection', zIndex: 1, interactionWidth: 16 }}
          onError={(code, message) => {
            // Edges of a node whose settings are being edited may briefly point at an output it lost.
            if (code !== '008') console.warn(message);
          }}
        >
          <Background variant={BackgroundVariant.Dots} gap={GRID[0]} />
          {doc.nodes.length > 8 && <MiniMap pannable zoomable nodeStrokeWidth={3} style={{ width: 150, height: 100 }} />}
          <Controls fitViewOptions={fitOptions} />
          <Panel position="top-left" className="tn-canvas-tools nokey">
            <CanvasSearch ref={search} />
            <ShortcutsHelp open={help} onToggle={toggleHelp} />
            {onOpenSettings && <GoalsChip onOpen={onOpenSettings} />}
          </Panel>
        </ReactFlow>
      </CanvasActionsContext.Provider>
      {doc.nodes.length === 0 && !readOnly && !picking && <EmptyCanvasHint onAdd={(at) => openPicker({ at })} />}
      {picker}
    </section>
  );
}
