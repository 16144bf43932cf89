/** How the engine reacts to a failed send (facts §5); decided by Meta's `code`, never by HTTP status or title. */
export type ErrorHandling =
  | 'retry'
  | 'retry_later'
  | 'window_closed'
  | 'opt_out'
  | 'undeliverable'
  | 'template_error'
  | 'pause_number'
  | 'reauth'
  | 'invalid_request';

export type ErrorClassification = {
  handling: ErrorHandling;
  /** Suggested wait before the next attempt, for `retry` and `retry_later`. */
  retryAfterMs?: number;
  /** Only this recipient is affected (pair rate limit, 131056); other recipients can keep going. */
  perRecipient?: true;
};

/**
 * Classifies a Cloud API error by `code`. `httpStatus` matters only for codes the table does not
 * know: null (no answer) or 5xx is retried, anything else is an invalid request. `attempt` counts
 * earlier failures of this send, from 0, and grows the suggested delay.
 */
export function classifyError(input: { code: number; httpStatus: number | null; attempt?: number }): ErrorClassification {
  const attempt = Math.max(0, Math.floor(input.attempt ?? 0));
  const handling = handlingByCode.get(input.code) ?? (isReauthCode(input.code) ? 'reauth' : unknownCodeHandling(input.httpStatus));
  switch (handling) {
    case 'retry':
      if (input.code === PAIR_RATE_LIMIT) return { handling, retryAfterMs: 4 ** attempt * SECOND, perRecipient: true };
      if (input.code === MAINTENANCE_MODE) return { handling, retryAfterMs: MINUTE };
      if (input.code === FLOW_THROTTLED) return { handling, retryAfterMs: HOUR };
      return { handling, retryAfterMs: Math.min(2 ** attempt * SECOND, MAX_BACKOFF) };
    case 'retry_later':
      return { handling, retryAfterMs: DAY };
    default:
      return { handling };
  }
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MAX_BACKOFF = 5 * MINUTE;
/** Pair rate limit: retry after 4^X seconds, X growing by one per failure (facts §4.8). */
const PAIR_RATE_LIMIT = 131056;
/** Maintenance mode, e.g. during a throughput upgrade that takes up to a minute (facts §4.7). */
const MAINTENANCE_MODE = 131057;
/** A THROTTLED WhatsApp Flow was sent 10 times this hour (nodes/src/send-flow/FACTS.md §5). */
const FLOW_THROTTLED = 132069;
/** A BLOCKED WhatsApp Flow cannot be sent until its endpoint is fixed. */
const FLOW_BLOCKED = 132068;

const table: ReadonlyArray<readonly [ErrorHandling, readonly number[]]> = [
  ['retry', [130429, PAIR_RATE_LIMIT, 131000, 131016, 1, 2, 133004, 4, 80007, MAINTENANCE_MODE, FLOW_THROTTLED]],
  ['retry_later', [131049]],
  ['window_closed', [131047]],
  ['opt_out', [131050]],
  ['undeliverable', [131026, 131051, 130472, 131021]],
  ['template_error', [132000, 132001, 132005, 132007, 132012, 132015, 132016]],
  ['pause_number', [131048, 368, 131031, 131042]],
  ['reauth', [190, 0, 10]],
  // 131053: Meta could not use the media; the content has to change, not the timing.
  ['invalid_request', [100, 131008, 131009, 131053, FLOW_BLOCKED]],
];

const handlingByCode = new Map(table.flatMap(([handling, codes]) => codes.map((code) => [code, handling] as const)));

/** 200–299 are Graph API permission errors. */
function isReauthCode(code: number): boolean {
  return code >= 200 && code <= 299;
}

function unknownCodeHandling(httpStatus: number | null): ErrorHandling {
  return httpStatus === null || httpStatus >= 500 ? 'retry' : 'invalid_request';
}
