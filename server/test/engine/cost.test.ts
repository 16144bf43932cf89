import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRateTable } from '@tandem/shared';
import { endpoints } from '@tandem/shared/api';
import { inboundAt, inboundBody, startFullHarness, statusBody, type FullHarness } from '../support/fullHarness';
import { waitFor } from '../support/engineHarness';
import { createFlow, publishFlow } from '../../src/services/flows';

const hello = {
  schemaVersion: 1,
  name: 'Hello',
  settings: { reentry: 'always' },
  nodes: [
    { id: 'hi', type: 'trigger-message', position: { x: 0, y: 0 }, data: { match: 'keywords', keywords: ['hello'], keywordMode: 'contains' } },
    { id: 'ok', type: 'send-message', position: { x: 0, y: 0 }, data: { message: { kind: 'text', text: 'Hi there.' } } },
  ],
  edges: [{ id: 'e1', source: 'hi', sourceHandle: 'next', target: 'ok' }],
};

const german = '4915112345678';
const indian = '919812345678';
const marketing = { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' };
const freeService = { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' };
const freeUtilityInWindow = { ...freeService, category: 'utility' };
const freeEntryPoint = { billable: false, pricing_model: 'PMP', type: 'free_entry_point', category: 'referral_conversion' };

let h: FullHarness;
beforeAll(async () => {
  h = await startFullHarness();
  await h.publish(hello);
});
afterAll(async () => h?.close());

async function sentTo(waId: string, id: string): Promise<string> {
  await h.deliver(inboundBody([{ from: waId, id, type: 'text', text: { body: 'hello' } }], [{ profile: { name: 'Ana' }, wa_id: waId }]));
  const rows = await h.q<{ wamid: string }>(
    `SELECT wamid FROM messages WHERE direction = 'out' AND wamid IS NOT NULL AND contact_id = (SELECT id FROM contacts WHERE wa_id = $1) ORDER BY id DESC LIMIT 1`,
    [waId],
  );
  return rows[0]!.wamid;
}

const t = () => String(Math.floor(Date.now() / 1000));
const costOf = async (wamid: string) =>
  (
    await h.q<{ pricing_category: string; pricing_type: string; billable: boolean; cost: number; cost_currency: string; status: string }>(
      'SELECT pricing_category, pricing_type, billable, cost, cost_currency, status FROM messages WHERE wamid = $1',
      [wamid],
    )
  )[0];

describe('actual cost from status webhooks', () => {
  it("records the market's rate for a billable category, for two markets in one batch", async () => {
    const de = await sentTo(german, 'wamid.in.de');
    const ind = await sentTo(indian, 'wamid.in.in');
    await h.deliver(
      statusBody([
        { id: de, status: 'sent', timestamp: t(), recipient_id: german, pricing: marketing },
        { id: ind, status: 'sent', timestamp: t(), recipient_id: indian, pricing: marketing },
        { id: ind, status: 'delivered', timestamp: t(), recipient_id: indian, pricing: marketing },
      ]),
    );
    const germany = defaultRateTable.markets.find((m) => m.name === 'Germany')!.rates.marketing;
    const india = defaultRateTable.markets.find((m) => m.name === 'India')!.rates.marketing;
    expect(await costOf(de)).toEqual({
      pricing_category: 'marketing',
      pricing_type: 'regular',
      billable: true,
      cost: germany,
      cost_currency: 'USD',
      status: 'sent',
    });
    expect(await costOf(ind)).toMatchObject({ billable: true, cost: india, status: 'delivered' });
  });

  it('records 0 for a message Meta does not bill', async () => {
    const de = await sentTo(german, 'wamid.in.de.2');
    await h.deliver(statusBody([{ id: de, status: 'delivered', timestamp: t(), recipient_id: german, pricing: freeService }]));
    expect(await costOf(de)).toMatchObject({ pricing_category: 'service', pricing_type: 'free_customer_service', billable: false, cost: 0 });
  });

  it("prices by the workspace's own rate table once it is saved", async () => {
    const rates = { ...defaultRateTable, markets: [{ name: 'Germany', prefixes: ['49'], rates: { marketing: 0.5, utility: 0.1, authentication: 0.2 } }] };
    await h.api(endpoints.updateWorkspace, {}, { body: { settings: { pairGapMs: 0, rates } } });
    const de = await sentTo(german, 'wamid.in.de.3');
    const ind = await sentTo(indian, 'wamid.in.in.3');
    await h.deliver(
      statusBody([
        { id: de, status: 'delivered', timestamp: t(), recipient_id: german, pricing: marketing },
        { id: ind, status: 'delivered', timestamp: t(), recipient_id: indian, pricing: { ...marketing, category: 'utility' } },
      ]),
    );
    expect((await costOf(de))?.cost).toBe(0.5);
    expect((await costOf(ind))?.cost).toBe(defaultRateTable.other.utility);
  });
});

const MIN = 60_000;
const node = (id: string, type: string, data: Record<string, unknown>) => ({ id, type, position: { x: 0, y: 0 }, data });
const sale = {
  schemaVersion: 1,
  name: 'Sale',
  settings: { reentry: 'always' },
  nodes: [
    node('daily', 'trigger-schedule', { schedule: { kind: 'cron', cron: '0 10 * * *', timezone: 'UTC' }, audience: { tagsAny: ['sale'] } }),
    node('promo', 'send-template', { template: { name: 'winter_sale', language: 'en', category: 'MARKETING' } }),
  ],
  edges: [{ id: 'e1', source: 'daily', sourceHandle: 'next', target: 'promo' }],
};

describe('a broadcast estimate', () => {
  it('equals the actual cost written from the status webhooks of its sends, over two markets', async () => {
    await h.api(endpoints.updateWorkspace, {}, { body: { settings: { pairGapMs: 0, rates: defaultRateTable } } });
    const csv = [
      'wa_id,profile_name,marketing_consent,tags',
      '4915100000001,Ana,opted_in,sale',
      '4915100000002,Ben,opted_in,sale',
      '4915100000003,Cem,opted_out,sale',
      '919800000001,Dev,opted_in,sale',
      '919800000002,Esha,opted_in,',
    ].join('\n');
    await h.api(endpoints.importContacts, {}, { body: { csv } });
    const flowId = await createFlow(h.db.db, h.workspaceId, sale);
    const estimate = await h.api(endpoints.flowCostEstimate, { flowId });
    const germany = defaultRateTable.markets.find((m) => m.name === 'Germany')!.rates.marketing;
    const india = defaultRateTable.markets.find((m) => m.name === 'India')!.rates.marketing;
    expect(estimate.audience).toBe(3);
    expect(estimate.lines.sort((a, b) => a.market.localeCompare(b.market))).toEqual([
      { market: 'Germany', contacts: 2, perContact: germany, free: 0, cost: 2 * germany },
      { market: 'India', contacts: 1, perContact: india, free: 0, cost: india },
    ]);

    await publishFlow(h.db.db, h.workspaceId, flowId);
    await h.elapse(61 * MIN);
    await waitFor(() => h.wire().filter((w) => w.includes('winter_sale')).length === 3, 20_000, 'the broadcast');
    await h.idle();
    const sent = await h.q<{ wamid: string; wa_id: string }>(
      `SELECT m.wamid, c.wa_id FROM messages m JOIN contacts c ON c.id = m.contact_id JOIN runs r ON r.id = m.run_id WHERE r.flow_id = $1 AND m.direction = 'out'`,
      [flowId],
    );
    expect(sent).toHaveLength(3);
    await h.deliver(statusBody(sent.map((m) => ({ id: m.wamid, status: 'sent', timestamp: t(), recipient_id: m.wa_id, pricing: marketing }))));
    await h.deliver(statusBody(sent.map((m) => ({ id: m.wamid, status: 'delivered', timestamp: t(), recipient_id: m.wa_id, pricing: marketing }))));
    const [actual] = await h.q<{ total: number }>(`SELECT sum(cost) AS total FROM messages WHERE wamid = ANY($1)`, [sent.map((m) => m.wamid)]);
    expect(actual!.total).toBeCloseTo(estimate.total!, 10);
  });

  it('equals the actual cost when Meta does not bill a utility template in an open window nor anything after an ad click', async () => {
    await h.api(endpoints.updateWorkspace, {}, { body: { settings: { pairGapMs: 0, rates: defaultRateTable } } });
    const [paying, inWindow, fromAd] = ['4915100000021', '4915100000022', '919800000021'];
    const csv = [
      'wa_id,profile_name,marketing_consent,tags',
      `${paying},Fay,opted_in,renew`,
      `${inWindow},Gus,opted_in,renew`,
      `${fromAd},Hari,opted_in,renew`,
    ];
    await h.api(endpoints.importContacts, {}, { body: { csv: csv.join('\n') } });
    await h.deliver(inboundAt(inWindow, 'When is my renewal?', await h.now()));
    const referral = { source_url: 'https://fb.me/x', source_id: '120226305854810726', source_type: 'ad', headline: 'Renew now' };
    await h.deliver(inboundAt(fromAd, 'Tell me more', await h.now(), { referral }));

    const now = await h.now();
    const renewal = {
      ...sale,
      name: 'Renewal',
      nodes: [
        node('hourly', 'trigger-schedule', {
          schedule: { kind: 'cron', cron: `0 ${(now.getUTCHours() + 1) % 24} * * *`, timezone: 'UTC' },
          audience: { tagsAny: ['renew'] },
        }),
        node('notice', 'send-template', { template: { name: 'renewal_notice', language: 'en', category: 'UTILITY' } }),
      ],
      edges: [{ id: 'e1', source: 'hourly', sourceHandle: 'next', target: 'notice' }],
    };
    const flowId = await createFlow(h.db.db, h.workspaceId, renewal);
    const estimate = await h.api(endpoints.flowCostEstimate, { flowId });
    const germany = defaultRateTable.markets.find((m) => m.name === 'Germany')!.rates.utility;
    const india = defaultRateTable.markets.find((m) => m.name === 'India')!.rates.utility;
    expect(estimate).toMatchObject({ audience: 3, freeContacts: 2, total: germany });
    expect(estimate.lines.sort((a, b) => a.market.localeCompare(b.market))).toEqual([
      { market: 'Germany', contacts: 2, perContact: germany, free: 1, cost: germany },
      { market: 'India', contacts: 1, perContact: india, free: 1, cost: 0 },
    ]);

    await publishFlow(h.db.db, h.workspaceId, flowId);
    await h.elapse(61 * MIN);
    await waitFor(() => h.wire().filter((w) => w.includes('renewal_notice')).length === 3, 20_000, 'the broadcast');
    await h.idle();
    const sent = await h.q<{ wamid: string; wa_id: string }>(
      `SELECT m.wamid, c.wa_id FROM messages m JOIN contacts c ON c.id = m.contact_id JOIN runs r ON r.id = m.run_id WHERE r.flow_id = $1 AND m.direction = 'out'`,
      [flowId],
    );
    expect(sent.map((m) => m.wa_id).sort()).toEqual([paying, inWindow, fromAd].sort());
    const pricing = { [paying]: { ...marketing, category: 'utility' }, [inWindow]: freeUtilityInWindow, [fromAd]: freeEntryPoint };
    await h.deliver(statusBody(sent.map((m) => ({ id: m.wamid, status: 'delivered', timestamp: t(), recipient_id: m.wa_id, pricing: pricing[m.wa_id] }))));
    const [actual] = await h.q<{ total: number }>(`SELECT sum(cost) AS total FROM messages WHERE wamid = ANY($1)`, [sent.map((m) => m.wamid)]);
    expect(actual!.total).toBeCloseTo(estimate.total!, 10);
  });
});
