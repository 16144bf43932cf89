import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endpoints } from '@tandem/shared/api';
import {
  accountUpdateBody,
  contactSyncBody,
  historyBody,
  historyDeclinedBody,
  historyMediaBody,
  inboundAt,
  qualityUpdateBody,
  startFullHarness,
  templateStatusBody,
  WABA_ID,
  type FullHarness,
} from '../support/fullHarness';
import { waitFor } from '../support/engineHarness';

const MIN = 60_000;
const HOUR = 60 * MIN;
const CUSTOMER = '16505551234';
const TO = `+${CUSTOMER}`;

let h: FullHarness;
beforeEach(async () => {
  h = await startFullHarness();
});
afterEach(async () => h?.close());

const contact = async (waId = CUSTOMER) => (await h.api(endpoints.listContacts, {}, { query: { search: waId } })).contacts.find((c) => c.waId === waId)!;
const workspace = () => h.api(endpoints.getWorkspace);
const alerts = async () => (await workspace()).alerts.map(({ kind, message }) => ({ kind, message }));
const allRuns = async () => (await h.api(endpoints.listRuns)).runs;
/** Account-level webhooks (account_update, templates, quality) reach the workspace by its WhatsApp Business Account. */
const setWaba = () => h.api(endpoints.updateWorkspace, {}, { body: { wabaId: WABA_ID } });

const node = (id: string, type: string, data: Record<string, unknown>) => ({ id, type, position: { x: 0, y: 0 }, data });
const edge = (source: string, sourceHandle: string, target: string) => ({ id: `${source}-${sourceHandle}`, source, sourceHandle, target });
/** A journey answering any message: it must never start from history or contact sync. */
const welcome = {
  schemaVersion: 1,
  name: 'Welcome',
  settings: {},
  nodes: [node('hi', 'trigger-message', { match: 'any' }), node('hello', 'send-message', { message: { kind: 'text', text: 'Hi! How can we help?' } })],
  edges: [edge('hi', 'next', 'hello')],
};

