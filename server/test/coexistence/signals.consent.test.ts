import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endpoints } from '@tandem/shared/api';
import { echoBody, historyBody, inboundAt, preferencesBody, startFullHarness, type FullHarness } from '../support/fullHarness';
import { waitFor } from '../support/engineHarness';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const CUSTOMER = '16505551234';
const TO = `+${CUSTOMER}`;
const OPT_OUT_REPLY = "You won't receive promotional messages from us anymore. Reply START to subscribe again.";

let h: FullHarness;
beforeEach(async () => {
  h = await startFullHarness();
});
afterEach(async () => h?.close());

async function startRun(flowId: string, waId = CUSTOMER) {
  await h.api(endpoints.startRun, { flowId }, { body: { contact: { waId } } });
  await h.idle();
}
const wireReaches = (n: number, what: string) => waitFor(() => h.wire().length === n, 20_000, what);
const contact = async (waId = CUSTOMER) => (await h.api(endpoints.listContacts, {}, { query: { search: waId } })).contacts.find((c) => c.waId === waId)!;
const runsOf = async (flowId: string) => (await h.api(endpoints.listRuns, {}, { query: { flowId } })).runs;
/** Webhook timestamps are whole seconds. */
const iso = (at: Date) => new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString();

const node = (id: string, type: string, data: Record<string, unknown>) => ({ id, type, position: { x: 0, y: 0 }, data });
const edge = (source: string, sourceHandle: string, target: string) => ({ id: `${source}-${sourceHandle}`, source, sourceHandle, target });
const flow = (name: string, settings: Record<string, unknown>, nodes: unknown[], edges: unknown[]) => ({ schemaVersion: 1, name, settings, nodes, edges });
const text = (t: string) => ({ message: { kind: 'text', text: t } });
const template = (name: string, category: 'MARKETING' | 'UTILITY', extra: Record<string, unknown> = {}) => ({
  template: { name, language: 'en', category },
  ...extra,
});
const welcome = () =>
  flow(
    'Welcome',
    {},
    [node('hi', 'trigger-message', { match: 'any' }), node('hello', 'send-message', text('Hi! How can we help?'))],
    [edge('hi', 'next', 'hello')],
  );

