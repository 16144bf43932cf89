import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cloudApiErrorEnvelopeSchema } from '../cloudApiError';
import { startCloudApiStandIn, type CloudApiStandIn } from './startCloudApiStandIn';

const phoneNumberId = '106540352242922';
const token = 'EAAGm0PX4ZCpsBAstandInToken';
const messagesPath = `/v24.0/${phoneNumberId}/messages`;
const text = { messaging_product: 'whatsapp', to: '+16505551234', type: 'text', text: { body: 'Hi' } };

let standIn: CloudApiStandIn;

beforeAll(async () => {
  standIn = await startCloudApiStandIn({ tokens: { [phoneNumberId]: token, '200000000000001': 'other-number-token' } });
});
afterEach(() => standIn.reset());
afterAll(() => standIn.close());

async function post(body: unknown, options: { path?: string; auth?: string | null; raw?: string } = {}) {
  const auth = options.auth === undefined ? `Bearer ${token}` : options.auth;
  const response = await fetch(`${standIn.url}${options.path ?? messagesPath}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth !== null && { authorization: auth }) },
    body: options.raw ?? JSON.stringify(body),
  });
  const answer: Answer = { status: response.status, body: await response.json() };
  return answer;
}

type Answer = { status: number; body: unknown };

function errorOf(answer: Answer) {
  return cloudApiErrorEnvelopeSchema.parse(answer.body).error;
}

function codeOf(answer: Answer): number | undefined {
  return cloudApiErrorEnvelopeSchema.safeParse(answer.body).data?.error.code;
}

function wamidOf(answer: Answer): string {
  return z.object({ messages: z.tuple([z.object({ id: z.string() })]) }).parse(answer.body).messages[0].id;
}

function metaError(code: number, extra: Record<string, unknown> = {}) {
  return { error: { code, type: 'OAuthException', fbtrace_id: expect.stringMatching(/^A[\w-]{22}$/), ...extra } };
}

describe('startCloudApiStandIn', () => {
  it('accepts a valid send with Meta’s success shape and a unique wamid per message', async () => {
    const first = await post(text);
    const second = await post(text);
    expect(first).toEqual({
      status: 200,
      body: {
        messaging_product: 'whatsapp',
        contacts: [{ input: '+16505551234', wa_id: '16505551234' }],
        messages: [{ id: expect.stringMatching(/^wamid\.HBgL[A-Za-z0-9+/]+=*$/) }],
      },
    });
    expect(wamidOf(second)).not.toBe(wamidOf(first));
  });

  it('answers a mark-as-read with success', async () => {
    expect(await post({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.abc' })).toEqual({ status: 200, body: { success: true } });
  });

  it('answers an unknown path with a 404 error envelope', async () => {
    expect(await post(text, { path: `/v24.0/${phoneNumberId}/mesages` })).toEqual({
      status: 404,
      body: metaError(2500, { message: `Unknown path components: /v24.0/${phoneNumberId}/mesages` }),
    });
  });

  it('rejects a missing or unknown bearer token with 190 and HTTP 401', async () => {
    expect(await post(text, { auth: null })).toMatchObject({ status: 401, body: metaError(190) });
    expect(await post(text, { auth: 'Bearer not-a-token' })).toMatchObject({ status: 401, body: metaError(190) });
  });

  it('rejects a token that belongs to another phone number', async () => {
    const answer = await post(text, { auth: 'Bearer other-number-token' });
    expect(answer).toMatchObject({ status: 400, body: metaError(100) });
    expect(errorOf(answer).message).toContain(`Object with ID '${phoneNumberId}' does not exist`);
  });

  it('rejects a body that is not JSON with error 100', async () => {
    expect(await post(null, { raw: 'to=+16505551234&type=text' })).toMatchObject({ status: 400, body: metaError(100) });
  });

  it('requires messaging_product to be whatsapp', async () => {
    const { messaging_product: _, ...withoutProduct } = text;
    expect(errorOf(await post(withoutProduct))).toMatchObject({ code: 100, message: '(#100) The parameter messaging_product is required.' });
    expect(codeOf(await post({ ...text, messaging_product: 'instagram' }))).toBe(100);
  });

  it('sends to a business-scoped user id with `recipient`, and wants exactly one of to and recipient', async () => {
    const { to: _to, ...noTo } = text;
    const byUserId = await post({ ...noTo, recipient: 'US.13491208655302741918' });
    expect(byUserId).toMatchObject({ status: 200, body: { contacts: [{ input: 'US.13491208655302741918', user_id: 'US.13491208655302741918' }] } });
    expect(await post(noTo)).toMatchObject({ status: 400, body: metaError(100, { message: '(#100) The parameter to is required.' }) });
    expect(codeOf(await post({ ...text, recipient: 'US.13491208655302741918' }))).toBe(131009);
    expect(codeOf(await post({ ...noTo, recipient: '16505551234' }))).toBe(131009);
  });

  it('names a missing field in error 100', async () => {
    const answer = await post({ ...text, text: {} });
    expect(answer).toMatchObject({ status: 400, body: metaError(100, { message: '(#100) The parameter text.body is required.' }) });
  });

  it('names an unknown field in error 100', async () => {
    const answer = await post({ ...text, text: { body: 'Hi', previewUrl: true } });
    expect(errorOf(answer)).toMatchObject({ code: 100, message: '(#100) Param text.previewUrl is not a valid parameter.' });
  });

  it('answers a value beyond Meta’s limits with 131009 naming the field in details', async () => {
    const body = {
      messaging_product: 'whatsapp',
      to: '+16505551234',
      type: 'interactive',
      interactive: { type: 'button', body: { text: 'Pick' }, action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'x'.repeat(21) } }] } },
    };
    const answer = await post(body);
    expect(answer).toMatchObject({ status: 400, body: metaError(131009, { message: '(#131009) Parameter value is not valid' }) });
    expect(errorOf(answer).error_data?.details).toMatch(/^interactive\.action\.buttons\[0\]\.reply\.title: /);
  });

  it('injects a failure with Meta’s wording, then succeeds again', async () => {
    standIn.failNext(131047);
    const failed = await post(text);
    expect(failed).toMatchObject({
      status: 400,
      body: metaError(131047, { message: '(#131047) Re-engagement message', error_data: { messaging_product: 'whatsapp', details: expect.any(String) } }),
    });
    expect((await post(text)).status).toBe(200);
  });

  it('uses Meta’s HTTP status for injected codes unless told otherwise', async () => {
    standIn.failNext(131000);
    standIn.failNext(130429);
    standIn.failNext(190);
    standIn.failNext(131026, { httpStatus: 403 });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await post(text)).status);
    expect(statuses).toEqual([500, 400, 401, 403]);
  });

  it('fails only the chosen recipient, as many times as asked', async () => {
    standIn.failNext(131056, { to: '+447700900123', times: 2 });
    const other = await post(text);
    const target = { ...text, to: '+447700900123' };
    const codes = [codeOf(await post(target)), codeOf(await post(target)), (await post(target)).status];
    expect(other.status).toBe(200);
    expect(codes).toEqual([131056, 131056, 200]);
  });

  it('records every request with its arrival time and the answer it got', async () => {
    await post(text);
    await post(text, { auth: null });
    const [accepted, refused] = standIn.received();
    expect(accepted).toMatchObject({ method: 'POST', path: messagesPath, phoneNumberId, body: text, response: { status: 200 } });
    expect(refused).toMatchObject({ phoneNumberId, response: { status: 401, body: { error: { code: 190 } } } });
    expect(refused?.receivedAt).toBeGreaterThanOrEqual(accepted?.receivedAt ?? Number.POSITIVE_INFINITY);
  });

  it('answers 130429 beyond the rate limit within a sliding second', async () => {
    standIn.setRateLimit(5);
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(text)));
    const refused = answers.filter((a) => codeOf(a) === 130429);
    expect(refused).toHaveLength(3);
    expect(refused.every((a) => a.status === 400)).toBe(true);
    const accepted = standIn.received().filter((r) => r.response.status === 200);
    expect(accepted).toHaveLength(5);
  });

  it('delays answers by the configured latency', async () => {
    standIn.setLatency(120);
    const started = performance.now();
    await post(text);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });
});

describe('the template list of a WhatsApp Business Account', () => {
  const wabaId = '102290129340398';
  const orderShipped = {
    name: 'order_shipped',
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    parameter_format: 'POSITIONAL',
    components: [{ type: 'BODY', text: 'Order {{1}} is on its way.' }],
    quality_score: { score: 'GREEN' },
  };

  async function list(query: string, auth = `Bearer ${token}`) {
    const response = await fetch(`${standIn.url}/v24.0/${wabaId}/message_templates${query}`, { headers: { authorization: auth } });
    return { status: response.status, body: (await response.json()) as any };
  }

  it('answers the requested fields and the id, page by page, with paging.next until the last page', async () => {
    standIn.setTemplates(wabaId, [orderShipped, ...Array.from({ length: 4 }, (_, i) => ({ ...orderShipped, name: `t${i}` }))]);
    const first = await list('?fields=name,status,components&limit=3');
    expect(first.status).toBe(200);
    expect(first.body.data[0]).toEqual({ id: expect.any(String), name: 'order_shipped', status: 'APPROVED', components: orderShipped.components });
    expect(first.body.data).toHaveLength(3);
    const next = new URL(first.body.paging.next);
    expect(`${next.protocol}//${next.host}`).toBe(standIn.url);
    expect(next.searchParams.get('fields')).toBe('name,status,components');
    const second = await fetch(first.body.paging.next, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json() as Promise<any>);
    expect(second.data.map((t: { name: string }) => t.name)).toEqual(['t2', 't3']);
    expect(second.paging.next).toBeUndefined();
  });

  it('refuses a wrong token with 190 and an unknown account with 100', async () => {
    standIn.setTemplates(wabaId, [orderShipped]);
    expect(await list('', 'Bearer nope')).toMatchObject({ status: 401, body: metaError(190) });
    const unknown = await fetch(`${standIn.url}/v24.0/999999/message_templates`, { headers: { authorization: `Bearer ${token}` } });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as any).error).toMatchObject({ code: 100, message: expect.stringContaining("Object with ID '999999' does not exist") });
  });
});

