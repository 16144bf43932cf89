import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundBody, startFullHarness, statusBody, type FullHarness } from '../support/fullHarness';
import { waitFor } from '../support/engineHarness';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', '..', 'src', 'webhooks', 'fixtures', `${name}.json`));
const welcome = {
  schemaVersion: 1,
  name: 'Welcome',
  settings: { reentry: 'always' },
  nodes: [
    { id: 'hi', type: 'trigger-message', position: { x: 0, y: 0 }, data: { match: 'keywords', keywords: ['hello', 'olá'], keywordMode: 'contains' } },
    {
      id: 'ask',
      type: 'bot-question',
      position: { x: 0, y: 0 },
      data: {
        prompt: {
          kind: 'buttons',
          body: 'Hi {{contact.profile_name}}! Need help?',
          buttons: [
            { id: 'yes', title: 'Yes' },
            { id: 'no', title: 'No' },
          ],
        },
        timeout: { amount: 1, unit: 'hours' },
      },
    },
    { id: 'ok', type: 'send-message', position: { x: 0, y: 0 }, data: { message: { kind: 'text', text: 'Great, here we go.' } } },
    { id: 'bye', type: 'end', position: { x: 0, y: 0 }, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'hi', sourceHandle: 'next', target: 'ask' },
    { id: 'e2', source: 'ask', sourceHandle: 'yes', target: 'ok' },
    { id: 'e3', source: 'ask', sourceHandle: 'no', target: 'bye' },
  ],
};

let h: FullHarness;
beforeAll(async () => {
  h = await startFullHarness();
  await h.publish(welcome);
});
afterAll(async () => h?.close());