describe('coexistence signals: history, contact sync and account-level webhooks', () => {
  it('history: a media placeholder lands in the thread and is filled by its follow-up; a 2593109 shows as "declined"; no journey starts', async () => {
    await h.publish(welcome);
    const now = (await h.now()).getTime();
    await h.deliver(
      historyBody(0, 1, 100, [
        {
          waId: CUSTOMER,
          messages: [
            { id: 'wamid.hist.ask', at: new Date(now - 3 * HOUR), text: 'Is the Black Prince echeveria in stock?', fromBusiness: false },
            { id: 'wamid.hist.photo', at: new Date(now - 2 * HOUR), fromBusiness: true, placeholder: true },
            { id: 'wamid.hist.price', at: new Date(now - 2 * HOUR + MIN), text: 'This one, 12 EUR.', fromBusiness: true },
          ],
        },
      ]),
    );
    const thread = async () =>
      (await h.api(endpoints.contactMessages, { id: (await contact()).id })).messages
        .reverse()
        .map((m) => ({ direction: m.direction, type: m.type, text: m.content.text, caption: m.content.caption }));
    expect(await thread()).toEqual([
      { direction: 'history', type: 'text', text: 'Is the Black Prince echeveria in stock?', caption: undefined },
      { direction: 'history', type: 'media_placeholder', text: '', caption: undefined },
      { direction: 'history', type: 'text', text: 'This one, 12 EUR.', caption: undefined },
    ]);

    await h.deliver(
      historyMediaBody('wamid.hist.photo', '15550783881', new Date(now - 2 * HOUR), { id: '24230790383178626', caption: 'Black Prince echeveria' }),
    );
    expect((await thread())[1]).toEqual({ direction: 'history', type: 'image', text: 'Black Prince echeveria', caption: 'Black Prince echeveria' });

    await h.deliver(historyDeclinedBody());
    const { syncStatus } = await workspace();
    expect(syncStatus.history).toMatchObject({
      status: 'declined',
      error: '2593109: History sync is turned off by the business from the WhatsApp Business App',
      phases: { '0': { progress: 100, chunks: 1, messages: 3 } },
    });
    expect(await alerts()).toEqual([
      { kind: 'history_declined', message: 'Chat history was not shared (2593109: History sync is turned off by the business from the WhatsApp Business App)' },
    ]);
    expect(await allRuns()).toEqual([]);
    expect(h.wire()).toEqual([]);
    expect(await contact()).toMatchObject({ lastInboundAt: null, windowOpen: false });
  });

  it("contact sync: an App contact added, renamed and removed changes the contact's names, never a WhatsApp profile name; no journey starts", async () => {
    await h.publish(welcome);
    const SHEENA = '447700900123';
    await h.deliver(inboundAt(SHEENA, 'hi', await h.now()));
    await waitFor(() => h.wire().length === 1, 20_000, 'the welcome');
    const at = await h.now();
    await h.deliver(
      contactSyncBody([
        { waId: CUSTOMER, action: 'add', fullName: 'Pablo Morales', firstName: 'Pablo', at },
        { waId: SHEENA, action: 'add', fullName: 'Sheena (florist)', firstName: 'Sheena', at },
      ]),
    );
    expect(await contact()).toMatchObject({
      profileName: 'Pablo Morales',
      attributes: { app_contact_name: 'Pablo Morales', first_name: 'Pablo', in_app_contacts: true },
    });
    expect(await contact(SHEENA)).toMatchObject({
      profileName: 'Sheena Nelson',
      attributes: { app_contact_name: 'Sheena (florist)', first_name: 'Sheena', in_app_contacts: true },
    });

    await h.deliver(
      contactSyncBody([{ waId: CUSTOMER, action: 'add', fullName: 'Pablo Morales (Lisbon)', firstName: 'Pablo', at: new Date(at.getTime() + MIN) }]),
    );
    expect(await contact()).toMatchObject({
      profileName: 'Pablo Morales (Lisbon)',
      attributes: { app_contact_name: 'Pablo Morales (Lisbon)', first_name: 'Pablo', in_app_contacts: true },
    });

    await h.deliver(contactSyncBody([{ waId: CUSTOMER, action: 'remove', at: new Date(at.getTime() + 2 * MIN) }]));
    expect(await contact()).toMatchObject({
      profileName: 'Pablo Morales (Lisbon)',
      attributes: { app_contact_name: 'Pablo Morales (Lisbon)', in_app_contacts: false },
    });
    expect((await workspace()).syncStatus.contacts).toMatchObject({ added: 3, removed: 1 });
    expect((await allRuns()).map((r) => r.contactId)).toEqual([(await contact(SHEENA)).id]);
    expect(h.wire()).toEqual([`+${SHEENA}: Hi! How can we help?`]);
    expect(await contact()).toMatchObject({ lastInboundAt: null, windowOpen: false });
  });

  it("PARTNER_REMOVED: an alert says why, sends are paused and a journey's message is held; after reconnecting and resuming sends it goes", async () => {
    await setWaba();
    const flowId = await h.publish({
      schemaVersion: 1,
      name: 'Order ready',
      settings: {},
      nodes: [node('start', 'trigger-api', {}), node('notice', 'send-template', { template: { name: 'order_ready', language: 'en', category: 'UTILITY' } })],
      edges: [edge('start', 'next', 'notice')],
    });
    await h.deliver(accountUpdateBody('PARTNER_REMOVED', { reason: 'PRIMARY_INACTIVITY', initiated_by: 'SYSTEM' }));
    expect((await workspace()).sendsPausedReason).toBe('WhatsApp PARTNER_REMOVED (PRIMARY_INACTIVITY)');
    const disconnected = {
      kind: 'disconnected',
      message:
        'The number was disconnected from Tandem (PRIMARY_INACTIVITY): open the WhatsApp Business App on the phone, then reconnect the number. Sends are paused.',
    };
    expect(await alerts()).toEqual([disconnected]);

    await h.api(endpoints.startRun, { flowId }, { body: { contact: { waId: CUSTOMER } } });
    await h.idle();
    await h.elapse(30 * MIN);
    expect(h.wire()).toEqual([]);
    const [run] = await allRuns();
    const held = await h.api(endpoints.getRun, { id: run!.id });
    expect(held).toMatchObject({ status: 'active', currentNode: 'notice' });
    expect(held.messages.map((m) => ({ node: m.nodeId, status: m.status, error: m.error }))).toEqual([
      { node: 'notice', status: 'held', error: { held: 'number_paused' } },
    ]);

    await h.deliver(accountUpdateBody('ACCOUNT_RECONNECTED'));
    expect(await alerts()).toEqual([{ kind: 'reconnected', message: 'The number is connected again; resume sends in the workspace settings.' }, disconnected]);
    expect((await workspace()).sendsPausedReason).not.toBeNull();
    expect((await h.api(endpoints.updateWorkspace, {}, { body: { resumeSends: true } })).sendsPausedReason).toBeNull();
    // Held messages go as soon as sending resumes, without waiting for their next look.
    await waitFor(() => h.wire().length === 1, 20_000, 'the held template');
    expect(h.wire()).toEqual([`${TO}: template order_ready`]);
    await h.idle();
    expect((await h.api(endpoints.getRun, { id: run!.id })).status).toBe('completed');
    expect((await h.api(endpoints.auditLog)).entries.map((e) => e.action)).toContain('workspace.resume_sends');
  });

  it('template paused or disabled and a quality flag: each raises an alert on the workspace, and the template shows its status', async () => {
    await setWaba();
    h.standIn.setTemplates(WABA_ID, [
      {
        name: 'spring_sale',
        language: 'en',
        status: 'APPROVED',
        category: 'MARKETING',
        components: [{ type: 'BODY', text: 'Spring sale: 20% off everything!' }],
      },
      { name: 'order_ready', language: 'en', status: 'APPROVED', category: 'UTILITY', components: [{ type: 'BODY', text: 'Your order is ready.' }] },
    ]);
    expect(await h.api(endpoints.syncTemplates)).toEqual({ synced: 2 });
    const statuses = async () => Object.fromEntries((await h.api(endpoints.listTemplates)).templates.map((t) => [t.name, t.status]));

    await h.deliver(
      templateStatusBody({
        event: 'PAUSED',
        name: 'spring_sale',
        language: 'en',
        category: 'MARKETING',
        otherInfo: { title: 'FIRST_PAUSE', description: 'Your WhatsApp message template has been paused for 3 hours due to low quality.' },
      }),
    );
    expect(await statuses()).toEqual({ spring_sale: 'PAUSED', order_ready: 'APPROVED' });
    const paused = { kind: 'template', message: 'Template spring_sale (en) is paused' };
    expect(await alerts()).toEqual([paused]);
    const draft = await h.api(
      endpoints.createFlow,
      {},
      {
        body: {
          document: {
            schemaVersion: 1,
            name: 'Sale',
            settings: {},
            nodes: [
              node('start', 'trigger-api', {}),
              node('promo', 'send-template', { template: { name: 'spring_sale', language: 'en', category: 'MARKETING' } }),
            ],
            edges: [edge('start', 'next', 'promo')],
          },
        },
      },
    );
    expect((await h.api(endpoints.validateFlow, { flowId: draft.id })).diagnostics.map((d) => d.message)).toContain(
      'Template "spring_sale" (en) is paused, not approved; WhatsApp will refuse it.',
    );

    await h.deliver(templateStatusBody({ event: 'DISABLED', name: 'spring_sale', language: 'en', category: 'MARKETING', reason: 'INCORRECT_CATEGORY' }));
    await h.deliver(qualityUpdateBody('FLAGGED', 'TIER_2K'));
    expect(await statuses()).toEqual({ spring_sale: 'DISABLED', order_ready: 'APPROVED' });
    expect(await alerts()).toEqual([
      { kind: 'quality', message: 'Phone number quality update: FLAGGED (limit TIER_2K)' },
      { kind: 'template', message: 'Template spring_sale (en) is disabled: INCORRECT_CATEGORY' },
      paused,
    ]);

    await h.deliver(templateStatusBody({ event: 'REINSTATED', name: 'spring_sale', language: 'en', category: 'MARKETING' }));
    expect(await statuses()).toEqual({ spring_sale: 'APPROVED', order_ready: 'APPROVED' });
    expect(await alerts()).toHaveLength(3);
  });

  it('a paused template holds its sends until WhatsApp reinstates it; a disabled one takes the error output without a request', async () => {
    await setWaba();
    h.standIn.setTemplates(WABA_ID, [
      { name: 'order_ready', language: 'en', status: 'APPROVED', category: 'UTILITY', components: [{ type: 'BODY', text: 'Your order is ready.' }] },
      { name: 'review_request', language: 'en', status: 'APPROVED', category: 'UTILITY', components: [{ type: 'BODY', text: 'How was your order?' }] },
    ]);
    await h.api(endpoints.syncTemplates);
    const send = (name: string) => ({
      schemaVersion: 1,
      name: `Send ${name}`,
      settings: { reentry: 'always' },
      nodes: [
        node('start', 'trigger-api', {}),
        node('send', 'send-template', { template: { name, language: 'en', category: 'UTILITY' } }),
        node('failed', 'end', { outcome: 'failed' }),
      ],
      edges: [edge('start', 'next', 'send'), edge('send', 'error', 'failed')],
    });
    const ready = await h.publish(send('order_ready'));
    const review = await h.publish(send('review_request'));
    await h.deliver(
      templateStatusBody({
        event: 'PAUSED',
        name: 'order_ready',
        language: 'en',
        category: 'UTILITY',
        otherInfo: { title: 'FIRST_PAUSE', description: 'Paused for 3 hours.' },
      }),
    );
    await h.deliver(templateStatusBody({ event: 'DISABLED', name: 'review_request', language: 'en', category: 'UTILITY', reason: 'INCORRECT_CATEGORY' }));

    await h.api(endpoints.startRun, { flowId: ready }, { body: { contact: { waId: CUSTOMER } } });
    await h.api(endpoints.startRun, { flowId: review }, { body: { contact: { waId: CUSTOMER } } });
    await h.idle();
    await h.elapse(2 * 60 * MIN);
    expect(h.standIn.received().filter((r) => r.path.endsWith('/messages'))).toEqual([]);
    const runs = await allRuns();
    const byFlow = Object.fromEntries(await Promise.all(runs.map(async (r) => [r.flowId, await h.api(endpoints.getRun, { id: r.id })] as const)));
    expect(byFlow[ready]!.messages.map((m) => ({ status: m.status, error: m.error }))).toEqual([{ status: 'held', error: { held: 'template_paused' } }]);
    expect(byFlow[review]).toMatchObject({ status: 'completed', outcome: 'failed' });
    expect(byFlow[review]!.messages.map((m) => ({ status: m.status, error: m.error }))).toEqual([
      { status: 'blocked', error: { code: 'template_unavailable', message: 'The template cannot be sent: WhatsApp lists it as DISABLED' } },
    ]);

    await h.deliver(templateStatusBody({ event: 'REINSTATED', name: 'order_ready', language: 'en', category: 'UTILITY' }));
    await waitFor(() => h.wire().length === 1, 20_000, 'the reinstated template');
    expect(h.wire()).toEqual([`${TO}: template order_ready`]);
  });
});