describe('the WhatsApp Flows of a WhatsApp Business Account', () => {
  const wabaId = '102290129340398';
  const flowJson = { version: '6.0', screens: [{ id: 'WELCOME', terminal: true, layout: { type: 'SingleColumnLayout', children: [] } }] };
  const flows = Array.from({ length: 3 }, (_, i) => ({ id: `119771500551310${i}`, name: `flow_${i}`, categories: ['SURVEY'], flowJson }));
  const get = async (url: string, auth = `Bearer ${token}`) => {
    const response = await fetch(url.startsWith('http') ? url : `${standIn.url}${url}`, { headers: { authorization: auth } });
    return { status: response.status, body: (await response.json()) as any };
  };

  it('lists the Flows with the requested fields and the id, page by page, with paging.next until the last page', async () => {
    standIn.setFlows(wabaId, flows);
    const first = await get(`/v24.0/${wabaId}/flows?fields=name,status&limit=2`);
    expect(first).toMatchObject({
      status: 200,
      body: {
        data: [
          { id: '1197715005513100', name: 'flow_0', status: 'PUBLISHED' },
          { id: '1197715005513101', name: 'flow_1', status: 'PUBLISHED' },
        ],
        paging: { cursors: { before: expect.any(String), after: expect.any(String) }, next: expect.stringContaining(standIn.url) },
      },
    });
    const second = await get(first.body.paging.next);
    expect(second.body.data).toEqual([{ id: '1197715005513102', name: 'flow_2', status: 'PUBLISHED' }]);
    expect(second.body.paging.next).toBeUndefined();
    expect((await get(`/v24.0/${wabaId}/flows`)).body.data[0]).toEqual({
      id: '1197715005513100',
      name: 'flow_0',
      status: 'PUBLISHED',
      categories: ['SURVEY'],
      validation_errors: [],
    });
  });

  it("serves a Flow's FLOW_JSON asset through a download link that needs no token", async () => {
    standIn.setFlows(wabaId, flows);
    const assets = await get('/v24.0/1197715005513101/assets');
    expect(assets).toMatchObject({ status: 200, body: { data: [{ name: 'flow.json', asset_type: 'FLOW_JSON', download_url: expect.any(String) }] } });
    const download = await fetch(assets.body.data[0].download_url);
    expect(download.status).toBe(200);
    expect(await download.json()).toEqual(flowJson);
  });

  it('refuses an unknown Flow id or account with 100, as Meta does, and a wrong token with 190', async () => {
    standIn.setFlows(wabaId, flows);
    const unknown = await get('/v24.0/9999999999/assets');
    expect(unknown).toMatchObject({ status: 400, body: metaError(100) });
    expect(unknown.body.error.message).toBe(
      "Unsupported get request. Object with ID '9999999999' does not exist, cannot be loaded due to missing permissions, or does not support this operation.",
    );
    expect((await get('/v24.0/999999/flows')).body.error).toMatchObject({ code: 100, message: expect.stringContaining("Object with ID '999999'") });
    expect(await get(`/v24.0/${wabaId}/flows`, 'Bearer nope')).toMatchObject({ status: 401, body: metaError(190) });
  });
});

