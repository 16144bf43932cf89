import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'sha256=';
const LOWERCASE_HEX_DIGEST = /^[0-9a-f]{64}$/;

/**
 * True when `header` (`X-Hub-Signature-256`) is `sha256=<hex HMAC-SHA256(appSecret, rawBody)>`.
 * Hash the bytes exactly as received: Meta signs its unicode-escaped body, so re-serialised JSON
 * stops matching as soon as the text holds a non-ASCII character.
 */
export function verifyMetaSignature(rawBody: Uint8Array | Buffer, header: string | undefined, appSecret: string): boolean {
  // An empty secret would accept signatures anyone can compute.
  if (appSecret === '' || typeof header !== 'string' || !header.startsWith(PREFIX)) return false;
  const hex = header.slice(PREFIX.length);
  if (!LOWERCASE_HEX_DIGEST.test(hex)) return false;
  return timingSafeEqual(hmac(rawBody, appSecret), Buffer.from(hex, 'hex'));
}

/** The `X-Hub-Signature-256` value Meta would send with this body (for tests and the simulator). */
export function signMetaBody(rawBody: Uint8Array | Buffer, appSecret: string): string {
  return PREFIX + hmac(rawBody, appSecret).toString('hex');
}

function hmac(rawBody: Uint8Array, appSecret: string): Buffer {
  return createHmac('sha256', appSecret).update(rawBody).digest();
}
