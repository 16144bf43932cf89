import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { HttpRequestSpec, HttpResponseData } from '@tandem/nodes/runtime';

export type HttpResult = { ok: true; response: HttpResponseData } | { ok: false; code: string; message: string };

/** Makes a flow's HTTP request. */
export interface HttpCaller {
  call(request: HttpRequestSpec, options: { allowPrivateNetworks: boolean }): Promise<HttpResult>;
}

const MAX_BODY_BYTES = 1_000_000;

/**
 * HTTP for flows, with a timeout, a response size limit and, unless the workspace allows it,
 * no requests to loopback, private, link-local or metadata addresses (SSRF protection).
 */
export class GuardedHttpCaller implements HttpCaller {
  constructor(private readonly fetchImpl: typeof fetch = fetch) {}

  async call(request: HttpRequestSpec, { allowPrivateNetworks }: { allowPrivateNetworks: boolean }): Promise<HttpResult> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return { ok: false, code: 'invalid_url', message: 'The URL is not valid' };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, code: 'invalid_url', message: 'Only http and https URLs are allowed' };
    if (!allowPrivateNetworks) {
      const host = url.hostname.replace(/^\[|\]$/g, '');
      const addresses = isIP(host)
        ? [host]
        : await lookup(host, { all: true }).then(
            (a) => a.map((x) => x.address),
            () => [],
          );
      if (addresses.length === 0) return { ok: false, code: 'dns', message: `Cannot resolve ${url.hostname}` };
      const blocked = addresses.find(isPrivateAddress);
      if (blocked)
        return { ok: false, code: 'private_address', message: `${url.hostname} is a private address; allow private networks for this workspace to call it` };
    }
    try {
      const response = await this.fetchImpl(url, {
        method: request.method,
        headers: request.headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
        redirect: 'manual',
        signal: AbortSignal.timeout(request.timeoutMs),
      });
      const text = await readLimited(response);
      let body: unknown = text;
      if ((response.headers.get('content-type') ?? '').includes('json')) {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
      if (response.status >= 400) return { ok: false, code: `http_${response.status}`, message: `The service answered HTTP ${response.status}` };
      return { ok: true, response: { status: response.status, body } };
    } catch (error) {
      const timeout = error instanceof DOMException && error.name === 'TimeoutError';
      return { ok: false, code: timeout ? 'timeout' : 'network', message: timeout ? `No answer within ${request.timeoutMs} ms` : 'The request failed' };
    }
  }
}

async function readLimited(response: Response): Promise<string> {
  const buffer = await response.arrayBuffer();
  return new TextDecoder().decode(buffer.byteLength > MAX_BODY_BYTES ? buffer.slice(0, MAX_BODY_BYTES) : buffer);
}

/** Loopback, private (RFC 1918, ULA), link-local (incl. cloud metadata), CGNAT and unspecified addresses. */
export function isPrivateAddress(address: string): boolean {
  if (isIP(address) === 4) {
    const [a, b] = address.split('.').map(Number) as [number, number];
    return (
      a === 10 ||
      a === 127 ||
      a === 0 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  const v6 = address.toLowerCase();
  if (v6.startsWith('::ffff:')) return isPrivateAddress(v6.slice(7));
  return (
    v6 === '::1' ||
    v6 === '::' ||
    v6.startsWith('fc') ||
    v6.startsWith('fd') ||
    v6.startsWith('fe8') ||
    v6.startsWith('fe9') ||
    v6.startsWith('fea') ||
    v6.startsWith('feb')
  );
}
