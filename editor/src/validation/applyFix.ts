import type { Diagnostic } from '@tandem/shared';
import type { FlowStore } from '../store/flowStore';

/**
 * Applies a problem's one-click fix as one undo step: the step gets the fix's settings, and the
 * connections from outputs it no longer has are removed. Returns what changed, in words, or
 * undefined when the step is gone.
 */
export function applyFix(flow: FlowStore, d: Diagnostic): string[] | undefined {
  const fix = d.fix;
  const { doc, commit } = flow.getState();
  if (!fix || !d.nodeId || !doc.nodes.some((n) => n.id === d.nodeId)) return undefined;
  commit({
    ...doc,
    nodes: doc.nodes.map((n) => (n.id === d.nodeId ? { ...n, data: fix.config } : n)),
    edges: doc.edges.filter((e) => e.source !== d.nodeId || !fix.disconnect.includes(e.sourceHandle)),
  });
  return fix.notes;
}
