import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 1;

/**
 * Encrypts secrets at rest (access tokens, API key material) with AES-256-GCM. The key comes
 * from TANDEM_SECRET_KEY (32 bytes, hex or base64). Stored form: version | iv | tag | ciphertext.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(key: string | Buffer) {
    this.key = typeof key === 'string' ? decodeKey(key) : key;
    if (this.key.length !== 32) throw new Error('TANDEM_SECRET_KEY must be 32 bytes (64 hex characters or 44 base64 characters)');
  }

  encrypt(plain: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
  }

  decrypt(sealed: Buffer): string {
    if (sealed[0] !== VERSION) throw new Error('unknown secret format');
    const iv = sealed.subarray(1, 13);
    const tag = sealed.subarray(13, 29);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]).toString('utf8');
  }
}

function decodeKey(text: string): Buffer {
  return /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
}

export function generateKey(): string {
  return randomBytes(32).toString('hex');
}
