import type { Context } from 'hono';
import { ZodError } from 'zod';
import { TandemError, issuesFromZod, type ErrorIssue } from '@tandem/shared';

/** HTTP-only failures: authentication, permissions, conflicts, transport limits. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503,
    readonly code: string,
    message: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
  }
}

export const unauthorized = () => new HttpError(401, 'unauthorized', 'Log in or send a valid API key (Authorization: Bearer …)');
/** A body over `limitBytes` (a whole number of MB). */
export const payloadTooLarge = (limitBytes: number) => new HttpError(413, 'payload_too_large', `The body is larger than ${limitBytes / (1024 * 1024)} MB`);
export const notFound = (what = 'Resource') => new HttpError(404, 'not_found', `${what} not found`);

const statusByKind = {
  validation: 400,
  'not-found': 404,
  configuration: 422,
  conflict: 409,
  transient: 503,
  'provider-rejected': 502,
  invariant: 500,
} as const;

/**
 * The one place errors become responses: `{ error: { code, message, issues? } }`. Unknown
 * errors are logged with their request id and answered without details (no stack traces).
 */
export function errorResponse(c: Context, error: unknown, log: (fields: Record<string, unknown>, message: string) => void) {
  const { status, body } = errorPayload(error, log);
  return c.json(body, status);
}

/** The status and body an error is answered with (see `errorResponse`), for handlers outside Hono. */
export function errorPayload(
  error: unknown,
  log: (fields: Record<string, unknown>, message: string) => void,
): { status: HttpError['status'] | 500 | 502; body: { error: { code: string; message: string; issues?: ErrorIssue[] } } } {
  if (error instanceof HttpError)
    return { status: error.status, body: { error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) } } };
  if (error instanceof ZodError)
    return { status: 400, body: { error: { code: 'invalid_input', message: 'The request is invalid', issues: issuesFromZod(error.issues) } } };
  if (error instanceof TandemError) {
    const issues = 'issues' in error ? (error as { issues: ErrorIssue[] }).issues : undefined;
    const status = statusByKind[error.kind];
    if (status === 500) log({ err: { message: error.message } }, 'invariant broken');
    return { status, body: { error: { code: error.code, message: status === 500 ? 'Internal error' : error.message, ...(issues?.length ? { issues } : {}) } } };
  }
  log({ err: describeUnknown(error) }, 'unhandled error');
  return { status: 500, body: { error: { code: 'internal', message: 'Internal error' } } };
}

/** Name and message of an unexpected error, without stack or query parameters (they may hold personal data). */
function describeUnknown(error: unknown): Record<string, string> {
  if (!(error instanceof Error)) return { message: String(error).slice(0, 200) };
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return { name: error.name, message: error.message.split('\nparams:')[0]!.slice(0, 500), ...(cause ? { cause: cause.slice(0, 300) } : {}) };
}