describe('coexistence signals: marketing consent, the resume keyword, handoffs and entry rules', () => {
  it('a marketing "stop" in WhatsApp itself (user_preferences) blocks marketing templates while utility ones go; "resume" lets them go again', async () => {
    const flowId = await h.publish(
      flow(
        'Restock news',
        { reentry: 'always' },
        [
          node('start', 'trigger-api', {}),
          node('promo', 'send-template', template('spring_sale', 'MARKETING')),
          node('notice', 'send-template', template('order_ready', 'UTILITY')),
        ],
        [edge('start', 'next', 'promo'), edge('promo', 'next', 'notice'), edge('promo', 'error', 'notice')],
      ),
    );
    const stoppedAt = await h.now();
    await h.deliver(preferencesBody(CUSTOMER, 'stop', stoppedAt));
    expect(await contact()).toMatchObject({ marketingConsent: 'opted_out', consentSource: 'whatsapp preferences', consentChangedAt: iso(stoppedAt) });
    expect(h.wire()).toEqual([]);

    await startRun(flowId);
    await wireReaches(1, 'the utility template');
    expect(h.wire()).toEqual([`${TO}: template order_ready`]);
    const blocked = await h.api(endpoints.getRun, { id: (await runsOf(flowId))[0]!.id });
    expect(blocked.steps.filter((s) => s.detail?.node === 'promo').map((s) => s.detail)).toEqual([
      { type: 'effect.result', node: 'promo', outcome: 'error', error: { code: 'opted_out', message: 'The contact opted out of marketing messages' } },
    ]);
    expect(blocked.messages.map((m) => `${m.nodeId}: ${m.status}`).sort()).toEqual(['notice: sent', 'promo: blocked']);

    await h.elapse(5 * MIN);
    const resumedAt = await h.now();
    await h.deliver(preferencesBody(CUSTOMER, 'resume', resumedAt));
    expect(await contact()).toMatchObject({ marketingConsent: 'opted_in', consentSource: 'whatsapp preferences', consentChangedAt: iso(resumedAt) });
    await startRun(flowId);
    await wireReaches(3, 'both templates');
    expect(h.wire()).toEqual([`${TO}: template order_ready`, `${TO}: template spring_sale`, `${TO}: template order_ready`]);
  });

  it("tapping a marketing template's opt-out quick reply opts the contact out, with the time and source, and confirms it", async () => {
    const buttons = [
      { index: 0, type: 'quick_reply', value: 'show_me' },
      { index: 1, type: 'quick_reply', value: 'no_more_promos' },
    ];
    const flowId = await h.publish(
      flow(
        'Spring sale',
        {},
        [node('start', 'trigger-api', {}), node('promo', 'send-template', template('spring_sale', 'MARKETING', { buttons, optOutButton: 1 }))],
        [edge('start', 'next', 'promo')],
      ),
    );
    await startRun(flowId);
    await wireReaches(1, 'the marketing template');
    const sent = (await h.api(endpoints.contactMessages, { id: (await contact()).id })).messages.find((m) => m.direction === 'out')!;
    expect(sent.wamid).toMatch(/^wamid\./);

    await h.elapse(3 * MIN);
    const tappedAt = await h.now();
    await h.deliver(
      inboundAt(CUSTOMER, '', tappedAt, {
        type: 'button',
        text: undefined,
        context: { from: '15550783881', id: sent.wamid },
        button: { payload: 'no_more_promos', text: 'Stop promotions' },
      }),
    );
    expect(await contact()).toMatchObject({ marketingConsent: 'opted_out', consentSource: 'opt-out button', consentChangedAt: iso(tappedAt) });
    await wireReaches(2, 'the confirmation');
    expect(h.wire()).toEqual([`${TO}: template spring_sale`, `${TO}: ${OPT_OUT_REPLY}`]);
  });

  it('opting back in: START is recorded with its time; an opt-in through the API records who and when, with an audit entry', async () => {
    const welcomeId = await h.publish(welcome());
    await h.deliver(inboundAt(CUSTOMER, 'STOP', await h.now()));
    await wireReaches(1, 'the opt-out confirmation');
    await h.elapse(2 * MIN);
    const startAt = await h.now();
    await h.deliver(inboundAt(CUSTOMER, 'START', startAt));
    expect(await contact()).toMatchObject({ marketingConsent: 'opted_in', consentSource: 'keyword START', consentChangedAt: iso(startAt) });
    // Both keywords are consumed: the "any message" journey answered neither.
    expect(h.wire()).toEqual([`${TO}: ${OPT_OUT_REPLY}`]);
    expect(await runsOf(welcomeId)).toEqual([]);

    await h.elapse(DAY);
    await h.deliver(preferencesBody(CUSTOMER, 'stop', await h.now()));
    const { id } = await contact();
    const before = await h.now();
    const patched = await h.api(endpoints.updateContact, { id }, { body: { marketingConsent: 'opted_in' } });
    const after = await h.now();
    expect(patched).toMatchObject({ marketingConsent: 'opted_in', consentSource: 'api: admin key' });
    expect(Date.parse(patched.consentChangedAt!)).toBeGreaterThanOrEqual(before.getTime());
    expect(Date.parse(patched.consentChangedAt!)).toBeLessThanOrEqual(after.getTime());
    expect(await contact()).toMatchObject({ marketingConsent: 'opted_in', consentSource: 'api: admin key', consentChangedAt: patched.consentChangedAt });
    const { entries } = await h.api(endpoints.auditLog);
    expect(entries.filter((e) => e.action === 'contact.consent').map(({ actor, target, detail }) => ({ actor, target, detail }))).toEqual([
      { actor: 'admin key', target: String(id), detail: { from: 'opted_out', to: 'opted_in' } },
    ]);
  });

  it('resume keyword: an App reply pauses the bot; its next message is held until the owner sends "#bot" from the App, then goes', async () => {
    const settings = { humanReply: { mode: 'until_keyword', resumeKeyword: '#bot' } };
    await h.publish(
      flow(
        'Order help',
        settings,
        [
          node('hi', 'trigger-message', { match: 'keywords', keywords: ['order'], keywordMode: 'contains' }),
          node('ack', 'send-message', text('Thanks! Let me look up your order.')),
          node('later', 'wait', { mode: 'duration', duration: { amount: 1, unit: 'hours' } }),
          node('followup', 'send-message', text('Your order ships tomorrow. Anything else?')),
        ],
        [edge('hi', 'next', 'ack'), edge('ack', 'next', 'later'), edge('later', 'next', 'followup')],
      ),
    );
    await h.deliver(inboundAt(CUSTOMER, 'Where is my order?', await h.now()));
    await wireReaches(1, 'the acknowledgement');
    await h.elapse(10 * MIN);
    await h.deliver(echoBody(CUSTOMER, 'Hi Sheena, Maria here, checking with the warehouse.', await h.now()));
    // Nothing is stamped on the contact: the journey holds by its own rule, and the contact says so.
    expect(await contact()).toMatchObject({
      pausedIndefinitely: false,
      pausedUntil: null,
      holds: [{ flowName: 'Order help', reason: 'human_active', rule: 'until_keyword', until: null, keyword: '#bot' }],
    });

    await h.elapse(55 * MIN);
    await h.elapse(3 * HOUR);
    expect(h.wire()).toEqual([`${TO}: Thanks! Let me look up your order.`]);
    const followup = async () => (await h.api(endpoints.contactMessages, { id: (await contact()).id })).messages.find((m) => m.nodeId === 'followup');
    expect(await followup()).toMatchObject({ status: 'held', error: { held: 'human_active', rule: 'until_keyword', until: null, keyword: '#bot' } });

    await h.deliver(echoBody(CUSTOMER, '#bot', await h.now()));
    await wireReaches(2, 'the held follow-up');
    expect(h.wire()).toEqual([`${TO}: Thanks! Let me look up your order.`, `${TO}: Your order ships tomorrow. Anything else?`]);
    expect(await contact()).toMatchObject({ pausedIndefinitely: false, pausedUntil: null, pauseReason: null, holds: [] });
    await h.idle();
    expect(await followup()).toMatchObject({ status: 'sent' });
  });

  it('handoff resumed on release: releasing it through the API lifts the pause and the run goes on by "resolved"', async () => {
    await h.publish(
      flow(
        'Talk to us',
        {},
        [
          node('ask', 'trigger-message', { match: 'keywords', keywords: ['agent'] }),
          node('human', 'handoff', { team: 'support', message: 'A teammate will reply shortly.', resume: { mode: 'on_release' }, timeout: null }),
          node('back', 'send-message', text('Thanks for waiting! Write "agent" any time to talk to us again.')),
          node('back_later', 'send-template', template('conversation_resumed', 'UTILITY')),
        ],
        [edge('ask', 'next', 'human'), edge('human', 'resolved', 'back'), edge('back', 'window_closed', 'back_later')],
      ),
    );
    await h.deliver(inboundAt(CUSTOMER, 'agent', await h.now()));
    await wireReaches(1, 'the handoff message');
    expect(await contact()).toMatchObject({ pausedIndefinitely: true, pauseReason: 'person' });
    const [open] = (await h.api(endpoints.listHandoffs)).handoffs;
    expect(open).toMatchObject({ status: 'open', team: 'support', contactWaId: CUSTOMER, contactName: 'Sheena Nelson' });
    await h.deliver(inboundAt(CUSTOMER, 'hello? anyone?', await h.now()));
    expect(h.wire()).toHaveLength(1);
    // The owner also answers from the Business App: releasing the handoff gives the contact back, App reply included.
    await h.deliver(echoBody(CUSTOMER, 'Maria here, your refund is on its way.', await h.now()));

    expect(await h.api(endpoints.releaseHandoff, { id: open!.id })).toMatchObject({ status: 'released' });
    await h.idle();
    await wireReaches(2, 'the message after the handoff');
    expect(h.wire()).toEqual([`${TO}: A teammate will reply shortly.`, `${TO}: Thanks for waiting! Write "agent" any time to talk to us again.`]);
    expect(await contact()).toMatchObject({ pausedIndefinitely: false, pausedUntil: null, pauseReason: null });
    const run = await h.api(endpoints.getRun, { id: open!.runId! });
    expect(run.steps.filter((s) => s.kind === 'port').map((s) => `${s.nodeId}.${s.port}`)).toEqual(['ask.next', 'human.resolved', 'back.next']);
    expect(run.steps.find((s) => s.detail?.type === 'handoff.released')?.detail).toEqual({ type: 'handoff.released', by: 'admin key' });
    expect((await h.api(endpoints.listHandoffs)).handoffs).toEqual([]);
  });

  it('handoff resumed after 2 quiet hours: a message from the contact and an App reply each start the quiet period again', async () => {
    await h.publish(
      flow(
        'Quiet hand-back',
        {},
        [
          node('ask', 'trigger-message', { match: 'keywords', keywords: ['agent'] }),
          node('human', 'handoff', { team: 'support', message: 'A teammate will reply shortly.', resume: { mode: 'after_idle', idleHours: 2 }, timeout: null }),
          node('back', 'send-message', text('The bot is back. Write "agent" to talk to us again.')),
          node('back_later', 'send-template', template('conversation_resumed', 'UTILITY')),
        ],
        [edge('ask', 'next', 'human'), edge('human', 'resolved', 'back'), edge('back', 'window_closed', 'back_later')],
      ),
    );
    await h.deliver(inboundAt(CUSTOMER, 'agent', await h.now()));
    await wireReaches(1, 'the handoff message');
    await h.elapse(90 * MIN);
    await h.deliver(inboundAt(CUSTOMER, 'still there?', await h.now()));
    await h.elapse(90 * MIN);
    expect(h.wire()).toHaveLength(1);
    await h.deliver(echoBody(CUSTOMER, 'Yes, looking into it', await h.now()));
    await h.elapse(110 * MIN);
    // 4 h 50 min after the handoff, but only 1 h 50 min after the App reply: still with the person.
    expect(h.wire()).toHaveLength(1);
    expect(await contact()).toMatchObject({ pauseReason: 'person' });
    await h.elapse(11 * MIN);
    await wireReaches(2, 'the bot, back after 2 quiet hours');
    expect(h.wire()[1]).toBe(`${TO}: The bot is back. Write "agent" to talk to us again.`);
  });

  it('handoff that never resumes: the journey ends there, the contact stays with people until the handoff is released', async () => {
    const talkId = await h.publish(
      flow(
        'Talk to us',
        {},
        [
          node('ask', 'trigger-message', { match: 'keywords', keywords: ['agent'] }),
          node('human', 'handoff', { team: 'sales', message: 'A teammate will reply shortly.', resume: { mode: 'never' }, timeout: null }),
        ],
        [edge('ask', 'next', 'human')],
      ),
    );
    await h.publish(
      flow(
        'Menu',
        {},
        [node('menu', 'trigger-message', { match: 'keywords', keywords: ['menu'] }), node('options', 'send-message', text('1) Orders 2) Returns'))],
        [edge('menu', 'next', 'options')],
      ),
    );
    await h.deliver(inboundAt(CUSTOMER, 'agent', await h.now()));
    await wireReaches(1, 'the handoff message');
    expect((await runsOf(talkId)).map((r) => [r.status, r.currentNode])).toEqual([['completed', 'human']]);
    expect(await contact()).toMatchObject({ pausedIndefinitely: true, pauseReason: 'person' });
    await h.deliver(inboundAt(CUSTOMER, 'menu', await h.now()));
    expect(h.wire()).toHaveLength(1);

    const [open] = (await h.api(endpoints.listHandoffs)).handoffs;
    expect(await h.api(endpoints.releaseHandoff, { id: open!.id })).toMatchObject({ status: 'released' });
    await h.idle();
    expect(await contact()).toMatchObject({ pausedIndefinitely: false, pausedUntil: null, pauseReason: null });
    await h.deliver(inboundAt(CUSTOMER, 'menu', await h.now()));
    await wireReaches(2, 'the menu');
    expect(h.wire()).toEqual([`${TO}: A teammate will reply shortly.`, `${TO}: 1) Orders 2) Returns`]);
  });

  it('entry rule: contacts someone talked to from the App (echo or history) within the window are not entered; the others are', async () => {
    const flowId = await h.publish(
      flow(
        'Spring restock',
        { reentry: 'always', entry: { skipIfAppConversationWithinHours: 72 } },
        [node('start', 'trigger-api', {}), node('news', 'send-template', template('restock_news', 'UTILITY'))],
        [edge('start', 'next', 'news')],
      ),
    );
    const [echoed, historyRecent, historyOld, customerOnly] = ['4915112345671', '4915112345672', '4915112345673', '4915112345674'];
    const now = (await h.now()).getTime();
    await h.deliver(echoBody(echoed, 'See you Saturday!', new Date(now - 2 * DAY)));
    await h.deliver(
      historyBody(1, 1, 100, [
        { waId: historyRecent, messages: [{ id: 'wamid.hist.recent', at: new Date(now - DAY), text: 'Your pot is ready.', fromBusiness: true }] },
        { waId: historyOld, messages: [{ id: 'wamid.hist.old', at: new Date(now - 10 * DAY), text: 'Thanks for visiting!', fromBusiness: true }] },
        { waId: customerOnly, messages: [{ id: 'wamid.hist.customer', at: new Date(now - DAY), text: 'Are you open today?', fromBusiness: false }] },
      ]),
    );
    expect((await contact(historyRecent)).lastAppReplyAt).toBe(iso(new Date(now - DAY)));
    expect((await contact(customerOnly)).lastAppReplyAt).toBeNull();

    for (const waId of [echoed, historyRecent, historyOld, customerOnly]) await startRun(flowId, waId);
    await wireReaches(2, 'the two entered contacts');
    expect(h.wire().sort()).toEqual([`+${historyOld}: template restock_news`, `+${customerOnly}: template restock_news`]);
    const entered = await Promise.all((await runsOf(flowId)).map(async (r) => (await h.api(endpoints.getContact, { id: r.contactId })).waId));
    expect(entered.sort()).toEqual([historyOld, customerOnly]);
  });
});
