import type { ErrorHandling } from './classifyError';
import type { CloudApiError } from './cloudApiError';

/**
 * What a send produced. `ok: true` means Meta accepted the message; delivery arrives later in a
 * status webhook, correlated by `wamid`. Failures carry the handling the engine should apply.
 */
export type SendOutcome = SendAccepted | CloudApiFailure;

export type SendAccepted = {
  ok: true;
  wamid: string;
  /** Present only for templates under pacing, e.g. `accepted` or `held_for_quality_assessment`. */
  messageStatus?: string;
  waId?: string;
};

export type MarkReadOutcome = { ok: true } | CloudApiFailure;

export type CloudApiFailure = {
  ok: false;
  error: CloudApiError;
  handling: ErrorHandling;
  retryAfterMs?: number;
  /** Only this recipient is affected (pair rate limit); keep sending to others. */
  perRecipient?: true;
};
