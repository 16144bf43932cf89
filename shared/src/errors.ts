/**
 * Errors grouped by how they are handled, not by where they come from.
 * - validation: bad input from a person or system (400, a badge on the canvas)
 * - not-found: an id that does not exist for this caller (404)
 * - configuration: a flow or setting that cannot be published or run as is
 * - conflict: the request clashes with the current state (already taken, not published…) (409)
 * - transient: try again later with backoff
 * - provider-rejected: WhatsApp refused for good; the flow's `error` port handles it
 * - invariant: a bug in Tandem
 */
export type ErrorKind = 'validation' | 'not-found' | 'configuration' | 'conflict' | 'transient' | 'provider-rejected' | 'invariant';

export interface ErrorIssue {
  path: (string | number)[];
  message: string;
  code?: string;
}

export abstract class TandemError extends Error {
  abstract readonly kind: ErrorKind;
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class ValidationError extends TandemError {
  readonly kind = 'validation';
  constructor(
    message: string,
    readonly issues: ErrorIssue[] = [],
    code = 'invalid_input',
  ) {
    super(code, message);
  }
}

export class NotFoundError extends TandemError {
  readonly kind = 'not-found';
  constructor(what: string) {
    super('not_found', `${what} not found`);
  }
}

export class ConfigurationError extends TandemError {
  readonly kind = 'configuration';
  constructor(
    message: string,
    readonly issues: ErrorIssue[] = [],
    code = 'invalid_configuration',
  ) {
    super(code, message);
  }
}

/** The request is fine but the state it acts on does not allow it now (409). */
export class ConflictError extends TandemError {
  readonly kind = 'conflict';
}

export class TransientError extends TandemError {
  readonly kind = 'transient';
  constructor(
    message: string,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super('transient', message, options);
  }
}

export class ProviderRejectedError extends TandemError {
  readonly kind = 'provider-rejected';
  constructor(
    readonly providerCode: number,
    message: string,
  ) {
    super('provider_rejected', message);
  }
}

export class InvariantError extends TandemError {
  readonly kind = 'invariant';
  constructor(message: string) {
    super('invariant', message);
  }
}

/** Zod issues as the API and CLI report them. */
export function issuesFromZod(issues: readonly { path: PropertyKey[]; message: string; code?: string }[]): ErrorIssue[] {
  return issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: i.message,
    ...(i.code ? { code: i.code } : {}),
  }));
}
