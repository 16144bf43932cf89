import type { FlowDocument } from '@tandem/shared';

export type Direction = 'next' | 'previous' | 'up' | 'down';

/**
 * The step the selection moves to from `id` with the arrow keys, following the connections:
 * next (→) the step the first connected output leads to; previous (←) a step that leads here;
 * up/down (↑ ↓) the step before or after this one among the steps the same step leads to.
 * `portsOf` lists a step's outputs in their order on the canvas.
 */
export function stepInDirection(doc: FlowDocument, id: string, direction: Direction, portsOf: (nodeId: string) => readonly string[]): string | undefined {
  const outgoing = (nodeId: string) => {
    const order = portsOf(nodeId);
    const rank = (handle: string) => (order.includes(handle) ? order.indexOf(handle) : order.length);
    return doc.edges
      .filter((e) => e.source === nodeId && e.target !== nodeId)
      .sort((a, b) => rank(a.sourceHandle) - rank(b.sourceHandle))
      .map((e) => e.target);
  };
  const parent = doc.edges.find((e) => e.target === id && e.source !== id)?.source;
  if (direction === 'next') return outgoing(id)[0];
  if (direction === 'previous') return parent;
  if (!parent) return undefined;
  const siblings = [...new Set(outgoing(parent))];
  const at = siblings.indexOf(id);
  return siblings[direction === 'down' ? at + 1 : at - 1];
}

/** The first output of a step that leads nowhere yet, in the step's order. */
export function firstFreePort(doc: FlowDocument, id: string, ports: readonly string[]): string | undefined {
  const used = new Set(doc.edges.filter((e) => e.source === id).map((e) => e.sourceHandle));
  return ports.find((p) => !used.has(p));
}
