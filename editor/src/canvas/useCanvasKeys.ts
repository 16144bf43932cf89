import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { definitionOf, isNodeType } from '@tandem/nodes';
import type { FlowStore } from '../store/flowStore';
import { firstFreePort, stepInDirection, type Direction } from './graphMoves';
import { nodeView } from './nodeView';
import { canvasBounds, revealBox, stepBox } from './reveal';
import { isEditing } from './useShortcuts';

export interface CanvasKeyActions {
  /** Tab: add and connect the next step after this output (its "+" button, or the step, is the anchor). */
  addAfter(source: string, sourceHandle: string, anchor: Element): void;
  /** Ctrl/Cmd+F: the step search. */
  focusSearch(): void;
  /** "?": the list of shortcuts; Escape closes it. */
  toggleHelp(): void;
  closeHelp(): void;
  /** The picker is open: it has the keys. */
  busy: boolean;
}

const arrows: Record<string, Direction> = { ArrowRight: 'next', ArrowLeft: 'previous', ArrowUp: 'up', ArrowDown: 'down' };

/** The canvas has the keys when nothing else does: the focus is on the page itself or inside the canvas. */
function canvasHasFocus(target: EventTarget | null): boolean {
  return target === document.body || (target instanceof Element && target.closest('.tn-canvas') !== null);
}

/**
 * Keys that work on the selected step: Tab adds the next step (from its first free output), the
 * arrow keys move the selection along the connections; Ctrl/Cmd+F searches steps, "?" lists the
 * shortcuts. Text fields keep their keys.
 */
export function useCanvasKeys(store: FlowStore, readOnly: boolean, actions: CanvasKeyActions): void {
  const rf = useReactFlow();
  const { addAfter, focusSearch, toggleHelp, closeHelp, busy } = actions;
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (busy || isEditing(e.target) || !canvasHasFocus(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        focusSearch();
        return;
      }
      if (mod || e.altKey) return;
      if (e.key === '?') {
        e.preventDefault();
        toggleHelp();
        return;
      }
      if (e.key === 'Escape') closeHelp();
      const { selection, doc } = store.getState();
      const only = selection.nodes.size === 1 && selection.notes.size === 0 ? [...selection.nodes][0] : undefined;
      if (!only) return;
      const portsOf = (id: string) => {
        const node = doc.nodes.find((n) => n.id === id);
        return node && isNodeType(node.type) ? (nodeView(definitionOf(node.type), node.data).ports ?? []).map((p) => p.id) : [];
      };
      if (e.key === 'Tab' && !e.shiftKey && !readOnly) {
        const all = portsOf(only);
        const port = firstFreePort(doc, only, all) ?? all[0];
        if (!port) return;
        e.preventDefault();
        const step = document.querySelector(`.react-flow__node[data-id="${CSS.escape(only)}"]`);
        const anchor = step?.querySelector(`[data-add-after="${CSS.escape(port)}"]`) ?? step;
        if (anchor) addAfter(only, port, anchor);
        return;
      }
      const direction = arrows[e.key];
      if (!direction) return;
      e.preventDefault();
      const next = stepInDirection(doc, only, direction, portsOf);
      if (!next) return;
      store.getState().select({ nodes: new Set([next]), edges: new Set(), notes: new Set() });
      const box = stepBox(rf, next);
      if (box) revealBox(rf, canvasBounds(), box);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, readOnly, rf, addAfter, focusSearch, toggleHelp, closeHelp, busy]);
}
