import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '@tandem/shared/api';
import { startApiHarness, type ApiHarness } from '../support/apiHarness';

// The Conversions API log and its setting, over the API. The reports themselves come from journeys
// (server/test/engine/attribution.test.ts drives them through webhooks and the stand-in).

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
  const q = (text: string, params: unknown[]) => h.db.pool.query(text, params);
  for (const [ws, waId, name] of [
    [h.a, '4915112345678', 'Jonas'],
    [h.b, '4915112345679', 'Other brand'],
  ] as const) {
    const c = await q(`INSERT INTO contacts (workspace_id, wa_id, profile_name) VALUES ($1, $2, $3) RETURNING id`, [ws, waId, name]);
    const contactId = c.rows[0].id;
    await q(
      `INSERT INTO capi_events (workspace_id, contact_id, event_name, payload, status, attempts, response, sent_at, created_at)
       VALUES ($1, $2, 'Purchase', '{"event_name":"Purchase","custom_data":{"currency":"EUR","value":40}}', 'sent', 1, '{"events_received":1}', now(), now() - interval '1 hour')`,
      [ws, contactId],
    );
    await q(
      `INSERT INTO capi_events (workspace_id, contact_id, event_name, payload, status, last_error) VALUES ($1, $2, 'LeadSubmitted', '{"event_name":"LeadSubmitted"}', 'skipped', '{"reason":"sandbox"}')`,
      [ws, contactId],
    );
  }
});
afterAll(async () => h?.close());

describe('GET /conversion-reports', () => {
  it("lists the workspace's own reports, newest first, with the contact, value and Meta's answer", async () => {
    const res = await h.call(endpoints.listConversionReports, { workspaceId: h.a }, { key: h.keys.aViewer });
    expect(res.status).toBe(200);
    expect(res.json.total).toBe(2);
    expect(res.json.reports.map((r: { eventName: string; status: string }) => [r.eventName, r.status])).toEqual([
      ['LeadSubmitted', 'skipped'],
      ['Purchase', 'sent'],
    ]);
    expect(res.json.reports[1]).toMatchObject({ contactName: 'Jonas', value: 40, currency: 'EUR', response: { events_received: 1 }, attempts: 1 });
    expect(res.json.reports[0].error).toEqual({ reason: 'sandbox' });
  });

  it('filters by status and refuses an unknown one', async () => {
    const sent = await h.call(endpoints.listConversionReports, { workspaceId: h.a }, { key: h.keys.a, query: { status: 'sent' } });
    expect(sent.json.reports.map((r: { status: string }) => r.status)).toEqual(['sent']);
    const bad = await h.call(endpoints.listConversionReports, { workspaceId: h.a }, { key: h.keys.a, query: { status: 'lost' } });
    expect(bad.status).toBe(400);
  });
});

describe('the conversionsApi workspace setting', () => {
  it('keeps a dataset id and refuses one that is not Meta’s number', async () => {
    const bad = await h.call(
      endpoints.updateWorkspace,
      { workspaceId: h.a },
      { key: h.keys.aAdmin, body: { settings: { conversionsApi: { datasetId: 'pixel-1' } } } },
    );
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: { path: (string | number)[] }) => i.path.join('.'))).toEqual(['settings.conversionsApi.datasetId']);
    const ok = await h.call(
      endpoints.updateWorkspace,
      { workspaceId: h.a },
      { key: h.keys.aAdmin, body: { settings: { conversionsApi: { datasetId: '1234567890123456' } } } },
    );
    expect(ok.status).toBe(200);
    const view = await h.call(endpoints.getWorkspace, { workspaceId: h.a }, { key: h.keys.aViewer });
    expect(view.json.settings.conversionsApi).toEqual({ datasetId: '1234567890123456' });
  });
});
