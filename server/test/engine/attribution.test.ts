import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endpoints } from '@tandem/shared/api';
import { echoBody, inboundAt, startFullHarness, statusBody, WABA_ID, type FullHarness } from '../support/fullHarness';
import { waitFor } from '../support/engineHarness';

// Issue 14: an ad click → a qualified lead → a purchase, through the signed webhook endpoints,
// the worker and the Cloud API stand-in (which also takes Meta's Conversions API): the Conversions
// API calls, the credited actor, the revenue and the cost on the dashboard.

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const CUSTOMER = '16505551234';
const DATASET = '1234567890123456';
const CTWA_CLID = 'Aff-n8ZTODiE79d22KtAwQKj9e_mIEOOj27vDVwFjN80dp4';

let h: FullHarness;
beforeEach(async () => {
  h = await startFullHarness();
  await h.q(
    `UPDATE workspaces SET waba_id = $2, settings = settings || jsonb_build_object('conversionsApi', jsonb_build_object('datasetId', $3::text)) WHERE id = $1`,
    [h.workspaceId, WABA_ID, DATASET],
  );
});
afterEach(async () => h?.close());

const node = (id: string, type: string, data: Record<string, unknown>) => ({ id, type, position: { x: 0, y: 0 }, data });
const edge = (source: string, target: string, sourceHandle = 'next') => ({ id: `${source}-${sourceHandle}`, source, sourceHandle, target });

/** An ad click starts it; the budget answer makes the contact a lead (reported to Meta); four days on, a marketing template; a paid order is the goal. */
const leadJourney = {
  schemaVersion: 1,
  name: 'Succulents ad',
  settings: {
    goals: [
      { name: 'Purchase', kind: 'event', event: 'order.paid', value: 'payload.total', currency: 'payload.currency', windowHours: 14 * 24, report: 'Purchase' },
    ],
  },
  nodes: [
    node('ad', 'trigger-message', { source: 'ad', match: 'any' }),
    node('budget', 'bot-question', {
      prompt: { kind: 'text', text: 'Happy to help! What is your budget?' },
      saveTo: { scope: 'vars', name: 'budget' },
      timeout: { amount: 1, unit: 'hours' },
    }),
    node('lead', 'report-conversion', { event: 'LeadSubmitted' }),
    node('later', 'wait', { mode: 'duration', duration: { amount: 4, unit: 'days' } }),
    node('offer', 'send-template', { template: { name: 'succulent_offer', language: 'en', category: 'MARKETING' } }),
  ],
  edges: [edge('ad', 'budget'), edge('budget', 'lead'), edge('lead', 'later'), edge('later', 'offer')],
};

const referral = {
  source_url: 'https://fb.me/3cr4Wqqkv',
  source_id: '120226305854810726',
  source_type: 'ad',
  body: 'Summer Succulents are here!',
  headline: 'Chat with us',
  media_type: 'image',
  ctwa_clid: CTWA_CLID,
};

type CapiCall = {
  event_name: string;
  event_time: number;
  event_id: string;
  action_source: string;
  messaging_channel: string;
  user_data: unknown;
  custom_data?: unknown;
};
/** The Conversions API requests the stand-in took, as their events. */
const capiCalls = () =>
  h.standIn
    .received()
    .filter((r) => r.path === `/v24.0/${DATASET}/events`)
    .map((r) => ({
      status: r.response.status,
      event: (r.body as { data: CapiCall[]; partner_agent: string }).data[0]!,
      agent: (r.body as { partner_agent: string }).partner_agent,
    }));
const reports = () =>
  h.q<{ event_name: string; status: string; attempts: number; last_error: Record<string, unknown> | null; response: Record<string, unknown> | null }>(
    'SELECT event_name, status, attempts, last_error, response FROM capi_events ORDER BY id',
  );
const settled = (n: number) => waitFor(async () => (await h.q(`SELECT 1 FROM capi_events WHERE status <> 'pending'`)).length >= n, 20_000, 'the reports');

