import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '@tandem/shared/api';
import { startApiHarness, ADMIN_KEY, type ApiHarness } from '../support/apiHarness';
import { startApiWorker, type ApiWorker } from '../support/apiWorker';
import { edge, flow, node, supportFlow, text } from '../support/apiFlows';
import { waitFor } from '../support/engineHarness';

const HOUR = 3_600_000;
let h: ApiHarness;
let w: ApiWorker;

async function publish(document: Record<string, unknown>) {
  const created = await h.call(endpoints.createFlow, { workspaceId: h.a }, { key: h.keys.a, body: { document } });
  const published = await h.call(endpoints.publishFlow, { workspaceId: h.a, flowId: created.json.id }, { key: h.keys.a, body: {} });
  expect(published.status).toBe(201);
  return created.json.id as string;
}

const thread = async (waId: string) => (await h.call(endpoints.simulatorThread, { workspaceId: h.a }, { key: h.keys.aViewer, query: { waId } })).json;
const say = (body: Record<string, unknown>) => h.call(endpoints.simulateMessage, { workspaceId: h.a }, { key: h.keys.a, body });
const texts = (t: { messages: { direction: string; content: { text?: string; body?: string } }[] }) =>
  t.messages.map((m) => `${m.direction}: ${m.content.text ?? m.content.body}`);

beforeAll(async () => {
  h = await startApiHarness();
  w = await startApiWorker(h);
  await h.db.pool.query(`UPDATE workspaces SET settings = settings || '{"pairGapMs": 0}' WHERE id = $1`, [h.a]);
  await publish(supportFlow);
  await publish(
    flow(
      'Reminder',
      [
        node('remind', 'trigger-message', { match: 'keywords', keywords: ['remind me'] }),
        node('later', 'wait', { mode: 'duration', duration: { amount: 2, unit: 'hours' } }),
        text('nudge', 'Here is your reminder.'),
      ],
      [edge('remind', 'next', 'later'), edge('later', 'next', 'nudge')],
    ),
  );
  await publish(
    flow(
      'Paid',
      [
        node('paid', 'trigger-event', { event: 'order.paid', fields: [{ name: 'total', path: 'total', type: 'number', required: true }] }),
        node('tag', 'set-attribute', { addTags: ['paying'], operations: [{ target: 'contact', name: 'last_total', value: '{{trigger.total}}' }] }),
        node('done', 'end', { outcome: 'tagged' }),
      ],
      [edge('paid', 'next', 'tag'), edge('tag', 'next', 'done')],
    ),
  );
});
afterAll(async () => {
  await w?.stop();
  await h?.close();
});

