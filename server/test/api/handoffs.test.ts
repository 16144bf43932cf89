import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '@tandem/shared/api';
import { startApiHarness, type ApiHarness } from '../support/apiHarness';
import { startApiWorker, type ApiWorker } from '../support/apiWorker';
import { supportFlow } from '../support/apiFlows';
import { waitFor } from '../support/engineHarness';

const HOUR = 3_600_000;
let h: ApiHarness;
let w: ApiWorker;
let agent: { cookie: string; headers: Record<string, string> };

beforeAll(async () => {
  h = await startApiHarness();
  w = await startApiWorker(h);
  await h.db.pool.query(`UPDATE workspaces SET settings = settings || '{"pairGapMs": 0}' WHERE id = $1`, [h.a]);
  const created = await h.call(endpoints.createFlow, { workspaceId: h.a }, { key: h.keys.a, body: { document: supportFlow } });
  await h.call(endpoints.publishFlow, { workspaceId: h.a, flowId: created.json.id }, { key: h.keys.a, body: {} });
  const session = await h.login('agent');
  agent = { cookie: session.cookie, headers: { 'x-csrf-token': session.csrf } };
});
afterAll(async () => {
  await w?.stop();
  await h?.close();
});

/** The contact writes "hi" and the flow hands the conversation to support; returns its handoff. */
async function handedOver(waId: string, profileName = 'Ana') {
  await h.call(endpoints.simulateMessage, { workspaceId: h.a }, { key: h.keys.a, body: { waId, text: 'hi', profileName } });
  await w.idle();
  const list = await h.call(endpoints.listHandoffs, { workspaceId: h.a }, { ...agent });
  const handoff = list.json.handoffs.find((x: { contactWaId: string }) => x.contactWaId === waId);
  expect(handoff).toBeDefined();
  return handoff as { id: number; runId: number; contactId: number };
}

const call = (route: (typeof endpoints)['takeHandoff' | 'releaseHandoff'], id: number) => h.call(route, { workspaceId: h.a, id }, { ...agent });
const reply = (id: number, text: string) => h.call(endpoints.replyHandoff, { workspaceId: h.a, id }, { ...agent, body: { text } });
const run = async (id: number) => (await h.call(endpoints.getRun, { workspaceId: h.a, id }, { key: h.keys.a })).json;
const threadTexts = async (waId: string) =>
  (await h.call(endpoints.simulatorThread, { workspaceId: h.a }, { key: h.keys.a, query: { waId } })).json.messages.map(
    (m: { direction: string; content: { text?: string; body?: string } }) => `${m.direction}: ${m.content.text ?? m.content.body}`,
  );

