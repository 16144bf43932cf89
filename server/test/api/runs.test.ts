import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '@tandem/shared/api';
import { startApiHarness, type ApiHarness } from '../support/apiHarness';
import { startApiWorker, type ApiWorker } from '../support/apiWorker';
import { orderFlow } from '../support/apiFlows';

let h: ApiHarness;
let w: ApiWorker;
let flowId: string;
let editorKeyLabel: string;

const start = (body: Record<string, unknown>, id = flowId) => h.call(endpoints.startRun, { workspaceId: h.a, flowId: id }, { key: h.keys.a, body });
const runs = async (query: Record<string, string> = {}) =>
  (await h.call(endpoints.listRuns, { workspaceId: h.a }, { key: h.keys.aViewer, query })).json.runs as Record<string, any>[];
const contactOf = async (waId: string) =>
  (await h.call(endpoints.listContacts, { workspaceId: h.a }, { key: h.keys.a, query: { search: waId } })).json.contacts[0];

beforeAll(async () => {
  h = await startApiHarness();
  w = await startApiWorker(h);
  const created = await h.call(endpoints.createFlow, { workspaceId: h.a }, { key: h.keys.a, body: { document: orderFlow } });
  flowId = created.json.id;
  await h.call(endpoints.publishFlow, { workspaceId: h.a, flowId }, { key: h.keys.a, body: {} });
  const keyId = /^tdm_(key_[0-9a-z]{16})_/.exec(h.keys.a)![1];
  editorKeyLabel = `key editor key (${keyId})`;
});
afterAll(async () => {
  await w?.stop();
  await h?.close();
});

