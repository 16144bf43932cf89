import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_KEY, echoBody, historyBody, inboundAt, startFullHarness, type FullHarness } from '../support/fullHarness';
import { waitFor } from '../support/engineHarness';

const MIN = 60_000;
const HOUR = 60 * MIN;
const example = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'engine', 'examples', `${name}.json`), 'utf8')) as Record<string, any>;
const CUSTOMER = '16505551234';
const TO = `+${CUSTOMER}`;

let h: FullHarness;
beforeEach(async () => {
  h = await startFullHarness();
});
afterEach(async () => h?.close());

const businessEvent = (event: string, payload: Record<string, unknown> = {}) => h.businessEvent(CUSTOMER, event, payload);

const contactRow = async () =>
  (
    await h.q<{ id: number; last_inbound_at: Date | null; paused_until: Date | null; marketing_consent: string; consent_source: string | null }>(
      `SELECT id, last_inbound_at, paused_until, marketing_consent, consent_source FROM contacts WHERE wa_id = $1`,
      [CUSTOMER],
    )
  )[0]!;
const thread = async () =>
  (
    await h.q<{ direction: string; text: string | null }>(
      `SELECT direction, CASE WHEN content ->> 'kind' = 'template' THEN 'template ' || (content ->> 'name') ELSE content ->> 'text' END AS text FROM messages WHERE contact_id = (SELECT id FROM contacts WHERE wa_id = $1) ORDER BY at, id`,
      [CUSTOMER],
    )
  ).map((m) => `${m.direction}: ${m.text}`);

