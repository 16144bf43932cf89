import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRateTable } from '@tandem/shared';
import { endpoints } from '@tandem/shared/api';
import { startApiHarness, type ApiHarness } from '../support/apiHarness';
import { edge, flow, node } from '../support/apiFlows';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(async () => h?.close());

const twoTemplates = flow(
  'Order updates',
  [
    node('start', 'trigger-api', {}),
    node('shipped', 'send-template', { template: { name: 'shipped', language: 'en', category: 'UTILITY' } }),
    node('code', 'send-template', { template: { name: 'login_code', language: 'en', category: 'AUTHENTICATION' } }),
  ],
  [edge('start', 'next', 'shipped'), edge('shipped', 'next', 'code')],
);

describe('GET /flows/{flowId}/cost-estimate', () => {
  it('prices every template the journey may send per market, with no audience when the flow has no broadcast trigger', async () => {
    const created = await h.call(endpoints.createFlow, { workspaceId: h.a }, { key: h.keys.a, body: { document: twoTemplates } });
    const res = await h.call(endpoints.flowCostEstimate, { workspaceId: h.a, flowId: created.json.id }, { key: h.keys.aViewer });
    expect(res.status).toBe(200);
    const germany = defaultRateTable.markets.find((m) => m.name === 'Germany')!.rates;
    expect(res.json).toMatchObject({ currency: 'USD', audience: null, lines: [], total: null });
    expect(res.json.perContact).toContainEqual({ market: 'Germany', cost: germany.utility + germany.authentication });
    expect(res.json.perContact).toContainEqual({ market: 'Other', cost: defaultRateTable.other.utility + defaultRateTable.other.authentication });
  });

  it('answers 404 for a flow of another workspace', async () => {
    const created = await h.call(endpoints.createFlow, { workspaceId: h.b }, { key: h.keys.b, body: { document: twoTemplates } });
    const res = await h.call(endpoints.flowCostEstimate, { workspaceId: h.a, flowId: created.json.id }, { key: h.keys.a });
    expect(res.status).toBe(404);
  });
});

const broadcastOf = (tag: string, category: 'UTILITY' | 'MARKETING') =>
  flow(
    `Notice ${category}`,
    [
      node('daily', 'trigger-schedule', { schedule: { kind: 'cron', cron: '0 10 * * *', timezone: 'UTC' }, audience: { tagsAny: [tag] } }),
      node('notice', 'send-template', { template: { name: 'notice', language: 'en', category } }),
    ],
    [edge('daily', 'next', 'notice')],
  );

describe('a broadcast estimate for the audience as it is now', () => {
  it('charges nothing in a free entry window and no utility template in an open window', async () => {
    const csv = ['wa_id,marketing_consent,tags', '4915100000011,opted_in,mix', '4915100000012,opted_in,mix', '4915100000013,opted_in,mix'].join('\n');
    await h.call(endpoints.importContacts, { workspaceId: h.a }, { key: h.keys.a, body: { csv } });
    // ...12 wrote an hour ago (its window is open); ...13 came from an ad 2 days ago (its free entry window has a day left).
    await h.db.pool.query(
      `UPDATE contacts c SET last_inbound_at = w.now - CASE WHEN c.wa_id = $2 THEN interval '1 hour' ELSE interval '48 hours' END,
         free_entry_until = CASE WHEN c.wa_id = $3 THEN w.now + interval '1 day' END
       FROM (SELECT now() + clock_offset_ms * interval '1 millisecond' AS now FROM workspaces WHERE id = $1) w
       WHERE c.workspace_id = $1 AND c.wa_id IN ($2, $3)`,
      [h.a, '4915100000012', '4915100000013'],
    );
    const germany = defaultRateTable.markets.find((m) => m.name === 'Germany')!.rates;
    const estimateOf = async (category: 'UTILITY' | 'MARKETING') => {
      const created = await h.call(endpoints.createFlow, { workspaceId: h.a }, { key: h.keys.a, body: { document: broadcastOf('mix', category) } });
      return (await h.call(endpoints.flowCostEstimate, { workspaceId: h.a, flowId: created.json.id }, { key: h.keys.aViewer })).json;
    };

    const utility = await estimateOf('UTILITY');
    expect(utility).toMatchObject({ audience: 3, freeContacts: 2, lines: [{ market: 'Germany', contacts: 3, perContact: germany.utility, free: 2 }] });
    expect(utility.total).toBeCloseTo(germany.utility, 10);
    expect(utility.perContact).toContainEqual({ market: 'Germany', cost: germany.utility });

    const marketing = await estimateOf('MARKETING');
    expect(marketing).toMatchObject({ audience: 3, freeContacts: 1, lines: [{ market: 'Germany', contacts: 3, perContact: germany.marketing, free: 1 }] });
    expect(marketing.total).toBeCloseTo(2 * germany.marketing, 10);
  });
});

describe('the rates workspace setting', () => {
  it('refuses a negative rate with 400 at its path', async () => {
    const rates = { ...defaultRateTable, other: { ...defaultRateTable.other, marketing: -1 } };
    const res = await h.call(endpoints.updateWorkspace, { workspaceId: h.a }, { key: h.keys.aAdmin, body: { settings: { rates } } });
    expect(res.status).toBe(400);
    expect(res.json.error.issues.map((i: { path: (string | number)[] }) => i.path.join('.'))).toEqual(['settings.rates.other.marketing']);
  });
});

const broadcast = (budget: number) =>
  flow(
    'Sale',
    [
      node('daily', 'trigger-schedule', { schedule: { kind: 'cron', cron: '0 10 * * *', timezone: 'UTC' }, audience: { tagsAny: ['sale'] }, budget }),
      node('promo', 'send-template', { template: { name: 'sale', language: 'en', category: 'MARKETING' } }),
    ],
    [edge('daily', 'next', 'promo')],
  );

describe('publishing a broadcast over its budget', () => {
  it('is refused with 409 over_budget, saying the estimate and the budget, unless confirmed', async () => {
    const csv = ['wa_id,marketing_consent,tags', '4915100000001,opted_in,sale', '4915100000002,opted_in,sale', '4915100000003,opted_in,sale'].join('\n');
    await h.call(endpoints.importContacts, { workspaceId: h.b }, { key: h.keys.b, body: { csv } });
    const over = await h.call(endpoints.createFlow, { workspaceId: h.b }, { key: h.keys.b, body: { document: broadcast(0.1) } });
    const refused = await h.call(endpoints.publishFlow, { workspaceId: h.b, flowId: over.json.id }, { key: h.keys.b, body: {} });
    expect(refused.status).toBe(409);
    const germany = defaultRateTable.markets.find((m) => m.name === 'Germany')!.rates.marketing;
    expect(refused.json.error).toEqual({
      code: 'over_budget',
      message: `One sending is estimated at ${(3 * germany).toFixed(2)} USD for 3 contacts, over the budget of 0.10 USD: confirm to publish anyway`,
    });
    const confirmed = await h.call(endpoints.publishFlow, { workspaceId: h.b, flowId: over.json.id }, { key: h.keys.b, body: { confirmOverBudget: true } });
    expect(confirmed.status).toBe(201);

    const within = await h.call(endpoints.createFlow, { workspaceId: h.b }, { key: h.keys.b, body: { document: broadcast(1) } });
    expect((await h.call(endpoints.publishFlow, { workspaceId: h.b, flowId: within.json.id }, { key: h.keys.b, body: {} })).status).toBe(201);
  });
});
