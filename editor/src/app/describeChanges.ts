import { flowSettingsSchema, type FlowDocument, type FlowEdge, type FlowNode } from '@tandem/shared';
import { definitionOf, isNodeType } from '@tandem/nodes';
import { portsOf, stepName } from '../analytics/stepWords';
import { settingChanges } from '../form/settingChanges';

type Doc = Pick<FlowDocument, 'name' | 'settings' | 'nodes' | 'edges'> & { notes?: FlowDocument['notes'] };

/**
 * What changed from one flow document to another, one sentence per change, in the words of the
 * canvas: steps added and removed by name, each setting with its old and new value ("“Wait 1 hour” ·
 * Wait for: 1 hour → 2 hours"), connections by their steps and outputs, flow settings, notes, moves.
 */
export function describeChanges(before: Doc, after: Doc): string[] {
  const out: string[] = [];
  if (before.name !== after.name) out.push(`Renamed the flow “${before.name}” → “${after.name}”`);
  const was = new Map(before.nodes.map((n) => [n.id, n]));
  const now = new Map(after.nodes.map((n) => [n.id, n]));
  for (const n of after.nodes) if (!was.has(n.id)) out.push(`Added the step “${stepName(n)}”`);
  for (const n of before.nodes) if (!now.has(n.id)) out.push(`Removed the step “${stepName(n)}”`);
  let moved = 0;
  for (const n of after.nodes) {
    const old = was.get(n.id);
    if (!old) continue;
    if (old.position.x !== n.position.x || old.position.y !== n.position.y) moved++;
    out.push(...stepChanges(old, n));
  }
  out.push(...connectionChanges(before, after));
  out.push(...settingChanges(flowSettingsSchema, before.settings, after.settings).map((l) => `Flow settings · ${l}`));
  out.push(...noteChanges(before.notes ?? [], after.notes ?? []));
  if (moved > 0) out.push(`Moved ${moved === 1 ? 'a step' : `${moved} steps`} on the canvas`);
  return out;
}

function stepChanges(old: FlowNode, n: FlowNode): string[] {
  if (old.type !== n.type) return [`Replaced the step “${stepName(old)}” with “${stepName(n)}”`];
  if (JSON.stringify(old.data) === JSON.stringify(n.data)) return [];
  const name = stepName(old);
  if (!isNodeType(n.type)) return [`Changed the step “${name}”`];
  const lines = settingChanges(definitionOf(n.type).config, old.data, n.data);
  return lines.length ? lines.map((l) => `“${name}” · ${l}`) : [`Changed the step “${name}”`];
}

function connectionChanges(before: Doc, after: Doc): string[] {
  const key = (e: FlowEdge) => `${e.source}\u0000${e.sourceHandle}\u0000${e.target}`;
  const from = (e: FlowEdge) => `${e.source}\u0000${e.sourceHandle}`;
  const was = new Map(before.edges.map((e) => [key(e), e]));
  const now = new Map(after.edges.map((e) => [key(e), e]));
  const removed = before.edges.filter((e) => !now.has(key(e)));
  const added = after.edges.filter((e) => !was.has(key(e)));
  const out: string[] = [];
  const oldNames = namer(before);
  const newNames = namer(after);
  for (const e of added) {
    const replaced = removed.find((r) => from(r) === from(e));
    if (replaced) {
      out.push(`${newNames.output(e)} now leads to “${newNames.step(e.target)}” instead of “${oldNames.step(replaced.target)}”`);
      removed.splice(removed.indexOf(replaced), 1);
    } else out.push(`Connected ${newNames.output(e)} to “${newNames.step(e.target)}”`);
  }
  for (const e of removed) out.push(`Removed the connection from ${oldNames.output(e)} to “${oldNames.step(e.target)}”`);
  return out;
}

/** Names of a document's steps, and of a connection's start: “Ask” (“Yes”), the output only when the step has several. */
function namer(doc: Doc) {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const step = (id: string) => {
    const n = byId.get(id);
    return n ? stepName(n) : id;
  };
  return {
    step,
    output(e: FlowEdge) {
      const n = byId.get(e.source);
      const ports = n ? portsOf(n) : [];
      const port = ports.find((p) => p.id === e.sourceHandle);
      return ports.length > 1 || !port ? `“${step(e.source)}” (“${port?.label ?? e.sourceHandle}”)` : `“${step(e.source)}”`;
    },
  };
}

function noteChanges(before: NonNullable<Doc['notes']>, after: NonNullable<Doc['notes']>): string[] {
  const was = new Map(before.map((n) => [n.id, n]));
  const ids = new Set(after.map((n) => n.id));
  const out: string[] = [];
  const added = after.filter((n) => !was.has(n.id)).length;
  const removed = before.filter((n) => !ids.has(n.id)).length;
  const edited = after.filter((n) => was.has(n.id) && was.get(n.id)!.text !== n.text).length;
  if (added) out.push(added === 1 ? 'Added a note' : `Added ${added} notes`);
  if (removed) out.push(removed === 1 ? 'Removed a note' : `Removed ${removed} notes`);
  if (edited) out.push(edited === 1 ? 'Edited a note' : `Edited ${edited} notes`);
  return out;
}
