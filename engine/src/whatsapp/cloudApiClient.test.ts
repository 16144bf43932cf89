import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CloudApiClient } from './cloudApiClient';
import type { OutboundMessage } from './outboundPayload';
import { startCloudApiStandIn, type CloudApiStandIn } from './standIn';

const phoneNumberId = '106540352242922';
const accessToken = 'EAAGm0PX4ZCpsBAstandInSecretToken0123456789';
const credentials = { phoneNumberId, accessToken };
const hello: OutboundMessage = { messaging_product: 'whatsapp', to: '+16505551234', type: 'text', text: { body: 'Hello from Tandem' } };

let standIn: CloudApiStandIn;
let client: CloudApiClient;

beforeAll(async () => {
  standIn = await startCloudApiStandIn({ tokens: { [phoneNumberId]: accessToken } });
  client = new CloudApiClient({ baseUrl: standIn.url });
});
afterEach(() => standIn.reset());
afterAll(() => standIn.close());

describe('CloudApiClient', () => {
  it('returns the wamid and wa_id when Meta accepts a message', async () => {
    const outcome = await client.send(credentials, hello);
    expect(outcome).toEqual({ ok: true, wamid: expect.stringMatching(/^wamid\.[A-Za-z0-9+/]+=*$/), waId: '16505551234' });
    const [request] = standIn.received();
    expect(request).toMatchObject({ method: 'POST', path: `/v24.0/${phoneNumberId}/messages`, phoneNumberId, body: hello });
  });

  it('reports a closed customer service window (131047) as window_closed', async () => {
    standIn.failNext(131047);
    const outcome = await client.send(credentials, hello);
    expect(outcome).toMatchObject({
      ok: false,
      handling: 'window_closed',
      error: { code: 131047, message: '(#131047) Re-engagement message', httpStatus: 400, source: 'meta', fbtraceId: expect.any(String) },
    });
  });

  it('reports the throughput limit (130429) as retry with a delay', async () => {
    standIn.failNext(130429);
    const outcome = await client.send(credentials, hello);
    expect(outcome).toMatchObject({ ok: false, handling: 'retry', retryAfterMs: 1_000, error: { code: 130429 } });
  });

  it('grows the pair-rate-limit delay (131056) with the attempt number', async () => {
    standIn.failNext(131056);
    const outcome = await client.send(credentials, hello, { attempt: 2 });
    expect(outcome).toMatchObject({ ok: false, handling: 'retry', retryAfterMs: 16_000, perRecipient: true });
  });

  it('retries when Meta’s side fails with HTTP 500 (131000)', async () => {
    standIn.failNext(131000);
    const outcome = await client.send(credentials, hello);
    expect(outcome).toMatchObject({ ok: false, handling: 'retry', error: { code: 131000, httpStatus: 500 } });
  });

  it('asks for re-authentication on a bad token and never returns the token', async () => {
    const badToken = 'EAAGexpiredTokenThatMustNeverLeak987654321';
    const outcome = await client.send({ phoneNumberId, accessToken: badToken }, hello);
    expect(outcome).toMatchObject({ ok: false, handling: 'reauth', error: { code: 190, httpStatus: 401 } });
    expect(JSON.stringify(outcome)).not.toContain(badToken);
  });

  it('redacts the token if an answer ever echoes it', async () => {
    const echoing = new CloudApiClient({
      fetch: async () =>
        Response.json({ error: { message: `Invalid token ${accessToken}`, code: 190, error_data: { details: `got ${accessToken}` } } }, { status: 401 }),
    });
    const outcome = await echoing.send(credentials, hello);
    expect(outcome.ok).toBe(false);
    expect(JSON.stringify(outcome)).not.toContain(accessToken);
  });

  it('turns a timeout into a retryable transport error with code -1', async () => {
    standIn.setLatency(2_000);
    const impatient = new CloudApiClient({ baseUrl: standIn.url, timeoutMs: 50 });
    const outcome = await impatient.send(credentials, hello);
    expect(outcome).toMatchObject({
      ok: false,
      handling: 'retry',
      error: { code: -1, httpStatus: null, source: 'transport', message: 'Cloud API did not answer within 50 ms' },
    });
  });

  it('sends one message after another over the same kept-alive connection', async () => {
    for (let i = 0; i < 3; i++) expect(await client.send(credentials, hello)).toMatchObject({ ok: true });
    const ports = standIn.received().map((r) => r.remotePort);
    expect(ports).toHaveLength(3);
    expect(new Set(ports).size).toBe(1);
  });

  it('turns a refused connection into a retryable transport error', async () => {
    const gone = await startCloudApiStandIn();
    await gone.close();
    const outcome = await new CloudApiClient({ baseUrl: gone.url }).send(credentials, hello);
    expect(outcome).toMatchObject({ ok: false, handling: 'retry', error: { code: -1, httpStatus: null } });
  });

  it('refuses a body that breaks Meta’s limits without calling the network', async () => {
    const tooLong: OutboundMessage = { ...hello, text: { body: 'x'.repeat(4097) } };
    const outcome = await client.send(credentials, tooLong);
    expect(outcome).toMatchObject({
      ok: false,
      handling: 'invalid_request',
      error: { code: 100, httpStatus: null, source: 'tandem', message: expect.stringContaining('text.body') },
    });
    expect(standIn.received()).toEqual([]);
  });

  it('refuses a phone number id that is not digits without calling the network', async () => {
    const outcome = await client.send({ phoneNumberId: '../me', accessToken }, hello);
    expect(outcome).toMatchObject({ ok: false, handling: 'invalid_request', error: { source: 'tandem' } });
    expect(standIn.received()).toEqual([]);
  });

  it('marks a message read and shows the typing indicator', async () => {
    const outcome = await client.markRead(credentials, 'wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTk', true);
    expect(outcome).toEqual({ ok: true });
    expect(standIn.received()[0]?.body).toEqual({
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: 'wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTk',
      typing_indicator: { type: 'text' },
    });
  });

  it('reports a failed mark-as-read with its handling', async () => {
    standIn.failNext(131000);
    expect(await client.markRead(credentials, 'wamid.abc')).toMatchObject({ ok: false, handling: 'retry' });
  });
});