describe('runs API', () => {
  it('starts the flow through its API trigger for a new contact, with the payload mapped', async () => {
    const res = await start({ contact: { waId: '4915300000001' }, payload: { order: { id: 'A-1001' } } });
    expect(res.status).toBe(202);
    expect(res.json).toEqual({ accepted: true });
    await w.idle();
    const contact = await contactOf('4915300000001');
    expect(contact).toMatchObject({ waId: '4915300000001', phone: '+4915300000001', attributes: { last_order: 'A-1001' }, tags: ['customer'] });
    expect(await runs({ contactId: String(contact.id) })).toEqual([
      expect.objectContaining({ flowId, version: 1, contactId: contact.id, status: 'active', currentNode: 'wait_ship', waitingFor: 'event', endedAt: null }),
    ]);
  });

  it('reuses a known contact, and starts by business-scoped user id too', async () => {
    await start({ contact: { waId: '4915300000001' }, payload: { order: { id: 'A-1002' } } });
    await start({ contact: { userId: 'US.13491208655302741918' }, payload: { order: { id: 'A-1003' } } });
    await w.idle();
    const contacts = (await h.call(endpoints.listContacts, { workspaceId: h.a }, { key: h.keys.a })).json;
    expect(contacts.total).toBe(2);
    expect((await contactOf('4915300000001')).attributes.last_order).toBe('A-1002');
    const byUserId = contacts.contacts.find((c: { userId: string | null }) => c.userId === 'US.13491208655302741918');
    expect(byUserId).toMatchObject({ waId: null, phone: null, attributes: { last_order: 'A-1003' } });
    expect(await runs({ contactId: String(byUserId.id) })).toHaveLength(1);
  });

  it('refuses a payload without the fields the API trigger requires, naming them', async () => {
    const res = await start({ contact: { waId: '4915300000002' }, payload: { order: { total: 12 } } });
    expect(res.status).toBe(422);
    expect(res.json.error).toEqual({
      code: 'missing_fields',
      message: 'The payload lacks required fields: order.id',
      issues: [{ path: ['payload', 'order', 'id'], message: "Required by the flow's start step" }],
    });
    expect((await h.call(endpoints.listContacts, { workspaceId: h.a }, { key: h.keys.a, query: { search: '4915300000002' } })).json.total).toBe(0);
  });

  it('refuses a flow that is not published, and a contact without an id', async () => {
    const draft = await h.call(endpoints.createFlow, { workspaceId: h.a }, { key: h.keys.a, body: { document: orderFlow } });
    const res = await start({ contact: { waId: '4915300000003' }, payload: { order: { id: 'x' } } }, draft.json.id);
    expect(res.status).toBe(409);
    expect(res.json.error).toEqual({ code: 'not_published', message: 'The flow has no live version: publish it first' });
    expect((await start({ contact: {}, payload: {} })).status).toBe(400);
  });

  it('lists runs by flow, contact, status and current step, newest first', async () => {
    const all = await runs({ flowId });
    expect(all.map((r) => r.id)).toEqual([...all.map((r) => r.id)].sort((a, b) => b - a));
    expect(all).toHaveLength(3);
    expect(await runs({ status: 'active', node: 'wait_ship' })).toHaveLength(3);
    expect(await runs({ node: 'remember' })).toEqual([]);
    expect(await runs({ status: 'completed' })).toEqual([]);
    expect(await runs({ flowId, limit: '1', offset: '1' })).toEqual([all[1]]);
    expect((await h.call(endpoints.listRuns, { workspaceId: h.b }, { key: h.keys.b })).json.runs).toEqual([]);
  });

  it('shows a run with its step log in order', async () => {
    const [latest] = await runs({ flowId });
    const res = await h.call(endpoints.getRun, { workspaceId: h.a, id: latest!.id }, { key: h.keys.aViewer });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: latest!.id, version: 1, status: 'active', messages: [] });
    const log = res.json.steps.map(
      (s: { kind: string; nodeId: string | null; port: string | null }) => `${s.kind} ${s.nodeId ?? '-'}${s.port ? `.${s.port}` : ''}`,
    );
    expect(log).toEqual(['event -', 'enter start', 'port start.next', 'enter remember', 'port remember.next', 'enter wait_ship']);
    expect(res.json.steps[0].detail).toEqual({ type: 'start', trigger: 'start' });
    expect((await h.call(endpoints.getRun, { workspaceId: h.b, id: latest!.id }, { key: h.keys.b })).status).toBe(404);
  });

  it('cancels an active run: it ends with who did it, its timers go, and events no longer move it', async () => {
    const [run] = await runs({ contactId: String((await contactOf('4915300000001')).id) });
    expect((await h.db.pool.query(`SELECT kind FROM timers WHERE run_id = $1`, [run!.id])).rows).toEqual([{ kind: 'timeout' }]);
    const res = await h.call(endpoints.cancelRun, { workspaceId: h.a, id: run!.id }, { key: h.keys.a });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id: run!.id,
      status: 'cancelled',
      endReason: `cancelled by ${editorKeyLabel}`,
      waitingFor: null,
      currentNode: 'wait_ship',
    });
    expect(Date.parse(res.json.endedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect((await h.db.pool.query(`SELECT 1 FROM timers WHERE run_id = $1`, [run!.id])).rowCount).toBe(0);
    const detail = (await h.call(endpoints.getRun, { workspaceId: h.a, id: run!.id }, { key: h.keys.a })).json;
    expect(detail.steps.at(-1)).toMatchObject({ kind: 'end', nodeId: 'wait_ship', detail: { reason: `cancelled by ${editorKeyLabel}` } });

    await h.call(endpoints.simulateEvent, { workspaceId: h.a }, { key: h.keys.a, body: { waId: '4915300000001', name: 'order.shipped' } });
    await w.idle();
    expect((await h.call(endpoints.getRun, { workspaceId: h.a, id: run!.id }, { key: h.keys.a })).json).toMatchObject({ status: 'cancelled', outcome: null });

    const again = await h.call(endpoints.cancelRun, { workspaceId: h.a, id: run!.id }, { key: h.keys.a });
    expect(again.status).toBe(409);
    expect(again.json.error).toEqual({ code: 'not_active', message: 'The run is not active (it is cancelled)' });
  });

  it('skips the messages a cancelled run still had queued', async () => {
    const [run] = await runs({ status: 'active' });
    const queued = await h.db.pool.query<{ id: number }>(
      `INSERT INTO messages (workspace_id, contact_id, direction, type, content, status, run_id, node_id, step, purpose)
       VALUES ($1, $2, 'out', 'text', '{"kind":"text","text":"later"}', 'held', $3, 'wait_ship', 5, 'flow') RETURNING id`,
      [h.a, run!.contactId, run!.id],
    );
    await h.call(endpoints.cancelRun, { workspaceId: h.a, id: run!.id }, { key: h.keys.a });
    const [m] = (await h.db.pool.query(`SELECT status, error FROM messages WHERE id = $1`, [queued.rows[0]!.id])).rows;
    expect(m).toEqual({ status: 'skipped', error: { code: 'run_cancelled', message: `cancelled by ${editorKeyLabel}` } });
  });

  it('lists a completed run with its outcome', async () => {
    await start({ contact: { waId: '4915300000004' }, payload: { order: { id: 'A-2001' } } });
    await w.idle();
    await h.call(endpoints.simulateEvent, { workspaceId: h.a }, { key: h.keys.a, body: { waId: '4915300000004', name: 'order.shipped' } });
    await w.idle();
    const contact = await contactOf('4915300000004');
    expect(await runs({ contactId: String(contact.id), status: 'completed' })).toEqual([
      expect.objectContaining({ outcome: 'shipped', endReason: 'end', currentNode: 'shipped', waitingFor: null }),
    ]);
  });

  it('starts a broadcast flow at its schedule trigger for one contact (a test send), and refuses a trigger the flow lacks', async () => {
    const doc = {
      schemaVersion: 1,
      name: 'Weekly tips',
      nodes: [
        { id: 'monday', type: 'trigger-schedule', position: { x: 0, y: 0 }, data: { schedule: { kind: 'cron', cron: '0 9 * * 1', timezone: 'UTC' } } },
        { id: 'tag', type: 'set-attribute', position: { x: 0, y: 0 }, data: { addTags: ['tips'] } },
      ],
      edges: [{ id: 'e1', source: 'monday', sourceHandle: 'next', target: 'tag' }],
    };
    const weekly = (await h.call(endpoints.createFlow, { workspaceId: h.a }, { key: h.keys.a, body: { document: doc } })).json.id as string;
    await h.call(endpoints.publishFlow, { workspaceId: h.a, flowId: weekly }, { key: h.keys.a, body: {} });
    expect((await start({ contact: { waId: '4915300000009' }, trigger: 'monday' }, weekly)).status).toBe(202);
    await w.idle();
    const contact = await contactOf('4915300000009');
    expect(contact.tags).toEqual(['tips']);
    expect(await runs({ contactId: String(contact.id) })).toEqual([expect.objectContaining({ flowId: weekly, status: 'completed' })]);
    const unknown = await start({ contact: { waId: '4915300000009' }, trigger: 'tuesday' }, weekly);
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toMatchObject({ code: 'unknown_trigger', issues: [{ path: ['trigger'], message: 'Not a trigger step of the live version' }] });
  });
});
