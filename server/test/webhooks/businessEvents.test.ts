import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFullHarness, type FullHarness } from '../support/fullHarness';
import { waitFor } from '../support/engineHarness';
import { workspaces } from '../../src/db/schema';

const example = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'engine', 'examples', `${name}.json`), 'utf8')) as Record<string, unknown>;
let h: FullHarness;
let secret: string;

beforeAll(async () => {
  h = await startFullHarness();
  await h.publish(example('order-updates'));
  const [w] = await h.db.db.select({ hookSecret: workspaces.hookSecret }).from(workspaces).where(eq(workspaces.id, h.workspaceId));
  secret = h.secrets.decrypt(w!.hookSecret!);
});
afterAll(async () => h?.close());

async function post(body: unknown, options: { key?: string; sign?: string | null; contentType?: string; workspace?: string } = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const signature = options.sign === undefined ? `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}` : options.sign;
  const res = await h.app.request(`/hooks/${options.workspace ?? h.workspaceId}/events`, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/json',
      ...(signature ? { 'x-tandem-signature': signature } : {}),
      ...(options.key !== '' ? { 'idempotency-key': options.key ?? 'order-1001-placed' } : {}),
    },
    body: raw,
  });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

const placed = { event: 'order.placed', contact: { waId: '4915112345678' }, payload: { order: { id: 'A-1001', total: '59.90 €' } } };

describe('POST /hooks/<workspace>/events', () => {
  it('starts the flows the event triggers, and ignores a retry with the same idempotency key', async () => {
    expect(secret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const first = await post(placed);
    const retry = await post(placed);
    expect([first.status, first.json, retry.status, retry.json]).toEqual([202, { accepted: true, duplicate: false }, 202, { accepted: true, duplicate: true }]);
    await waitFor(() => h.standIn.received().filter((r) => r.response.status === 200).length === 1, 20_000, 'the order confirmation');
    await h.idle();
    const sent = h.standIn.received()[0]!.body as { to: string; template: { name: string; components: { parameters: { text: string }[] }[] } };
    expect(sent.to).toBe('+4915112345678');
    expect(sent.template.name).toBe('order_confirmation');
    expect(sent.template.components[0]!.parameters.map((p) => p.text)).toEqual(['there', 'A-1001', '59.90 €']);
    expect(await h.q(`SELECT current_node, waiting_for, waiting_event FROM runs`)).toEqual([
      { current_node: 'wait_shipped', waiting_for: 'event', waiting_event: 'order.shipped' },
    ]);
  });

  it('wakes the run waiting for the next event', async () => {
    const shipped = await post(
      { event: 'order.shipped', contact: { waId: '4915112345678' }, payload: { tracking_code: 'TRK-1' } },
      { key: 'order-1001-shipped' },
    );
    expect(shipped.status).toBe(202);
    await waitFor(() => h.standIn.received().filter((r) => r.response.status === 200).length === 2, 20_000, 'the shipping notice');
    const notice = h.standIn.received()[1]!.body as {
      template: { name: string; components: { type: string; sub_type?: string; parameters: { text: string }[] }[] };
    };
    expect(notice.template.name).toBe('order_shipped');
    expect(notice.template.components.find((c) => c.sub_type === 'url')!.parameters[0]!.text).toBe('TRK-1');
  });

  it('refuses a wrong signature (401), a missing idempotency key (422), a bad event (400) and an unknown workspace (404), storing nothing', async () => {
    const before = await h.q<{ n: number }>(`SELECT count(*)::int AS n FROM business_events`);
    expect((await post(placed, { sign: `sha256=${'a'.repeat(64)}`, key: 'x1' })).status).toBe(401);
    expect((await post(placed, { sign: null, key: 'x2' })).status).toBe(401);
    expect((await post(placed, { key: '' })).json.error.code).toBe('idempotency_key_required');
    const bad = await post({ event: 'Order Placed', contact: {} }, { key: 'x3' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: { path: string[] }) => i.path.join('.'))).toEqual(['event', 'contact']);
    expect((await post(placed, { workspace: 'ws_nope', key: 'x4' })).status).toBe(404);
    expect((await post('event=x', { contentType: 'application/x-www-form-urlencoded', key: 'x5' })).status).toBe(415);
    expect(await h.q<{ n: number }>(`SELECT count(*)::int AS n FROM business_events`)).toEqual(before);
  });
});