describe('handoffs API', () => {
  it('lists open conversations with the contact and the last message of the thread', async () => {
    const handoff = await handedOver('4915200000001', 'Ana');
    expect(handoff).toMatchObject({
      contactName: 'Ana',
      team: 'support',
      status: 'open',
      assignee: null,
      takenAt: null,
      lastMessage: 'A teammate will reply shortly.',
    });
    expect((await run(handoff.runId)).waitingFor).toBe('person');
    const open = await h.call(endpoints.listHandoffs, { workspaceId: h.a }, { ...agent, query: { status: 'open' } });
    expect(open.json.handoffs.map((x: { id: number }) => x.id)).toContain(handoff.id);
    const released = await h.call(endpoints.listHandoffs, { workspaceId: h.a }, { ...agent, query: { status: 'released' } });
    expect(released.json.handoffs).toEqual([]);
  });

  it('take: assigns it to the caller, and "not taken" no longer fires', async () => {
    const handoff = await handedOver('4915200000002');
    const timers = async () => (await h.db.pool.query(`SELECT kind FROM timers WHERE run_id = $1`, [handoff.runId])).rows.map((r) => r.kind);
    expect(await timers()).toEqual(['timeout']);
    const res = await call(endpoints.takeHandoff, handoff.id);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: handoff.id, status: 'taken', assignee: 'agent@a.test' });
    expect(res.json.takenAt).not.toBeNull();
    expect(await timers()).toEqual([]);
    const again = await call(endpoints.takeHandoff, handoff.id);
    expect(again.status).toBe(409);
    expect(again.json.error).toEqual({ code: 'already_taken', message: 'agent@a.test has taken this conversation' });
    const taken = await h.call(endpoints.listHandoffs, { workspaceId: h.a }, { ...agent, query: { status: 'taken' } });
    expect(taken.json.handoffs.map((x: { id: number }) => x.id)).toEqual([handoff.id]);
    await h.call(endpoints.advanceClock, { workspaceId: h.a }, { key: h.keys.a, body: { advanceMs: 2 * HOUR } });
    await w.idle();
    expect(await run(handoff.runId)).toMatchObject({ status: 'active', currentNode: 'support', waitingFor: 'person' });
  });

  it('an open conversation nobody takes leaves by "not taken" when its time is up', async () => {
    const handoff = await handedOver('4915200000003');
    await h.call(endpoints.advanceClock, { workspaceId: h.a }, { key: h.keys.a, body: { advanceMs: HOUR + 1000 } });
    await waitFor(async () => (await run(handoff.runId)).status === 'completed', 20_000, 'the timeout');
    expect(await run(handoff.runId)).toMatchObject({ outcome: 'not_taken' });
    expect(await threadTexts('4915200000003')).toContain('out: Nobody is free right now, sorry.');
  });

  it("reply: queues the agent's text for sending (outside any run) and it is sent", async () => {
    const handoff = await handedOver('4915200000004');
    const res = await reply(handoff.id, 'Hi Ana, Sam here. How can I help?');
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      direction: 'out',
      type: 'text',
      content: { kind: 'text', text: 'Hi Ana, Sam here. How can I help?', previewUrl: false },
      status: 'pending',
      runId: null,
      nodeId: null,
    });
    await w.idle();
    const [stored] = (await h.db.pool.query(`SELECT status, purpose, wamid FROM messages WHERE id = $1`, [res.json.id])).rows;
    expect(stored).toMatchObject({ status: 'sent', purpose: 'agent', wamid: expect.stringMatching(/^wamid\./) });
    expect(await threadTexts('4915200000004')).toEqual([
      'in: hi',
      'out: Hello Ana!',
      'out: A teammate will reply shortly.',
      'out: Hi Ana, Sam here. How can I help?',
    ]);
    // Replying is taking: the conversation is now the agent's, and its timeout is gone.
    const [listed] = (await h.call(endpoints.listHandoffs, { workspaceId: h.a }, { ...agent, query: { status: 'taken' } })).json.handoffs.filter(
      (x: { id: number }) => x.id === handoff.id,
    );
    expect(listed).toMatchObject({ assignee: 'agent@a.test', lastMessage: 'Hi Ana, Sam here. How can I help?' });
    expect((await h.db.pool.query(`SELECT 1 FROM timers WHERE run_id = $1`, [handoff.runId])).rowCount).toBe(0);
  });

  it('reply: refused once the 24-hour window has closed', async () => {
    const handoff = await handedOver('4915200000005');
    await call(endpoints.takeHandoff, handoff.id);
    await h.call(endpoints.advanceClock, { workspaceId: h.a }, { key: h.keys.a, body: { advanceMs: 25 * HOUR } });
    const res = await reply(handoff.id, 'Still there?');
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('window_closed');
    expect((await h.db.pool.query(`SELECT 1 FROM messages WHERE content ->> 'text' = 'Still there?'`)).rowCount).toBe(0);
  });

  it('release: the run continues at the handoff\'s "resolved" output', async () => {
    const handoff = await handedOver('4915200000006');
    await call(endpoints.takeHandoff, handoff.id);
    const res = await call(endpoints.releaseHandoff, handoff.id);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: handoff.id, status: 'released', assignee: 'agent@a.test' });
    await w.idle();
    expect(await run(handoff.runId)).toMatchObject({ status: 'completed', outcome: 'resolved' });
    const steps: { kind: string; nodeId: string; port: string; detail: { type?: string; by?: string } }[] = (await run(handoff.runId)).steps;
    const releasedAt = steps.findIndex((s) => s.detail?.type === 'handoff.released');
    expect(steps[releasedAt]!.detail.by).toBe('agent@a.test');
    const after = steps
      .slice(releasedAt)
      .filter((s) => s.kind === 'port' || s.kind === 'end')
      .map((s) => `${s.kind} ${s.nodeId}${s.port ? `.${s.port}` : ''}`);
    expect(after).toEqual(['port support.resolved', 'port back.next', 'end resolved']);
    expect((await threadTexts('4915200000006')).at(-1)).toBe('out: The bot is back. Anything else?');
    const [row] = (await h.db.pool.query(`SELECT released_at FROM handoffs WHERE id = $1`, [handoff.id])).rows;
    expect(row.released_at).not.toBeNull();
    const active = await h.call(endpoints.listHandoffs, { workspaceId: h.a }, { ...agent });
    expect(active.json.handoffs.map((x: { id: number }) => x.id)).not.toContain(handoff.id);
    const released = await h.call(endpoints.listHandoffs, { workspaceId: h.a }, { ...agent, query: { status: 'released' } });
    expect(released.json.handoffs[0]).toMatchObject({ id: handoff.id, status: 'released' });
  });

  it("counts the contact's messages since a person last answered, in Tandem or the Business App", async () => {
    const waId = '4915200000009';
    const handoff = await handedOver(waId);
    const unread = async () =>
      (await h.call(endpoints.listHandoffs, { workspaceId: h.a }, { ...agent })).json.handoffs.find((x: { id: number }) => x.id === handoff.id)?.unread;
    const write = async (text: string) => {
      await h.call(endpoints.simulateMessage, { workspaceId: h.a }, { key: h.keys.a, body: { waId, text } });
      await w.idle();
    };
    expect(await unread()).toBe(0);
    await write('Are you there?');
    await write('I need help with my order');
    expect(await unread()).toBe(2);
    await reply(handoff.id, 'Yes, Sam here');
    expect(await unread()).toBe(0);
    await write('Order A-17');
    expect(await unread()).toBe(1);
    await h.call(endpoints.simulateEcho, { workspaceId: h.a }, { key: h.keys.a, body: { waId, text: 'Looking now (from the phone)' } });
    await w.idle();
    expect(await unread()).toBe(0);
  });

  it("shows a reply from the inbox as the teammate's, with their name", async () => {
    const waId = '4915200000010';
    const handoff = await handedOver(waId);
    await reply(handoff.id, 'Hi, this is Sam');
    await w.idle();
    const contact = await h.call(endpoints.contactMessages, { workspaceId: h.a, id: handoff.contactId }, { ...agent });
    const byPeople = contact.json.messages.filter((m: { agent?: unknown }) => m.agent !== undefined);
    expect(byPeople).toEqual([
      expect.objectContaining({ direction: 'out', agent: { name: 'agent@a.test' }, content: expect.objectContaining({ text: 'Hi, this is Sam' }) }),
    ]);
  });

  it('refuses to take, reply to or release a released conversation', async () => {
    const handoff = await handedOver('4915200000007');
    await call(endpoints.releaseHandoff, handoff.id);
    await w.idle();
    for (const res of [await call(endpoints.takeHandoff, handoff.id), await call(endpoints.releaseHandoff, handoff.id), await reply(handoff.id, 'hello?')]) {
      expect(res.status).toBe(409);
      expect(res.json.error).toEqual({ code: 'released', message: 'This conversation was given back to the bot' });
    }
  });

  it('needs the agent role, and answers 404 for a handoff of another workspace', async () => {
    const handoff = await handedOver('4915200000008');
    expect((await h.call(endpoints.listHandoffs, { workspaceId: h.a }, { key: h.keys.aViewer })).status).toBe(403);
    const b = await h.call(endpoints.takeHandoff, { workspaceId: h.b, id: handoff.id }, { key: h.keys.b });
    expect(b.status).toBe(404);
    expect(b.json.error).toEqual({ code: 'not_found', message: 'Handoff not found' });
  });
});
