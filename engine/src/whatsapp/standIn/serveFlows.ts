import type { IncomingMessage } from 'node:http';
import { randomBytes } from 'node:crypto';
import { metaError } from './metaError';
import { checkToken } from './checkToken';

/** A WhatsApp Flow the stand-in knows: what Meta lists, and its Flow JSON. */
export type StandInFlow = {
  id: string;
  name: string;
  /** Default PUBLISHED. */
  status?: string;
  categories?: string[];
  flowJson: Record<string, unknown>;
};

type Reply = { status: number; body: unknown };

const DEFAULT_FIELDS = ['id', 'name', 'status', 'categories', 'validation_errors'];
const DEFAULT_LIMIT = 25;

/**
 * The Flow reads of the Flows API (Flow facts §4), as Meta answers them: `GET /<version>/<waba>/flows`
 * (the requested fields, cursor paging with `paging.next` until the last page),
 * `GET /<version>/<flow>/assets` (one FLOW_JSON asset with a download link) and that link.
 */
export function serveFlows(
  request: IncomingMessage,
  path: string,
  o: { flows: ReadonlyMap<string, StandInFlow[]>; tokens: Record<string, string> | undefined; baseUrl: string },
): Reply | undefined {
  const download = /^\/flow-assets\/(\d+)\/flow\.json$/.exec(path)?.[1];
  if (download !== undefined) {
    const flow = findFlow(o.flows, download);
    return flow ? { status: 200, body: flow.flowJson } : { status: 404, body: 'URL signature mismatch' };
  }
  const wabaId = /^\/v\d+\.\d+\/(\d+)\/flows\/?$/.exec(path)?.[1];
  const flowId = /^\/v\d+\.\d+\/(\d+)\/assets\/?$/.exec(path)?.[1];
  const id = wabaId ?? flowId;
  if (id === undefined) return undefined;
  const auth = checkToken(request, o.tokens);
  if (!auth.ok) return auth.reply;
  if (request.method !== 'GET') return metaError(100, { message: `Unsupported ${request.method?.toLowerCase()} request.` });
  const listed = wabaId === undefined ? undefined : o.flows.get(wabaId);
  const flow = flowId === undefined ? undefined : findFlow(o.flows, flowId);
  if (listed === undefined && flow === undefined) {
    return metaError(100, {
      message: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    });
  }
  const url = new URL(request.url ?? '/', o.baseUrl);
  if (flow !== undefined) {
    const link = `${o.baseUrl}/flow-assets/${flow.id}/flow.json?oh=${randomBytes(12).toString('base64url')}`;
    return { status: 200, body: { data: [{ name: 'flow.json', asset_type: 'FLOW_JSON', download_url: link }], paging: cursors(0, 1) } };
  }
  const all = listed ?? [];
  const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit')) || DEFAULT_LIMIT));
  const after = url.searchParams.get('after');
  const start = after === null ? 0 : Number(Buffer.from(after, 'base64url').toString('utf8')) || 0;
  const fields =
    url.searchParams
      .get('fields')
      ?.split(',')
      .map((f) => f.trim()) ?? DEFAULT_FIELDS;
  const page = all.slice(start, start + limit).map((f) => {
    const shown: Record<string, unknown> = {
      id: f.id,
      name: f.name,
      status: f.status ?? 'PUBLISHED',
      categories: f.categories ?? ['OTHER'],
      validation_errors: [],
    };
    return Object.fromEntries(Object.entries(shown).filter(([k]) => k === 'id' || fields.includes(k)));
  });
  const end = start + page.length;
  const next = new URL(url);
  next.searchParams.set('after', cursor(end));
  return { status: 200, body: { data: page, paging: { ...cursors(start, end), ...(end < all.length ? { next: next.toString() } : {}) } } };
}

function findFlow(flows: ReadonlyMap<string, StandInFlow[]>, id: string): StandInFlow | undefined {
  for (const list of flows.values()) {
    const found = list.find((f) => f.id === id);
    if (found) return found;
  }
  return undefined;
}

const cursor = (n: number) => Buffer.from(String(n)).toString('base64url');
const cursors = (start: number, end: number) => ({ cursors: { before: cursor(start), after: cursor(end) } });
