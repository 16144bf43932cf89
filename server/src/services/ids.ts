import { randomBytes } from 'node:crypto';

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

/** A short random id with a type prefix, e.g. `ws_4k9q2m7xv3cd1a8e`. */
export function newId(prefix: 'ws' | 'fl' | 'usr' | 'key' | 'ses'): string {
  const bytes = randomBytes(16);
  let out = '';
  for (const b of bytes) out += alphabet[b % 32];
  return `${prefix}_${out}`;
}