describe('ad attribution, the Conversions API, credit and cost', () => {
  it('an ad click → a qualified lead → a purchase after an App reply: Meta hears Lead and Purchase, the person in the App gets the credit, the dashboard shows revenue and cost', async () => {
    const flowId = await h.publish(leadJourney);
    const from = new Date((await h.now()).getTime() - HOUR);

    await h.deliver(inboundAt(CUSTOMER, 'Can I get more info about this?', await h.now(), { referral }));
    const [contact] = await h.q<{ referral: Record<string, unknown> }>('SELECT referral FROM contacts');
    expect(contact!.referral).toMatchObject({ sourceId: '120226305854810726', headline: 'Chat with us', ctwaClid: CTWA_CLID });
    const [run] = await h.q<{ referral: Record<string, unknown> }>('SELECT referral FROM runs');
    expect(run!.referral).toMatchObject({ sourceType: 'ad', ctwaClid: CTWA_CLID });
    const [{ id: contactId }] = (await h.q<{ id: number }>('SELECT id FROM contacts')) as [{ id: number }];
    const shown = await h.api(endpoints.getContact, { id: contactId });
    expect(shown.adClick).toMatchObject({ sourceType: 'ad', sourceId: '120226305854810726', headline: 'Chat with us', clickId: true });

    await h.deliver(inboundAt(CUSTOMER, 'About 50 dollars', await h.now()));
    await settled(1);
    const [lead] = capiCalls();
    expect(lead).toMatchObject({
      status: 200,
      agent: 'tandem',
      event: {
        event_name: 'LeadSubmitted',
        action_source: 'business_messaging',
        messaging_channel: 'whatsapp',
        user_data: { whatsapp_business_account_id: WABA_ID, ctwa_clid: CTWA_CLID },
      },
    });
    expect(lead!.event.custom_data).toBeUndefined();

    // Four days on (past the 72 free hours after the click) the offer goes out, and Meta prices it as marketing.
    await h.elapse(4 * DAY + MIN);
    expect(h.wire().at(-1)).toBe(`+${CUSTOMER}: template succulent_offer`);
    const [offer] = await h.q<{ wamid: string }>(`SELECT wamid FROM messages WHERE type = 'template'`);
    const at = String(Math.floor((await h.now()).getTime() / 1000));
    await h.deliver(
      statusBody([
        {
          id: offer!.wamid,
          status: 'delivered',
          timestamp: at,
          recipient_id: CUSTOMER,
          pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' },
        },
        { id: offer!.wamid, status: 'read', timestamp: at, recipient_id: CUSTOMER },
      ]),
    );

    // Maria answers from the Business App, then the shop's backend says the order is paid.
    await h.elapse(10 * MIN);
    await h.deliver(echoBody(CUSTOMER, 'Hi! Maria here: the 3-pack ships today.', await h.now()));
    await h.elapse(MIN);
    await h.businessEvent(CUSTOMER, 'order.paid', { total: 40, currency: 'USD' });
    await settled(2);

    const purchase = capiCalls()[1]!;
    expect(purchase).toMatchObject({
      status: 200,
      event: { event_name: 'Purchase', user_data: { ctwa_clid: CTWA_CLID }, custom_data: { currency: 'USD', value: 40 } },
    });
    expect(purchase.event.event_id).not.toBe(lead!.event.event_id);
    expect(await reports()).toMatchObject([
      { event_name: 'LeadSubmitted', status: 'sent', attempts: 1, response: { events_received: 1 } },
      { event_name: 'Purchase', status: 'sent', attempts: 1, response: { events_received: 1 } },
    ]);
    const [conversion] = await h.q<{ credit: string; touches: { actor: string }[]; value: number }>('SELECT credit, touches, value FROM conversions');
    expect(conversion).toMatchObject({ credit: 'app', value: 40 });
    expect(conversion!.touches.map((t) => t.actor)).toEqual(['bot', 'app']);

    const to = new Date((await h.now()).getTime() + HOUR);
    const dashboard = await h.api(endpoints.dashboard, {}, { query: { from: from.toISOString(), to: to.toISOString(), flowId } });
    expect(dashboard.currency).toBe('USD');
    expect(dashboard.totals).toMatchObject({
      runsStarted: 1,
      conversions: 1,
      conversionRate: 1,
      revenue: 40,
      // One North American marketing template at the default rate.
      cost: 0.025,
      credit: { bot: 0, app: 1, agent: 0, none: 0 },
      assistedConversions: 1,
    });
    expect(dashboard.totals.roi).toBeCloseTo((40 - 0.025) / 0.025, 5);
    expect(dashboard.funnel.map((s) => [s.nodeId, s.entered])).toEqual([
      ['ad', 1],
      ['budget', 1],
      ['lead', 1],
      ['later', 1],
      ['offer', 1],
    ]);
  });

  it('a transient Conversions API error is retried; a refused event is logged as failed with Meta’s error; a contact not from an ad is skipped', async () => {
    await h.publish(leadJourney);
    h.standIn.failNext(2, { conversions: true });
    await h.deliver(inboundAt(CUSTOMER, 'Info please', await h.now(), { referral }));
    await h.deliver(inboundAt(CUSTOMER, 'Around 30', await h.now()));
    await settled(1);
    expect(await reports()).toMatchObject([{ event_name: 'LeadSubmitted', status: 'sent', attempts: 2, last_error: { code: 2, handling: 'retry' } }]);
    expect(capiCalls().map((c) => c.status)).toEqual([500, 200]);

    // Meta refuses the request for good (an invalid parameter): no retry, the error is kept.
    h.standIn.failNext(100, { conversions: true });
    await h.elapse(4 * DAY + MIN);
    await h.businessEvent(CUSTOMER, 'order.paid', { total: 12, currency: 'USD' });
    await settled(2);
    const [, refused] = await reports();
    expect(refused).toMatchObject({ event_name: 'Purchase', status: 'failed', attempts: 1, last_error: { code: 100, handling: 'invalid_request' } });

    // A second customer who wrote without an ad click (the journey starts on any message for them: an organic twin).
    await h.publish({
      ...leadJourney,
      name: 'Organic',
      nodes: [node('any', 'trigger-message', { match: 'keywords', keywords: ['hello'] }), ...leadJourney.nodes.slice(1)],
      edges: [edge('any', 'budget'), ...leadJourney.edges.slice(1)],
    });
    await h.deliver(inboundAt('447700900123', 'hello', await h.now()));
    await h.deliver(inboundAt('447700900123', '20 pounds', await h.now()));
    const skipped = (await reports()).at(-1);
    expect(skipped).toMatchObject({ event_name: 'LeadSubmitted', status: 'skipped', attempts: 0, last_error: { reason: 'no_ad_click' } });
    expect(capiCalls()).toHaveLength(3);

    // The log a marketer reads: newest first, with the journey, Meta's error or the reason it was skipped.
    const log = await h.api(endpoints.listConversionReports, {}, { query: { limit: '10' } });
    expect(log.total).toBe(3);
    expect(log.reports.map((r) => [r.eventName, r.status, r.flowName, r.error?.reason ?? r.error?.code ?? null])).toEqual([
      ['LeadSubmitted', 'skipped', 'Organic', 'no_ad_click'],
      ['Purchase', 'failed', 'Succulents ad', 100],
      ['LeadSubmitted', 'sent', 'Succulents ad', 2],
    ]);
    expect(log.reports[1]).toMatchObject({ value: 12, currency: 'USD', contactName: 'Sheena Nelson' });
    const failed = await h.api(endpoints.listConversionReports, {}, { query: { status: 'failed' } });
    expect(failed.reports.map((r) => r.id)).toEqual([log.reports[1]!.id]);
  });
});
