import { flowDocumentSchema, type FlowDocument } from '@tandem/shared';
import { stepName as name } from '../analytics/stepWords';

/** What the draft changes against the live version, by step names; positions and notes do not count. */
export interface DraftChanges {
  added: string[];
  removed: string[];
  changed: string[];
  connectionsAdded: number;
  connectionsRemoved: number;
  settingsChanged: boolean;
}

const connection = (e: FlowDocument['edges'][number]) => `${e.source}|${e.sourceHandle}|${e.target}`;
/** Key order does not make two settings different. */
const same = (a: unknown, b: unknown) => stable(a) === stable(b);
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'undefined';
}

/** The draft's changes against the live document; undefined when the live one cannot be read. */
export function draftChanges(liveDocument: unknown, draft: FlowDocument): DraftChanges | undefined {
  const parsed = flowDocumentSchema.safeParse(liveDocument);
  if (!parsed.success) return undefined;
  const live = parsed.data;
  const liveNodes = new Map(live.nodes.map((n) => [n.id, n]));
  const draftNodes = new Map(draft.nodes.map((n) => [n.id, n]));
  const liveEdges = new Set(live.edges.map(connection));
  const draftEdges = new Set(draft.edges.map(connection));
  return {
    added: draft.nodes.filter((n) => !liveNodes.has(n.id)).map(name),
    removed: live.nodes.filter((n) => !draftNodes.has(n.id)).map(name),
    changed: draft.nodes
      .filter((n) => {
        const was = liveNodes.get(n.id);
        return was !== undefined && (was.type !== n.type || !same(was.data, n.data));
      })
      .map(name),
    connectionsAdded: [...draftEdges].filter((e) => !liveEdges.has(e)).length,
    connectionsRemoved: [...liveEdges].filter((e) => !draftEdges.has(e)).length,
    settingsChanged: !same(live.settings, draft.settings) || live.name !== draft.name,
  };
}

export function hasChanges(c: DraftChanges): boolean {
  return c.added.length + c.removed.length + c.changed.length + c.connectionsAdded + c.connectionsRemoved > 0 || c.settingsChanged;
}