describe('the stand-in describes a phone number', () => {
  const read = async (path: string, auth = `Bearer ${token}`) => {
    const response = await fetch(`${standIn.url}${path}`, { headers: { authorization: auth } });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const fields = 'display_phone_number,verified_name,quality_rating,code_verification_status';

  it('answers the fields asked for, and the id, to the token of that number', async () => {
    standIn.setPhoneNumber(phoneNumberId, { display_phone_number: '+1 631-555-5555', verified_name: "Jasper's Market", quality_rating: 'YELLOW' });
    expect(await read(`/v24.0/${phoneNumberId}?fields=${fields}`)).toEqual({
      status: 200,
      body: {
        id: phoneNumberId,
        display_phone_number: '+1 631-555-5555',
        verified_name: "Jasper's Market",
        quality_rating: 'YELLOW',
        code_verification_status: 'VERIFIED',
      },
    });
    expect((await read(`/v24.0/${phoneNumberId}?fields=verified_name`)).body).toEqual({ id: phoneNumberId, verified_name: "Jasper's Market" });
  });

  it('refuses an unknown token with 190, and an unknown id or another number’s token with 100', async () => {
    standIn.setPhoneNumber(phoneNumberId, { display_phone_number: '+1 631-555-5555', verified_name: "Jasper's Market" });
    expect(await read(`/v24.0/${phoneNumberId}?fields=${fields}`, 'Bearer nope')).toMatchObject({ status: 401, body: metaError(190) });
    const unknown = await read(`/v24.0/200000000000001?fields=${fields}`, 'Bearer other-number-token');
    expect(unknown).toMatchObject({ status: 400, body: metaError(100) });
    expect(unknown.body.error.message).toContain("Object with ID '200000000000001' does not exist");
    expect(await read(`/v24.0/${phoneNumberId}?fields=${fields}`, 'Bearer other-number-token')).toMatchObject({ status: 400, body: metaError(100) });
  });

  it('answers an injected failure, such as a permission error, as Meta would', async () => {
    standIn.setPhoneNumber(phoneNumberId, { display_phone_number: '+1 631-555-5555', verified_name: "Jasper's Market" });
    standIn.failNext(200);
    expect(await read(`/v24.0/${phoneNumberId}?fields=${fields}`)).toMatchObject({ status: 400, body: metaError(200) });
    expect((await read(`/v24.0/${phoneNumberId}?fields=${fields}`)).status).toBe(200);
  });
});
