import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** API keys look like `tdm_<key id>_<secret>`; the id finds the row, the secret's hash proves it. */
export function parseApiKey(key: string): { id: string; secret: string } | undefined {
  const m = /^tdm_(key_[0-9a-z]{16})_([A-Za-z0-9_-]{20,})$/.exec(key);
  return m ? { id: m[1]!, secret: m[2]! } : undefined;
}
