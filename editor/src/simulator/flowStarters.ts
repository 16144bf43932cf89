import type { FlowDocument } from '@tandem/shared';
import { definitionOf, isNodeType, type Starter } from '@tandem/nodes';

/** The one-click starts the flow's triggers offer in the simulator (keywords, events, API, broadcasts), once each. */
export function flowStarters(doc: FlowDocument): Starter[] {
  const out: Starter[] = [];
  for (const n of doc.nodes) {
    if (isNodeType(n.type)) out.push(...(definitionOf(n.type).starters?.(n.data, n.id) ?? []));
  }
  const seen = new Set<string>();
  return out.filter((s) => {
    const key = s.kind === 'say' ? `say:${s.text.toLowerCase()}` : s.kind === 'event' ? `event:${s.event}` : `start:${s.node}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
