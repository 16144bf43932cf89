import type { z } from 'zod';
import { formatIssuePath } from '../issuePath';
import { markReadSchema, outboundMessageSchema, type MarkRead, type OutboundMessage } from '../outboundPayload';
import { metaError, type MetaErrorReply } from './metaError';

export type BodyCheck =
  | { ok: true; kind: 'message'; message: OutboundMessage }
  | { ok: true; kind: 'read'; read: MarkRead }
  | { ok: false; reply: MetaErrorReply };

/**
 * Validates a `/messages` body the way Meta answers: a missing, unknown or mistyped field is error
 * 100 naming it; a value out of range (length, count, format) is 131009 with the field in `details`.
 */
export function checkRequestBody(body: unknown): BodyCheck {
  const product = isRecord(body) ? body.messaging_product : undefined;
  if (product === undefined) return { ok: false, reply: metaError(100, { message: '(#100) The parameter messaging_product is required.' }) };
  if (product !== 'whatsapp') {
    return { ok: false, reply: metaError(100, { message: `(#100) Param messaging_product must be "whatsapp", got ${JSON.stringify(product)}` }) };
  }
  if (isRecord(body) && 'status' in body) {
    const read = markReadSchema.safeParse(body);
    return read.success ? { ok: true, kind: 'read', read: read.data } : { ok: false, reply: replyFor(read.error, body) };
  }
  if (isRecord(body) && body.to === undefined && body.recipient === undefined)
    return { ok: false, reply: metaError(100, { message: '(#100) The parameter to is required.' }) };
  const message = outboundMessageSchema.safeParse(body);
  return message.success ? { ok: true, kind: 'message', message: message.data } : { ok: false, reply: replyFor(message.error, body) };
}

function replyFor(error: z.ZodError, body: unknown): MetaErrorReply {
  const [issue] = error.issues;
  if (issue === undefined) return metaError(100);
  const path = formatIssuePath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const keys = issue.keys.map((key) => formatIssuePath([...issue.path, key]));
      return metaError(100, { message: `(#100) Param ${keys.join(', ')} is not a valid parameter.` });
    }
    case 'invalid_type':
      if (valueAt(body, issue.path) === undefined) return metaError(100, { message: `(#100) The parameter ${path} is required.` });
      return metaError(100, { message: `(#100) Param ${path} is not valid: ${issue.message}` });
    case 'invalid_value':
    case 'invalid_union':
      return metaError(100, { message: `(#100) Param ${path} is not valid: ${issue.message}` });
    default:
      return metaError(131009, { details: `${path || 'body'}: ${issue.message}` });
  }
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (isRecord(value) || Array.isArray(value) ? Reflect.get(value, key) : undefined), body);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
