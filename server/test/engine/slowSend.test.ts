import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endpoints } from '@tandem/shared/api';
import { echoBody, inboundBody, startFullHarness, type FullHarness } from '../support/fullHarness';
import { nameCaptureFlow } from '../support/apiFlows';
import { waitFor } from '../support/engineHarness';

// WhatsApp sometimes takes seconds to answer a send (up to the client's 10 s timeout). While one
// contact's request is out, the other contacts of the same webhook batch must go on, and that
// contact's own messages must still be stored; its next message waits for the first, in order.

let h: FullHarness;
beforeEach(async () => {
  h = await startFullHarness();
});
afterEach(async () => h?.close());

const SLOW = '4915100000101';
const OTHER = '4915100000102';

const message = (from: string, id: string, text: string, at: string) => ({ from, id, timestamp: at, type: 'text', text: { body: text } });

describe('a send WhatsApp is slow to answer', () => {
  it('holds up neither the other contacts of the next batch nor the storing of its own contact’s messages, and that contact’s next send waits its turn', async () => {
    await h.publish(nameCaptureFlow);
    const at = String(Math.floor((await h.now()).getTime() / 1000));
    const slow = h.standIn.holdAnswersTo(`+${SLOW}`);
    const names: Record<string, string> = { [SLOW]: 'Ada', [OTHER]: 'Noor' };
    const body = (messages: { from: string; [k: string]: unknown }[]) => {
      const contacts = [...new Set(messages.map((m) => m.from))].map((wa) => ({ profile: { name: names[wa] }, wa_id: wa }));
      return JSON.stringify(inboundBody(messages, contacts));
    };
    expect((await h.postWebhook(body([message(SLOW, 'wamid.slow.1', 'hi', at)]))).status).toBe(200);
    const requestsTo = (to: string) => h.standIn.received().filter((r) => (r.body as { to?: string }).to === to);
    await waitFor(() => requestsTo(`+${SLOW}`).length === 1, 20_000, 'the question to the slow contact is out');

    // While that request waits for WhatsApp: the slow contact answers, and someone else says hi.
    expect((await h.postWebhook(body([message(SLOW, 'wamid.slow.2', 'Ada', at), message(OTHER, 'wamid.other.1', 'hi', at)]))).status).toBe(200);
    await waitFor(() => requestsTo(`+${OTHER}`).length === 1, 20_000, 'the question to the other contact');
    expect(requestsTo(`+${OTHER}`).map((r) => (r.body as { text: { body: string } }).text.body)).toEqual(['What is your name?']);
    const { contacts } = await h.api(endpoints.listContacts);
    const slowContact = contacts.find((c) => c.waId === SLOW)!;
    const thread = async () => (await h.api(endpoints.contactMessages, { id: slowContact.id })).messages;
    await waitFor(async () => (await thread()).some((m) => m.direction === 'in' && m.content.body === 'Ada'), 20_000, 'the answer stored');
    // The thanks does not overtake the question still out: one request so far.
    expect(requestsTo(`+${SLOW}`)).toHaveLength(1);

    slow.release();
    await waitFor(() => requestsTo(`+${SLOW}`).length === 2, 20_000, 'the thanks');
    expect(requestsTo(`+${SLOW}`).map((r) => (r.body as { text: { body: string } }).text.body)).toEqual(['What is your name?', 'Thanks, Ada!']);
    await h.idle();
    const out = (await thread()).filter((m) => m.direction === 'out').sort((a, b) => a.id - b.id);
    expect(out.map((m) => `${String(m.content.text)}:${m.status}`)).toEqual(['What is your name?:sent', 'Thanks, Ada!:sent']);
  });

  it('decides a contact’s next message of the batch on the contact as it is after the first came back: a person who replied from the App meanwhile holds it', async () => {
    await h.publish(nameCaptureFlow);
    // "hi" and the answer in one webhook body: the question and the thanks wait in the outbox together, one after the other.
    const slow = h.standIn.holdAnswersTo(`+${SLOW}`);
    const at = String(Math.floor((await h.now()).getTime() / 1000));
    const both = inboundBody([message(SLOW, 'wamid.two.1', 'hi', at), message(SLOW, 'wamid.two.2', 'Ada', at)], [{ profile: { name: 'Ada' }, wa_id: SLOW }]);
    expect((await h.postWebhook(JSON.stringify(both))).status).toBe(200);
    const requests = () => h.standIn.received().filter((r) => (r.body as { to?: string }).to === `+${SLOW}`);
    await waitFor(() => requests().length === 1, 20_000, 'the question is out');

    // While it waits for WhatsApp, a teammate answers the contact from the WhatsApp Business App.
    expect((await h.postWebhook(JSON.stringify(echoBody(SLOW, 'Hi Ada, Sam here', await h.now())))).status).toBe(200);
    await waitFor(
      async () => (await h.q<{ at: Date | null }>(`SELECT last_app_reply_at AS at FROM contacts WHERE wa_id = $1`, [SLOW]))[0]?.at != null,
      20_000,
      'the App reply recorded',
    );
    slow.release();
    await h.idle();
    // The question went before the person spoke; the thanks waits for the bot's turn.
    expect(requests().map((r) => (r.body as { text: { body: string } }).text.body)).toEqual(['What is your name?']);
    const out = await h.q<{ text: string; status: string; held: string | null }>(
      `SELECT content ->> 'text' AS text, status, error ->> 'held' AS held FROM messages WHERE direction = 'out' ORDER BY id`,
    );
    expect(out).toEqual([
      { text: 'What is your name?', status: 'sent', held: null },
      { text: 'Thanks, Ada!', status: 'held', held: 'human_active' },
    ]);
  });
});
