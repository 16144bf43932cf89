import type { IncomingMessage } from 'node:http';
import { metaError } from './metaError';
import { checkToken } from './checkToken';

type Reply = { status: number; body: unknown };

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 1_000;

/**
 * `GET /<version>/<waba-id>/message_templates` as Meta answers it (facts §7): the requested
 * `fields` of each template (plus `id`), `limit` per page, and cursor paging where `paging.next`
 * is the full URL of the next page and is absent on the last one.
 */
export function listTemplates(
  request: IncomingMessage,
  o: { wabaId: string; templates: Record<string, unknown>[] | undefined; tokens: Record<string, string> | undefined; baseUrl: string },
): Reply {
  const auth = checkToken(request, o.tokens);
  if (!auth.ok) return auth.reply;
  if (request.method !== 'GET') return metaError(100, { message: `Unsupported ${request.method?.toLowerCase()} request.` });
  if (o.templates === undefined) {
    return metaError(100, {
      message: `Unsupported get request. Object with ID '${o.wabaId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    });
  }
  const url = new URL(request.url ?? '/', o.baseUrl);
  const limit = Math.min(MAX_LIMIT, Math.max(1, Number(url.searchParams.get('limit')) || DEFAULT_LIMIT));
  const after = url.searchParams.get('after');
  const start = after === null ? 0 : Number(Buffer.from(after, 'base64url').toString('utf8')) || 0;
  const fields = url.searchParams
    .get('fields')
    ?.split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const page = o.templates.slice(start, start + limit).map((t, i) => pick({ id: String(1_000_000_000 + start + i), ...t }, fields));
  const cursor = (n: number) => Buffer.from(String(n)).toString('base64url');
  const end = start + page.length;
  const next = new URL(url);
  next.searchParams.set('after', cursor(end));
  return {
    status: 200,
    body: {
      data: page,
      paging: { cursors: { before: cursor(start), after: cursor(end) }, ...(end < o.templates.length ? { next: next.toString() } : {}) },
    },
  };
}

/** Meta returns only the fields asked for, and always the id. */
function pick(t: Record<string, unknown>, fields: string[] | undefined): Record<string, unknown> {
  if (!fields) return t;
  return Object.fromEntries(Object.entries(t).filter(([k]) => k === 'id' || fields.includes(k)));
}