describe('coexistence scenarios through the real webhook endpoint, worker and Cloud API stand-in', () => {
  it('(a) an App reply in the middle of an abandoned-cart journey: no bot message for the quiet period, then the journey resumes where it paused', async () => {
    await h.publish(example('abandoned-cart'));
    await businessEvent('cart.abandoned', { cart: { url: 'https://shop.example/c/42', items: [{ name: 'Echeveria' }] } });
    await h.elapse(55 * MIN);
    await h.deliver(echoBody(CUSTOMER, 'Hi Sheena, it is Maria from the shop. Did you have trouble paying?', await h.now()));
    expect(h.wire()).toEqual([]);
    await h.elapse(5 * MIN);
    expect(h.wire()).toEqual([]);
    expect((await h.q<{ status: string }>(`SELECT status FROM messages WHERE direction = 'out'`)).map((m) => m.status)).toEqual(['held']);
    await h.elapse(24 * MIN);
    expect(h.wire()).toEqual([]);
    await h.elapse(2 * MIN);
    await waitFor(() => h.wire().length === 1, 20_000, 'the reminder after the quiet period');
    await h.idle();
    expect(h.wire()).toEqual([`${TO}: template cart_reminder`]);
    expect((await contactRow()).last_inbound_at).toBeNull();
    expect(await thread()).toEqual(['echo: Hi Sheena, it is Maria from the shop. Did you have trouble paying?', 'out: template cart_reminder']);
    const [run] = await h.q<{ current_node: string }>(`SELECT current_node FROM runs`);
    expect(run!.current_node).toBe('reply');
  });

  it('(b) an App reply, then 25 hours of silence: on resume the step takes "window closed" to a template', async () => {
    await h.publish({
      schemaVersion: 1,
      name: 'Discount follow-up',
      settings: { humanReply: { mode: 'until_release' } },
      nodes: [
        { id: 'hi', type: 'trigger-message', position: { x: 0, y: 0 }, data: { match: 'keywords', keywords: ['discount'], keywordMode: 'contains' } },
        {
          id: 'size',
          type: 'bot-question',
          position: { x: 0, y: 0 },
          data: { prompt: { kind: 'text', text: 'Which size do you wear?' }, saveTo: { scope: 'vars', name: 'size' }, timeout: { amount: 1, unit: 'hours' } },
        },
        { id: 'later', type: 'wait', position: { x: 0, y: 0 }, data: { mode: 'duration', duration: { amount: 1, unit: 'hours' } } },
        {
          id: 'offer',
          type: 'send-message',
          position: { x: 0, y: 0 },
          data: { message: { kind: 'text', text: 'Here is 10% off in size {{vars.size}}: SAVE10' } },
        },
        {
          id: 'template',
          type: 'send-template',
          position: { x: 0, y: 0 },
          data: { template: { name: 'discount_offer', language: 'en', category: 'UTILITY' } },
        },
      ],
      edges: [
        { id: 'e1', source: 'hi', sourceHandle: 'next', target: 'size' },
        { id: 'e2', source: 'size', sourceHandle: 'next', target: 'later' },
        { id: 'e3', source: 'later', sourceHandle: 'next', target: 'offer' },
        { id: 'e4', source: 'offer', sourceHandle: 'window_closed', target: 'template' },
      ],
    });
    await h.deliver(inboundAt(CUSTOMER, 'Any discount?', await h.now()));
    await h.deliver(inboundAt(CUSTOMER, 'M', await h.now()));
    await h.deliver(echoBody(CUSTOMER, 'Let me check that for you', await h.now()));
    await h.elapse(25 * HOUR);
    expect(h.wire()).toEqual([`${TO}: Which size do you wear?`]);
    const { id } = await contactRow();
    const resumed = await h.app.request(`/api/workspaces/${h.workspaceId}/contacts/${id}/resume`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
    });
    expect(resumed.status).toBe(200);
    await waitFor(() => h.wire().length === 2, 20_000, 'the template');
    await h.idle();
    expect(h.wire()).toEqual([`${TO}: Which size do you wear?`, `${TO}: template discount_offer`]);
    const ports = await h.q<{ p: string }>(`SELECT node_id || '.' || port AS p FROM run_steps WHERE kind = 'port' ORDER BY id`);
    expect(ports.map((r) => r.p)).toEqual(['hi.next', 'size.next', 'later.next', 'offer.window_closed', 'template.next']);
  });

  it('(c) STOP: the opt-out is recorded and confirmed; a later marketing template is blocked while a utility template still goes', async () => {
    const flow = {
      schemaVersion: 1,
      name: 'Back in stock',
      settings: { reentry: 'always' },
      nodes: [
        { id: 'restock', type: 'trigger-event', position: { x: 0, y: 0 }, data: { event: 'item.restocked' } },
        {
          id: 'promo',
          type: 'send-template',
          position: { x: 0, y: 0 },
          data: {
            template: { name: 'back_in_stock', language: 'en', category: 'MARKETING' },
            buttons: [{ index: 0, type: 'quick_reply', value: 'stop' }],
            optOutButton: 0,
          },
        },
        { id: 'notice', type: 'send-template', position: { x: 0, y: 0 }, data: { template: { name: 'order_ready', language: 'en', category: 'UTILITY' } } },
      ],
      edges: [
        { id: 'e1', source: 'restock', sourceHandle: 'next', target: 'promo' },
        { id: 'e2', source: 'promo', sourceHandle: 'next', target: 'notice' },
        { id: 'e3', source: 'promo', sourceHandle: 'error', target: 'notice' },
      ],
    };
    await h.publish(flow);
    await businessEvent('item.restocked', {});
    expect(h.wire()).toEqual([`${TO}: template back_in_stock`, `${TO}: template order_ready`]);
    await h.deliver(inboundAt(CUSTOMER, 'STOP', await h.now()));
    await waitFor(() => h.wire().length === 3, 20_000, 'the confirmation');
    expect(await contactRow()).toMatchObject({ marketing_consent: 'opted_out', consent_source: 'keyword STOP' });
    await businessEvent('item.restocked', {});
    await waitFor(() => h.wire().length === 4, 20_000, 'the utility template');
    expect(h.wire()).toEqual([
      `${TO}: template back_in_stock`,
      `${TO}: template order_ready`,
      `${TO}: You won't receive promotional messages from us anymore. Reply START to subscribe again.`,
      `${TO}: template order_ready`,
    ]);
    const blocked = await h.q<{ detail: { outcome: string; error: { code: string } } }>(
      `SELECT detail FROM run_steps WHERE kind = 'event' AND detail ->> 'node' = 'promo' AND detail ->> 'outcome' = 'error'`,
    );
    expect(blocked.map((b) => b.detail.error.code)).toEqual(['opted_out']);
    expect(
      await h.q(
        `SELECT count(*)::int AS n FROM runs WHERE contact_id = (SELECT id FROM contacts WHERE wa_id = $1) AND flow_id IS NOT NULL AND status = 'active'`,
        [CUSTOMER],
      ),
    ).toEqual([{ n: 0 }]);
  });

  it('(d) history in three phases, delivered out of order: threads in the right order, no flow started, progress per phase', async () => {
    await h.publish(example('appointment-booking'));
    const day = 86_400_000;
    const now = (await h.now()).getTime();
    const at = (daysAgo: number, minute = 0) => new Date(now - daysAgo * day + minute * MIN);
    const phase2 = historyBody(2, 1, 100, [
      {
        waId: CUSTOMER,
        messages: [
          { id: 'wamid.h2.a', at: at(120), text: 'Do you ship to Lisbon?', fromBusiness: false },
          { id: 'wamid.h2.b', at: at(120, 5), text: 'Yes, in 3 days.', fromBusiness: true },
        ],
      },
    ]);
    const phase0 = historyBody(0, 1, 100, [
      {
        waId: CUSTOMER,
        messages: [
          { id: 'wamid.h0.a', at: at(0.5), text: 'I want to book an appointment', fromBusiness: false },
          { id: 'wamid.h0.b', at: at(0.5, 1), fromBusiness: true, placeholder: true },
        ],
      },
    ]);
    const phase1 = historyBody(1, 2, 60, [
      { waId: CUSTOMER, messages: [{ id: 'wamid.h1.a', at: at(30), text: 'Thanks for the flowers!', fromBusiness: false }] },
      {
        waId: '447700900123',
        messages: [
          { id: 'wamid.h1.b', at: at(40), text: 'Open on Sunday?', fromBusiness: false },
          { id: 'wamid.h1.c', at: at(40, 3), text: 'Only Saturdays.', fromBusiness: true },
        ],
      },
    ]);
    await h.deliver(phase2);
    await h.deliver(phase0);
    await h.deliver(phase1);
    expect((await h.postWebhook(JSON.stringify(phase1))).json.duplicate).toBe(true);
    expect(await thread()).toEqual([
      'history: Do you ship to Lisbon?',
      'history: Yes, in 3 days.',
      'history: Thanks for the flowers!',
      'history: I want to book an appointment',
      'history: ',
    ]);
    expect(await h.q(`SELECT count(*)::int AS n FROM messages WHERE direction = 'history'`)).toEqual([{ n: 7 }]);
    expect(await h.q('SELECT id FROM runs')).toEqual([]);
    expect(h.wire()).toEqual([]);
    const [w] = await h.q<{ sync_status: { history: { status: string; phases: Record<string, { progress: number; chunks: number }> } } }>(
      `SELECT sync_status FROM workspaces WHERE id = $1`,
      [h.workspaceId],
    );
    expect(w!.sync_status.history.status).toBe('importing');
    expect(w!.sync_status.history.phases).toMatchObject({
      '0': { progress: 100, chunks: 1 },
      '1': { progress: 60, chunks: 1 },
      '2': { progress: 100, chunks: 1 },
    });
    expect((await contactRow()).last_inbound_at).toBeNull();
  });

  it('(e) an App reply during a bot question: the question does not re-prompt over the person', async () => {
    await h.publish(example('ctwa-lead-qualification'));
    await h.deliver(
      inboundAt(CUSTOMER, 'Hi, I saw your ad', await h.now(), {
        referral: { source_url: 'https://fb.me/x', source_id: '120226305854810726', source_type: 'ad', headline: 'Lakeside villas' },
      }),
    );
    await h.deliver(
      inboundAt(CUSTOMER, 'Buy', await h.now(), { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'buy', title: 'Buy' } } }),
    );
    expect(h.wire()).toHaveLength(3);
    await h.deliver(echoBody(CUSTOMER, 'Hi! I am Paulo, happy to help with the budget part.', await h.now()));
    await h.deliver(inboundAt(CUSTOMER, 'great, call me tomorrow', await h.now()));
    await h.deliver(inboundAt(CUSTOMER, 'after 5pm please', await h.now()));
    expect(h.wire()).toEqual([
      `${TO}: Hi Sheena Nelson, thanks for your interest in "Lakeside villas"! Two quick questions so we can help.`,
      `${TO}: What are you looking for?`,
      `${TO}: And roughly what is your budget in dollars? (just the number)`,
    ]);
    const [run] = await h.q<{ current_node: string; waiting_for: string }>(`SELECT current_node, waiting_for FROM runs`);
    expect(run).toEqual({ current_node: 'budget', waiting_for: 'reply' });
    await h.elapse(31 * MIN);
    await h.deliver(inboundAt(CUSTOMER, '600000', await h.now()));
    await waitFor(() => h.wire().length === 4, 20_000, 'the handoff to senior sales');
    expect(h.wire()[3]).toBe(`${TO}: Great, a senior advisor will send you a voice note shortly.`);
  });
});
