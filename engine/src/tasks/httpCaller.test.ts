import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GuardedHttpCaller, isPrivateAddress } from './httpCaller';

describe('isPrivateAddress', () => {
  it('recognises loopback, private, link-local, CGNAT and IPv6 local ranges', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fd12::1',
      'fe80::1',
      '::ffff:10.0.0.1',
    ]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ['8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111']) expect(isPrivateAddress(a), a).toBe(false);
  });
});

describe('GuardedHttpCaller', () => {
  let url = '';
  const server = createServer((req, res) => {
    if (req.url === '/slow') return void setTimeout(() => res.end('{}'), 2_000);
    res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ customer: { id: 'c_1' }, method: req.method }));
  });
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => server.close());
  const http = new GuardedHttpCaller();
  const request = (path: string, timeoutMs = 1_000) => ({ method: 'POST', url: `${url}${path}`, headers: {}, body: '{}', timeoutMs });

  it('refuses private addresses unless the workspace allows them', async () => {
    expect(await http.call(request('/'), { allowPrivateNetworks: false })).toEqual({
      ok: false,
      code: 'private_address',
      message: expect.stringContaining('127.0.0.1 is a private address'),
    });
    expect(await http.call(request('/'), { allowPrivateNetworks: true })).toEqual({
      ok: true,
      response: { status: 200, body: { customer: { id: 'c_1' }, method: 'POST' } },
    });
  });

  it('turns error statuses and timeouts into failures', async () => {
    expect(await http.call(request('/missing'), { allowPrivateNetworks: true })).toMatchObject({ ok: false, code: 'http_404' });
    expect(await http.call(request('/slow', 200), { allowPrivateNetworks: true })).toMatchObject({ ok: false, code: 'timeout' });
  });
});
