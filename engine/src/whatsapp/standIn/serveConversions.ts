import type { IncomingMessage } from 'node:http';
import { formatIssuePath } from '../issuePath';
import { conversionEventNames } from '@tandem/shared';
import { conversionsRequestSchema, withinAttributionWindow } from '../conversionsPayload';
import { metaError } from './metaError';
import { checkToken } from './checkToken';

type Reply = { status: number; body: unknown };

/** Meta's subcode for an event name `business_messaging` does not take (conversions-api-facts §3). */
const INVALID_EVENT_TYPE = 2804066;

/**
 * `POST /<version>/<dataset>/events` as the Conversions API for Business Messaging answers it
 * (conversions-api-facts §3): 190 for an unknown token; 100 for a body that is not the contract
 * (the field named), with subcode 2804066 for an event name messaging events do not take, and for
 * an event older than 7 days; else `events_received`.
 */
export function serveConversions(request: IncomingMessage, o: { text: string; tokens: Record<string, string> | undefined; now: Date }): Reply {
  const auth = checkToken(request, o.tokens);
  if (!auth.ok) return auth.reply;
  if (request.method !== 'POST') return metaError(100, { message: `Unsupported ${request.method?.toLowerCase()} request.` });
  let body: unknown;
  try {
    body = JSON.parse(o.text);
  } catch {
    return metaError(100, { message: '(#100) The request body is not valid JSON.' });
  }
  const parsed = conversionsRequestSchema.safeParse(body);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const path = issue ? formatIssuePath(issue.path) : '';
    const badName = issue?.path.at(-1) === 'event_name';
    if (badName) return withSubcode(metaError(100, { message: `(#100) Messaging Event Invalid Event Type. Accepted: ${conversionEventNames.join(', ')}` }));
    return metaError(100, { message: `(#100) Invalid parameter ${path}: ${issue?.message ?? 'invalid'}` });
  }
  const stale = parsed.data.data.findIndex((e) => !withinAttributionWindow(e.event_time, o.now));
  if (stale >= 0) return metaError(100, { message: `(#100) Invalid parameter data[${stale}].event_time: the event is more than 7 days old` });
  return { status: 200, body: { events_received: parsed.data.data.length, messages: [], fbtrace_id: `A${Math.random().toString(36).slice(2, 14)}` } };
}

function withSubcode(reply: ReturnType<typeof metaError>): Reply {
  return { status: reply.status, body: { error: { ...reply.body.error, error_subcode: INVALID_EVENT_TYPE } } };
}