describe('CloudApiClient and WhatsApp Flows', () => {
  const wabaId = '102290129340398';
  const account = { wabaId, accessToken };
  const flowJson = { version: '6.0', screens: [{ id: 'WELCOME', layout: { type: 'SingleColumnLayout', children: [] } }] };

  it("lists every Flow of the account across pages, and reads a Flow's JSON", async () => {
    standIn.setFlows(
      wabaId,
      Array.from({ length: 101 }, (_, i) => ({ id: String(2_000_000_000 + i), name: `flow_${i}`, status: i === 0 ? 'DRAFT' : 'PUBLISHED', flowJson })),
    );
    const listed = await client.listFlows(account);
    expect(listed.ok && listed.flows.length).toBe(101);
    expect(listed.ok && listed.flows[0]).toEqual({ id: '2000000000', name: 'flow_0', status: 'DRAFT', categories: ['OTHER'] });
    expect(standIn.received().filter((r) => r.path === `/v24.0/${wabaId}/flows`)).toHaveLength(2);
    expect(await client.flowJson('2000000100', accessToken)).toEqual({ ok: true, flowJson });
  });

  it('downloads the Flow JSON without sending the access token to the download link', async () => {
    standIn.setFlows(wabaId, [{ id: '2000000000', name: 'flow_0', flowJson }]);
    const sent: { url: string; authorization: string | null }[] = [];
    const watching = new CloudApiClient({
      baseUrl: standIn.url,
      fetch: (input, init) => {
        sent.push({ url: String(input), authorization: new Headers(init?.headers).get('authorization') });
        return fetch(input, init);
      },
    });
    expect(await watching.flowJson('2000000000', accessToken)).toMatchObject({ ok: true });
    expect(sent.map((s) => [new URL(s.url).pathname, s.authorization])).toEqual([
      ['/v24.0/2000000000/assets', `Bearer ${accessToken}`],
      ['/flow-assets/2000000000/flow.json', null],
    ]);
  });

  it("reports an unknown Flow id with Meta's code 100 as an invalid request", async () => {
    standIn.setFlows(wabaId, []);
    expect(await client.flowJson('2999999999', accessToken)).toMatchObject({
      ok: false,
      handling: 'invalid_request',
      error: { code: 100, httpStatus: 400, source: 'meta', message: expect.stringContaining("Object with ID '2999999999' does not exist") },
    });
  });
});
