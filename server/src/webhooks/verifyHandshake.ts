import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** The three query parameters of Meta's check, as read from the URL (null or undefined when absent). */
export type HandshakeParams = {
  /** `hub.mode` */
  mode: string | null | undefined;
  /** `hub.verify_token` */
  token: string | null | undefined;
  /** `hub.challenge` */
  challenge: string | null | undefined;
};

export type HandshakeResult = { ok: true; challenge: string } | { ok: false; status: 400 | 403; reason: string };

/** Meta's challenge is short (digits in practice); the cap bounds what we reflect back. */
const MAX_CHALLENGE_LENGTH = 512;

const handshakeParamsSchema = z.object({
  mode: z.string(),
  token: z.string(),
  challenge: z.string().min(1).max(MAX_CHALLENGE_LENGTH),
});

const QUERY_NAMES: Record<string, string> = { mode: 'hub.mode', token: 'hub.verify_token', challenge: 'hub.challenge' };

/**
 * Answers Meta's subscription check (`GET …?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`):
 * on success reply 200 with `challenge` as a text/plain body. Missing or malformed parameters → 400;
 * a mode other than `subscribe` or a wrong token → 403.
 */
export function verifyHandshake(params: HandshakeParams, expectedToken: string): HandshakeResult {
  const parsed = handshakeParamsSchema.safeParse(params);
  if (!parsed.success) {
    const names = [...new Set(parsed.error.issues.map((issue) => QUERY_NAMES[String(issue.path[0])] ?? String(issue.path[0])))];
    return { ok: false, status: 400, reason: `missing or invalid query parameter: ${names.join(', ')}` };
  }
  const { mode, token, challenge } = parsed.data;
  if (mode !== 'subscribe') return { ok: false, status: 403, reason: 'hub.mode is not "subscribe"' };
  if (expectedToken === '') return { ok: false, status: 403, reason: 'no verify token is configured' };
  if (!sameSecret(token, expectedToken)) return { ok: false, status: 403, reason: 'hub.verify_token does not match' };
  return { ok: true, challenge };
}

/** Compares digests so neither the content nor the length of the token leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
