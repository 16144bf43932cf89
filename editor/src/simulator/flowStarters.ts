import type { FlowDocument } from '@tandem/shared';

/** A way the test contact can start this flow: say a keyword, fire an event, or be started at a trigger (API, broadcast). */
export type Starter = { kind: 'say'; text: string } | { kind: 'event'; event: string } | { kind: 'start'; node: string; label: string };

/** The flow's keyword, event, API and broadcast triggers, as one-click starts in the simulator. */
export function flowStarters(doc: FlowDocument): Starter[] {
  const out: Starter[] = [];
  for (const n of doc.nodes) {
    if (n.type === 'trigger-message' && n.data.match === 'keywords' && Array.isArray(n.data.keywords)) {
      for (const k of n.data.keywords.slice(0, 3)) if (typeof k === 'string' && k.trim()) out.push({ kind: 'say', text: k.trim() });
    } else if (n.type === 'trigger-event' && typeof n.data.event === 'string' && n.data.event) {
      out.push({ kind: 'event', event: n.data.event });
    } else if (n.type === 'trigger-schedule') {
      out.push({ kind: 'start', node: n.id, label: 'Broadcast to the test contact now' });
    } else if (n.type === 'trigger-api') {
      out.push({ kind: 'start', node: n.id, label: 'Start as the API would' });
    }
  }
  const seen = new Set<string>();
  return out.filter((s) => {
    const key = s.kind === 'say' ? `say:${s.text.toLowerCase()}` : s.kind === 'event' ? `event:${s.event}` : `start:${s.node}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
