import { describe, expect, it } from 'vitest';
import { fixtureBytes } from './testFixtures';
import { signMetaBody, verifyMetaSignature } from './verifySignature';

const secret = 'tandem-test-secret';
const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');
// Computed independently: printf '%s' "$body" | openssl dgst -sha256 -hmac tandem-test-secret
const knownDigest = '0c231e89ea8022804ae1c899586845ab0fc28e48c25e62db9e98b9829f8f1993';

describe('signMetaBody', () => {
  it('produces sha256= and the lowercase hex HMAC-SHA256 of the bytes', () => {
    expect(signMetaBody(body, secret)).toBe(`sha256=${knownDigest}`);
  });
});

describe('verifyMetaSignature', () => {
  it('accepts the signature of exactly these bytes', () => {
    expect(verifyMetaSignature(body, `sha256=${knownDigest}`, secret)).toBe(true);
  });

  it('accepts a plain Uint8Array body', () => {
    expect(verifyMetaSignature(new Uint8Array(body), `sha256=${knownDigest}`, secret)).toBe(true);
  });

  it('rejects a body changed by one byte', () => {
    const tampered = Buffer.from('{"object":"whatsapp_business_account","entry":[ ]}');
    expect(verifyMetaSignature(tampered, `sha256=${knownDigest}`, secret)).toBe(false);
  });

  it('rejects a signature made with another secret', () => {
    expect(verifyMetaSignature(body, signMetaBody(body, 'another-secret'), secret)).toBe(false);
  });

  it('rejects a missing or empty header', () => {
    expect(verifyMetaSignature(body, undefined, secret)).toBe(false);
    expect(verifyMetaSignature(body, '', secret)).toBe(false);
  });

  it.each([
    ['no prefix', knownDigest],
    ['the sha1 prefix', `sha1=${knownDigest}`],
    ['an upper-case prefix', `SHA256=${knownDigest}`],
    ['upper-case hex', `sha256=${knownDigest.toUpperCase()}`],
    ['a short digest', `sha256=${knownDigest.slice(0, 63)}`],
    ['a long digest', `sha256=${knownDigest}0`],
    ['a non-hex character', `sha256=${knownDigest.slice(0, 63)}g`],
    ['surrounding spaces', ` sha256=${knownDigest} `],
    ['the prefix only', 'sha256='],
  ])('rejects a header with %s', (_, header) => {
    expect(verifyMetaSignature(body, header, secret)).toBe(false);
  });

  it('rejects everything when the app secret is empty', () => {
    expect(verifyMetaSignature(body, signMetaBody(body, ''), '')).toBe(false);
  });

  describe('with non-ASCII text, which Meta sends \\u-escaped', () => {
    const raw = fixtureBytes('unicode-text');

    it('is given a fixture whose bytes are ASCII escapes of accented text and an emoji', () => {
      expect(raw.every((byte) => byte < 0x80)).toBe(true);
      expect(raw.toString('utf8')).toContain('caf\\u00e9? \\ud83d\\ude00');
    });

    it('verifies the raw received bytes', () => {
      expect(verifyMetaSignature(raw, signMetaBody(raw, secret), secret)).toBe(true);
    });

    it('does not verify the same JSON re-serialised, so the route must hash the raw bytes', () => {
      const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw.toString('utf8'))), 'utf8');
      expect(reserialised.toString('utf8')).toContain('café? 😀');
      expect(verifyMetaSignature(reserialised, signMetaBody(raw, secret), secret)).toBe(false);
    });

    it('fails only because of the escapes: a compact ASCII body survives re-serialisation', () => {
      const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8'))), 'utf8');
      expect(verifyMetaSignature(reserialised, signMetaBody(body, secret), secret)).toBe(true);
    });
  });
});