describe('POST /webhooks/whatsapp', () => {
  it('rejects a bad signature with 401 and stores nothing', async () => {
    const res = await h.postWebhook(fixture('messages-text-referral'), `sha256=${'0'.repeat(64)}`);
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: { code: 'invalid_signature', message: 'X-Hub-Signature-256 does not match the body' } });
    const missing = await h.postWebhook(fixture('messages-text-referral'), '');
    expect(missing.status).toBe(401);
    expect(await h.q('SELECT id FROM webhook_events')).toEqual([]);
  });

  it("stores Meta's documented text message with its CTWA referral, once even when delivered twice", async () => {
    const first = await h.postWebhook(fixture('messages-text-referral'));
    const again = await h.postWebhook(fixture('messages-text-referral'));
    expect([first.status, first.json.duplicate, again.status, again.json.duplicate]).toEqual([200, false, 200, true]);
    await h.idle();
    const [contact] = await h.q<{ wa_id: string; profile_name: string; free_entry_until: Date | null }>(
      `SELECT wa_id, profile_name, free_entry_until FROM contacts`,
    );
    expect(contact).toMatchObject({ wa_id: '16505551234', profile_name: 'Sheena Nelson' });
    expect(contact!.free_entry_until).not.toBeNull();
    const messages = await h.q<{ direction: string; wamid: string; content: { body?: string } }>(`SELECT direction, wamid, content FROM messages`);
    expect(messages).toEqual([
      { direction: 'in', wamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUQ0N0VFMDA2MTQ0RkJFNkNDNAA=', content: { body: 'Can I get more info about this?' } },
    ]);
    expect(await h.q('SELECT id FROM runs')).toEqual([]);
  });

  it("handles every entry and change of a multi-entry body, each routed to its number's workspace", async () => {
    await h.q(`INSERT INTO workspaces (id, name, transport, phone_number_id) VALUES ('ws_second', 'Second brand', 'sandbox', '201234567890123')`);
    const res = await h.postWebhook(fixture('multi-entry'));
    expect(res.status).toBe(200);
    await h.idle();
    const stored = await h.q<{ workspace_id: string; direction: string }>(
      `SELECT m.workspace_id, m.direction FROM messages m WHERE m.wamid LIKE 'wamid.MULTI%' OR m.workspace_id = 'ws_second' ORDER BY m.id`,
    );
    expect(new Set(stored.map((m) => `${m.workspace_id === 'ws_second' ? 'second' : 'first'}:${m.direction}`))).toEqual(new Set(['first:in', 'second:echo']));
  });

  it('verifies a unicode body on its raw bytes and starts the journey in the right language', async () => {
    const body = JSON.stringify(
      inboundBody(
        [{ from: '351912345678', id: 'wamid.unicode.1', type: 'text', text: { body: 'Olá! Queria ajuda 😊' } }],
        [{ profile: { name: 'João Ávila' }, wa_id: '351912345678' }],
      ),
    );
    const escaped = body.replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const res = await h.postWebhook(Buffer.from(escaped));
    expect(res.status).toBe(200);
    await waitFor(() => h.standIn.received().some((r) => (r.body as { to?: string }).to === '+351912345678'), 20_000, 'the question');
    const [contact] = await h.q<{ profile_name: string }>(`SELECT profile_name FROM contacts WHERE wa_id = '351912345678'`);
    expect(contact!.profile_name).toBe('João Ávila');
    const sent = h.standIn.received().find((r) => (r.body as { to?: string }).to === '+351912345678')!.body as { interactive: { body: { text: string } } };
    expect(sent.interactive.body.text).toBe('Hi João Ávila! Need help?');
  });

  it('routes a button reply to the waiting question and applies statuses monotonically, whatever their order', async () => {
    await h.postWebhook(
      JSON.stringify(
        inboundBody(
          [{ from: '16505550001', id: 'wamid.hello.2', type: 'text', text: { body: 'hello there' } }],
          [{ profile: { name: 'Ana' }, wa_id: '16505550001' }],
        ),
      ),
    );
    await waitFor(() => h.standIn.received().some((r) => (r.body as { to?: string }).to === '+16505550001'), 20_000, 'the question');
    await h.idle();
    const [question] = await h.q<{ wamid: string }>(
      `SELECT wamid FROM messages WHERE direction = 'out' AND contact_id = (SELECT id FROM contacts WHERE wa_id = '16505550001')`,
    );
    const reply = inboundBody(
      [
        {
          from: '16505550001',
          id: 'wamid.reply.3',
          type: 'interactive',
          context: { from: '15550783881', id: question!.wamid },
          interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } },
        },
      ],
      [{ profile: { name: 'Ana' }, wa_id: '16505550001' }],
    );
    await h.postWebhook(JSON.stringify(reply));
    await waitFor(
      async () =>
        (await h.q(`SELECT 1 FROM runs WHERE status = 'completed' AND contact_id = (SELECT id FROM contacts WHERE wa_id = '16505550001')`)).length === 1,
      20_000,
      'the run to finish',
    );
    const t = String(Math.floor(Date.now() / 1000));
    await h.postWebhook(JSON.stringify(statusBody([{ id: question!.wamid, status: 'read', timestamp: t, recipient_id: '16505550001' }])));
    await h.postWebhook(JSON.stringify(statusBody([{ id: question!.wamid, status: 'delivered', timestamp: t, recipient_id: '16505550001' }])));
    await h.postWebhook(JSON.stringify(statusBody([{ id: question!.wamid, status: 'sent', timestamp: t, recipient_id: '16505550001' }])));
    await h.idle();
    const [stored] = await h.q<{ status: string }>(`SELECT status FROM messages WHERE wamid = $1`, [question!.wamid]);
    expect(stored!.status).toBe('read');
    const steps = await h.q<{ node_id: string; port: string }>(
      `SELECT s.node_id, s.port FROM run_steps s JOIN runs r ON r.id = s.run_id WHERE s.kind = 'port' AND r.contact_id = (SELECT id FROM contacts WHERE wa_id = '16505550001') ORDER BY s.id`,
    );
    expect(steps.map((s) => `${s.node_id}.${s.port}`)).toEqual(['hi.next', 'ask.yes', 'ok.next']);
  });

  it('records a failure reported after the send with its error, but never over a read message', async () => {
    const t = String(Math.floor(Date.now() / 1000));
    const [sent, read] = await h.q<{ wamid: string }>(
      `SELECT wamid FROM messages WHERE direction = 'out' AND contact_id = (SELECT id FROM contacts WHERE wa_id = '16505550001') ORDER BY (status = 'read'), id`,
    );
    const failure = (wamid: string) =>
      statusBody([
        {
          id: wamid,
          status: 'failed',
          timestamp: t,
          recipient_id: '16505550001',
          errors: [{ code: 131026, title: 'Message undeliverable', message: 'Message undeliverable' }],
        },
      ]);
    await h.postWebhook(JSON.stringify(failure(sent!.wamid)));
    await h.postWebhook(JSON.stringify(failure(read!.wamid)));
    await h.idle();
    const rows = await h.q<{ wamid: string; status: string; error: { code: string } | null }>(
      `SELECT wamid, status, error FROM messages WHERE wamid = ANY($1) ORDER BY id`,
      [[sent!.wamid, read!.wamid]],
    );
    expect(rows.find((r) => r.wamid === sent!.wamid)).toMatchObject({ status: 'failed', error: { code: '131026' } });
    expect(rows.find((r) => r.wamid === read!.wamid)).toMatchObject({ status: 'read' });
  });

  it('acknowledges bodies posted at the same moment once each is stored, a body delivered twice at once counted once', async () => {
    const bodies = Array.from({ length: 30 }, (_, i) =>
      JSON.stringify(inboundBody([{ from: '16505551234', id: `wamid.burst.${i}`, type: 'text', text: { body: 'hi there' } }])),
    );
    const answers = await Promise.all([...bodies, bodies[0]!].map((b) => h.postWebhook(b)));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect(answers.filter((a) => a.json.duplicate).length).toBe(1);
    const stored = await h.q<{ n: number }>(`SELECT count(*)::int AS n FROM webhook_events WHERE body LIKE '%wamid.burst.%'`);
    expect(stored).toEqual([{ n: 30 }]);
    await h.idle();
    const inbound = await h.q<{ n: number }>(`SELECT count(*)::int AS n FROM messages WHERE wamid LIKE 'wamid.burst.%'`);
    expect(inbound).toEqual([{ n: 30 }]);
  });

  it('answers 400 for a signed body that is not JSON, and 413 over 4 MB, declared or streamed, storing neither', async () => {
    const before = await h.q(`SELECT count(*)::int AS n FROM webhook_events`);
    const notJson = await h.postWebhook('{"object":');
    expect([notJson.status, notJson.json]).toEqual([400, { error: { code: 'invalid_json', message: 'The body is not valid JSON' } }]);
    const declared = await h.postWebhook(Buffer.alloc(4 * 1024 * 1024 + 1, 32));
    expect([declared.status, declared.json]).toEqual([413, { error: { code: 'payload_too_large', message: 'The body is larger than 4 MB' } }]);
    // Sent in chunks without a Content-Length: refused once the bytes pass the limit.
    const chunk = new Uint8Array(1024 * 1024).fill(32);
    let left = 5;
    const streamed = await fetch(`${h.webUrl}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` },
      body: new ReadableStream({ pull: (c) => (left-- > 0 ? c.enqueue(chunk) : c.close()) }),
      duplex: 'half',
    } as RequestInit);
    expect([streamed.status, ((await streamed.json()) as { error: { code: string } }).error.code]).toEqual([413, 'payload_too_large']);
    expect(await h.q(`SELECT count(*)::int AS n FROM webhook_events`)).toEqual(before);
  });

  it("answers with the caller's request id, or a new one", async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${h.webUrl}/webhooks/whatsapp`, { method: 'POST', headers: { 'x-hub-signature-256': 'sha256=00', ...headers }, body: '{}' });
    expect((await post({ 'x-request-id': 'meta-retry-0001' })).headers.get('x-request-id')).toBe('meta-retry-0001');
    expect((await post({})).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('GET /webhooks/whatsapp', () => {
  it("answers Meta's verification handshake", async () => {
    const ok = await fetch(`${h.webUrl}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444`);
    expect([ok.status, await ok.text()]).toEqual([200, '1158201444']);
    const bad = await fetch(`${h.webUrl}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`);
    expect(bad.status).toBe(403);
  });
});
