import { z } from 'zod';

/**
 * Meta's error envelope (facts §5). Only `code` drives handling; the rest is kept for people.
 * Extra fields Meta adds (error_subcode, is_transient, ...) are ignored.
 */
export const cloudApiErrorEnvelopeSchema = z.object({
  error: z.object({
    message: z.string(),
    type: z.string().optional(),
    code: z.number().int(),
    error_data: z.object({ messaging_product: z.string().optional(), details: z.string().optional() }).optional(),
    fbtrace_id: z.string().optional(),
  }),
});
export type CloudApiErrorEnvelope = z.infer<typeof cloudApiErrorEnvelopeSchema>;

/**
 * A failed Cloud API call as plain data. `source` says who produced it: Meta's envelope, the
 * transport (no answer, timeout, or an answer that is not Meta's shape), or Tandem refusing to send.
 */
export type CloudApiError = {
  code: number;
  message: string;
  details?: string;
  fbtraceId?: string;
  /** null when no HTTP answer arrived (network error, timeout) or the request never left Tandem. */
  httpStatus: number | null;
  source: 'meta' | 'transport' | 'tandem';
};

/** The code for failures that carry no Meta code: network errors, timeouts, unreadable answers. */
export const TRANSPORT_ERROR_CODE = -1;

/** Reads an error answer; anything that is not Meta's envelope becomes a transport error. */
export function readCloudApiError(httpStatus: number, body: unknown): CloudApiError {
  const parsed = cloudApiErrorEnvelopeSchema.safeParse(body);
  if (!parsed.success) {
    return { code: TRANSPORT_ERROR_CODE, message: `Cloud API answered HTTP ${httpStatus} without an error envelope`, httpStatus, source: 'transport' };
  }
  const { message, code, error_data: data, fbtrace_id: fbtraceId } = parsed.data.error;
  return {
    code,
    message,
    httpStatus,
    source: 'meta',
    ...(data?.details !== undefined && { details: data.details }),
    ...(fbtraceId !== undefined && { fbtraceId }),
  };
}
