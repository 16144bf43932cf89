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

describe('the rates workspace setting', () => {
  it('refuses a negative rate with 400 at its path', async () => {
    const rates = { ...defaultRateTable, other: { ...defaultRateTable.other, marketing: -1 } };
    const res = await h.call(endpoints.updateWorkspace, { workspaceId: h.a }, { key: h.keys.aAdmin, body: { settings: { rates } } });
    expect(res.status).toBe(400);
    expect(res.json.error.issues.map((i: { path: (string | number)[] }) => i.path.join('.'))).toEqual(['settings.rates.other.marketing']);
  });
});
