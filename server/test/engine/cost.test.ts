import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRateTable } from '@tandem/shared';
import { endpoints } from '@tandem/shared/api';
import { inboundBody, startFullHarness, statusBody, type FullHarness } from '../support/fullHarness';

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