describe('simulator API', () => {
  it("answers a message on a published flow: the bot's reply shows in the thread with the run", async () => {
    const res = await say({ waId: '4915100000001', text: 'hi', profileName: 'Ana' });
    expect(res.status).toBe(202);
    expect(res.json.wamid).toMatch(/^wamid\.sim\./);
    await w.idle();
    const t = await thread('4915100000001');
    expect(texts(t)).toEqual(['in: hi', 'out: Hello Ana!', 'out: A teammate will reply shortly.']);
    expect(t.messages[0]).toMatchObject({ wamid: res.json.wamid, type: 'text', status: 'received' });
    expect(t.messages.slice(1).map((m: { status: string; nodeId: string }) => `${m.nodeId}:${m.status}`)).toEqual(['hello:sent', 'support:sent']);
    expect(t.contact).toMatchObject({ waId: '4915100000001', profileName: 'Ana', windowOpen: true });
    expect(t.run).toMatchObject({ status: 'active', currentNode: 'support', waitingFor: 'person', version: 1, contactId: t.contact.id });
    expect(Math.abs(Date.parse(t.now) - Date.now())).toBeLessThan(60_000);
  });

  it('sends a button reply as an interactive message, and an ad click as a referral that opens the free entry window', async () => {
    await say({ waId: '4915100000002', text: 'Yes please', replyId: 'yes', adId: '120210000000000' });
    await w.idle();
    const t = await thread('4915100000002');
    expect(t.messages).toEqual([
      expect.objectContaining({ direction: 'in', type: 'interactive', content: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes please' } } }),
    ]);
    const last = Date.parse(t.contact.lastInboundAt);
    expect(Date.parse(t.contact.freeEntryUntil) - last).toBe(72 * HOUR);
  });

  it('refuses a message with neither text nor reply', async () => {
    const res = await say({ waId: '4915100000003' });
    expect(res.status).toBe(400);
    expect(res.json.error.issues).toEqual([{ path: ['text'], message: 'Give a text or a replyId' }]);
  });

  it('submits a WhatsApp Flow as the test contact: the interactive nfm_reply, answers and token in response_json, tied to the Flow message', async () => {
    const res = await h.call(
      endpoints.simulateFlowReply,
      { workspaceId: h.a },
      {
        key: h.keys.a,
        body: {
          waId: '4915100000009',
          token: 'tandem.41.2814653498770231',
          answers: { name: 'Ana', email: 'ana@example.com', interest: 'workshops', marketing_opt_in: true, days: ['mon'], guests: 2 },
          contextWamid: 'wamid.sim.flow-message',
        },
      },
    );
    expect(res.status).toBe(202);
    expect(res.json.wamid).toMatch(/^wamid\.sim\./);
    await w.idle();
    const t = await thread('4915100000009');
    expect(t.messages).toEqual([
      expect.objectContaining({
        direction: 'in',
        type: 'interactive',
        wamid: res.json.wamid,
        content: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: expect.any(String) } },
      }),
    ]);
    expect(JSON.parse(t.messages[0].content.nfm_reply.response_json)).toEqual({
      flow_token: 'tandem.41.2814653498770231',
      name: 'Ana',
      email: 'ana@example.com',
      interest: 'workshops',
      marketing_opt_in: true,
      days: ['mon'],
      guests: 2,
    });
    expect(t.contact).toMatchObject({ waId: '4915100000009', windowOpen: true });
  });

  it('refuses a Flow reply without a token, or with an answer key a Flow cannot have', async () => {
    const res = await h.call(
      endpoints.simulateFlowReply,
      { workspaceId: h.a },
      { key: h.keys.a, body: { waId: '4915100000009', answers: { 'full name': 'Ana' } } },
    );
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_input');
    expect(res.json.error.issues.map((i: { path: (string | number)[] }) => i.path)).toEqual([['token'], ['answers', 'full name']]);
  });

  it('records a Business App reply as an echo, which does not open the 24-hour window', async () => {
    const res = await h.call(endpoints.simulateEcho, { workspaceId: h.a }, { key: h.keys.a, body: { waId: '4915100000004', text: 'Hi from the shop' } });
    expect(res.status).toBe(202);
    await w.idle();
    const t = await thread('4915100000004');
    expect(t.messages).toEqual([
      expect.objectContaining({ direction: 'echo', wamid: res.json.wamid, content: expect.objectContaining({ text: 'Hi from the shop' }) }),
    ]);
    expect(t.contact).toMatchObject({ windowOpen: false, lastInboundAt: null });
    expect(t.contact.lastAppReplyAt).not.toBeNull();
    expect(t.run).toBeNull();
  });

  it('fires a business event that starts the flow it triggers, with the payload mapped', async () => {
    const res = await h.call(
      endpoints.simulateEvent,
      { workspaceId: h.a },
      { key: h.keys.a, body: { waId: '4915100000005', name: 'order.paid', payload: { total: 42.5 } } },
    );
    expect(res.status).toBe(202);
    expect(res.json).toEqual({ accepted: true });
    await w.idle();
    const t = await thread('4915100000005');
    expect(t.contact).toMatchObject({ tags: ['paying'], attributes: { last_total: 42.5 } });
    expect(t.run).toMatchObject({ status: 'completed', outcome: 'tagged' });
  });

  it('refuses an event name no flow could listen to', async () => {
    const res = await h.call(endpoints.simulateEvent, { workspaceId: h.a }, { key: h.keys.a, body: { waId: '4915100000005', name: 'Order Paid' } });
    expect(res.status).toBe(400);
    expect(res.json.error.issues[0].path).toEqual(['name']);
  });

  it('fast-forwards the clock through a wait, and answers the new workspace time', async () => {
    await say({ waId: '4915100000006', text: 'remind me' });
    await w.idle();
    expect((await thread('4915100000006')).run).toMatchObject({ currentNode: 'later', waitingFor: 'timer' });
    const before = Date.parse((await thread('4915100000006')).now);
    const res = await h.call(endpoints.advanceClock, { workspaceId: h.a }, { key: h.keys.a, body: { advanceMs: 2 * HOUR } });
    expect(res.status).toBe(200);
    expect(Date.parse(res.json.now) - before).toBeGreaterThanOrEqual(2 * HOUR);
    expect(Date.parse(res.json.now) - before).toBeLessThan(2 * HOUR + 60_000);
    await waitFor(async () => texts(await thread('4915100000006')).includes('out: Here is your reminder.'), 20_000, 'the reminder');
    await w.idle();
    expect((await thread('4915100000006')).run).toMatchObject({ status: 'completed' });
  });

  it('forgets the test contact on reset: thread, runs, their log and timers, and handoffs', async () => {
    await say({ waId: '4915100000007', text: 'hi' });
    await w.idle();
    const before = await thread('4915100000007');
    expect(before.run.waitingFor).toBe('person');
    const res = await h.call(endpoints.resetSimulator, { workspaceId: h.a }, { key: h.keys.a, body: { waId: '4915100000007' } });
    expect(res.json).toEqual({ ok: true });
    expect(await thread('4915100000007')).toMatchObject({ contact: null, messages: [], run: null });
    const left = await h.db.pool.query(
      `SELECT (SELECT count(*) FROM runs WHERE contact_id = $1)::int + (SELECT count(*) FROM run_steps WHERE run_id = $2)::int
            + (SELECT count(*) FROM timers WHERE contact_id = $1)::int + (SELECT count(*) FROM handoffs WHERE contact_id = $1)::int
            + (SELECT count(*) FROM messages WHERE contact_id = $1)::int AS n`,
      [before.contact.id, before.run.id],
    );
    expect(left.rows[0].n).toBe(0);
    expect((await thread('4915100000001')).contact).not.toBeNull();
    await say({ waId: '4915100000007', text: 'hi' });
    await w.idle();
    expect(texts(await thread('4915100000007'))).toEqual(['in: hi', 'out: Hello there!', 'out: A teammate will reply shortly.']);
  });

  describe('testing the draft without publishing', () => {
    const greeter = (reply: string, keyword = 'greet') =>
      flow('Greeter', [node('greet', 'trigger-message', { match: 'keywords', keywords: [keyword] }), text('hello', reply)], [edge('greet', 'next', 'hello')]);
    const detail = async (flowId: string) => (await h.call(endpoints.getFlow, { workspaceId: h.a, flowId }, { key: h.keys.a })).json;
    const saveDraft = (flowId: string, document: Record<string, unknown>) =>
      h.call(endpoints.saveDraft, { workspaceId: h.a, flowId }, { key: h.keys.a, body: { document: { ...document, id: flowId } } });
    const test = (flowId: string, waId: string, key = h.keys.a) => h.call(endpoints.startDraftTest, { workspaceId: h.a }, { key, body: { flowId, waId } });

    it('runs the draft instead of the live version until the test stops; the test contact starts over; versions stay as published', async () => {
      const flowId = await publish(greeter('Hello from v1'));
      expect((await saveDraft(flowId, greeter('Hello from the draft'))).status).toBe(200);
      await say({ waId: '4915100000020', text: 'greet' });
      await w.idle();
      expect(texts(await thread('4915100000020'))).toEqual(['in: greet', 'out: Hello from v1']);

      const started = await test(flowId, '4915100000020');
      expect(started.status).toBe(201);
      expect(started.json.version).toBe(-1);
      // The contact met the live version before: it starts over.
      expect((await thread('4915100000020')).messages).toEqual([]);
      await say({ waId: '4915100000020', text: 'greet' });
      await w.idle();
      const t = await thread('4915100000020');
      expect(texts(t)).toEqual(['in: greet', 'out: Hello from the draft']);
      expect(t.run).toMatchObject({ flowId, version: -1, status: 'completed' });
      expect(await detail(flowId)).toMatchObject({ liveVersion: 1, versionCount: 1, test: { version: -1 } });
      const versions = (await h.call(endpoints.listVersions, { workspaceId: h.a, flowId }, { key: h.keys.a })).json.versions;
      expect(versions.map((v: { version: number }) => v.version)).toEqual([1]);
      // A test version is not a version anyone opens.
      expect((await h.call(endpoints.getVersion, { workspaceId: h.a, flowId, version: -1 }, { key: h.keys.a })).status).toBe(400);

      // A second test freezes the draft again.
      await saveDraft(flowId, greeter('Hello from the second draft'));
      expect((await test(flowId, '4915100000020')).json.version).toBe(-2);
      await say({ waId: '4915100000020', text: 'greet' });
      await w.idle();
      expect(texts(await thread('4915100000020'))).toEqual(['in: greet', 'out: Hello from the second draft']);

      expect((await h.call(endpoints.stopDraftTest, { workspaceId: h.a }, { key: h.keys.a, body: { flowId } })).status).toBe(200);
      await say({ waId: '4915100000021', text: 'greet' });
      await w.idle();
      expect(texts(await thread('4915100000021'))).toEqual(['in: greet', 'out: Hello from v1']);
      expect((await detail(flowId)).test).toBeNull();
    });

    it('ends with the publish, which takes the next published number', async () => {
      const flowId = await publish(greeter('Hello from v1', 'publish me'));
      await saveDraft(flowId, greeter('Hello, published', 'publish me'));
      await test(flowId, '4915100000022');
      const published = await h.call(endpoints.publishFlow, { workspaceId: h.a, flowId }, { key: h.keys.a, body: {} });
      expect(published.json.version).toBe(2);
      expect(await detail(flowId)).toMatchObject({ liveVersion: 2, test: null });
    });

    it('tests a flow that was never published', async () => {
      const created = await h.call(endpoints.createFlow, { workspaceId: h.a }, { key: h.keys.a, body: { document: greeter('Hello, unpublished', 'howdy') } });
      expect((await test(created.json.id, '4915100000023')).status).toBe(201);
      await say({ waId: '4915100000023', text: 'howdy' });
      await w.idle();
      expect(texts(await thread('4915100000023'))).toEqual(['in: howdy', 'out: Hello, unpublished']);
    });

    it('refuses a draft with errors, an unknown flow and a viewer, and changes nothing', async () => {
      const flowId = await publish(greeter('Hello from v1', 'broken'));
      await saveDraft(flowId, { ...greeter('Broken', 'broken'), edges: [edge('greet', 'next', 'nowhere')] });
      const broken = await test(flowId, '4915100000024');
      expect(broken.status).toBe(422);
      expect(broken.json.error).toMatchObject({ code: 'flow_invalid', message: 'The draft has errors: fix them in the Problems panel to test it' });
      expect(broken.json.error.issues).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'dangling-edge' })]));
      expect((await test('fl_missing', '4915100000024')).status).toBe(404);
      expect((await test(flowId, '4915100000024', h.keys.aViewer)).status).toBe(403);
      expect((await detail(flowId)).test).toBeNull();
      const [{ n }] = (await h.db.pool.query(`SELECT count(*)::int AS n FROM flow_versions WHERE flow_id = $1 AND test`, [flowId])).rows;
      expect(n).toBe(0);
    });
  });

  it('works only in sandbox workspaces', async () => {
    const cloud = await h.call(
      endpoints.createWorkspace,
      {},
      { key: ADMIN_KEY, body: { name: 'Real number', transport: 'cloud', phoneNumberId: '1065403522', accessToken: 'a-real-token-123' } },
    );
    for (const [route, body] of [
      [endpoints.simulateMessage, { waId: '4915100000008', text: 'hi' }],
      [endpoints.simulateFlowReply, { waId: '4915100000008', token: 'tandem.1.2814653498770231', answers: { name: 'Ana' } }],
      [endpoints.simulateEcho, { waId: '4915100000008', text: 'hi' }],
      [endpoints.simulateEvent, { waId: '4915100000008', name: 'order.paid' }],
      [endpoints.advanceClock, { advanceMs: 1000 }],
      [endpoints.resetSimulator, { waId: '4915100000008' }],
      [endpoints.startDraftTest, { flowId: 'fl_any', waId: '4915100000008' }],
      [endpoints.stopDraftTest, { flowId: 'fl_any' }],
    ] as const) {
      const res = await h.call(route, { workspaceId: cloud.json.id }, { key: ADMIN_KEY, body });
      expect(res.status).toBe(409);
      expect(res.json.error).toEqual({ code: 'not_sandbox', message: 'The simulator works in sandbox workspaces only' });
    }
    const read = await h.call(endpoints.simulatorThread, { workspaceId: cloud.json.id }, { key: ADMIN_KEY, query: { waId: '4915100000008' } });
    expect(read.status).toBe(409);
    const [{ n }] = (await h.db.pool.query(`SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE payload::text LIKE $1`, [`%${cloud.json.id}%`]))
      .rows;
    expect(n).toBe(0);
  });
});
