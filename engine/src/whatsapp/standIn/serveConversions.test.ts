import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloudApiClient } from '../cloudApiClient';
import { startCloudApiStandIn, type CloudApiStandIn } from './startCloudApiStandIn';

// The Conversions API for Business Messaging as the stand-in speaks it (conversions-api-facts §3), through Tandem's client.

const token = 'EAAGm0PX4ZCpsBAstandInToken';
const dataset = '1234567890123456';
let standIn: CloudApiStandIn;
let client: CloudApiClient;
const now = () => Math.floor(Date.now() / 1000);
const event = (over: Record<string, unknown> = {}) => ({
  event_name: 'Purchase' as const,
  event_time: now(),
  event_id: 'tandem-conversion-1',
  action_source: 'business_messaging' as const,
  messaging_channel: 'whatsapp' as const,
  user_data: { whatsapp_business_account_id: '102290129340398', ctwa_clid: 'ARAkLkA8' },
  custom_data: { currency: 'EUR', value: 40 },
  ...over,
});

beforeAll(async () => {
  standIn = await startCloudApiStandIn({ tokens: { '106540352242922': token } });
  client = new CloudApiClient({ baseUrl: standIn.url });
});
afterAll(() => standIn.close());

describe('Conversions API stand-in', () => {
  it('takes a purchase and answers how many events it received', async () => {
    const outcome = await client.reportConversions({ datasetId: dataset, accessToken: token }, { data: [event()], partner_agent: 'tandem' });
    expect(outcome).toMatchObject({ ok: true, eventsReceived: 1 });
    const [request] = standIn.received().filter((r) => r.path === `/v24.0/${dataset}/events`);
    expect(request!.body).toMatchObject({ partner_agent: 'tandem', data: [{ event_name: 'Purchase', custom_data: { currency: 'EUR', value: 40 } }] });
  });

  it('refuses an unknown token (190), an event older than 7 days and a name messaging events do not take (100, subcode 2804066)', async () => {
    const denied = await client.reportConversions({ datasetId: dataset, accessToken: 'not-the-token' }, { data: [event()] });
    expect(denied).toMatchObject({ ok: false, error: { code: 190 }, handling: 'reauth' });
    const stale = await client.reportConversions({ datasetId: dataset, accessToken: token }, { data: [event({ event_time: now() - 8 * 86_400 })] });
    expect(stale).toMatchObject({ ok: false, error: { code: 100 }, handling: 'invalid_request' });
    expect(stale.ok === false && stale.error.message).toMatch(/more than 7 days old/);
    // Tandem's client refuses a Lead itself; straight to the stand-in it is Meta's subcode.
    const lead = await client.reportConversions({ datasetId: dataset, accessToken: token }, { data: [event({ event_name: 'Lead' })] } as never);
    expect(lead).toMatchObject({ ok: false, error: { code: 100, source: 'tandem' } });
    const res = await fetch(`${standIn.url}/v24.0/${dataset}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ data: [event({ event_name: 'Lead' })] }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: number; error_subcode: number } }).error).toMatchObject({ code: 100, error_subcode: 2804066 });
  });

  it('a missing click id is named in the error', async () => {
    const res = await fetch(`${standIn.url}/v24.0/${dataset}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ data: [event({ user_data: { whatsapp_business_account_id: '102290129340398' } })] }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/ctwa_clid/);
  });
});
