import { readdirSync } from 'node:fs';
import { inboundMessageSchema } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { parseWhatsAppWebhook } from './parseWhatsAppWebhook';
import { bodyWith, fixtureJson, messagesValue } from './testFixtures';
import { webhookEventSchema } from './webhookEvents';

const fixtureNames = readdirSync(new URL('./fixtures/', import.meta.url))
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.slice(0, -'.json'.length));

const text = (id: string, body: string) => ({ from: '16505551234', id, timestamp: '1750000000', type: 'text', text: { body } });

describe('parseWhatsAppWebhook', () => {
  it.each(fixtureNames)('parses fixture %s into events that match the published event schema', (name) => {
    const result = parseWhatsAppWebhook(fixtureJson(name));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const events = result.changes.flatMap((change) => change.events);
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) expect(webhookEventSchema.parse(event)).toStrictEqual(event);
  });

  it("gives inbound events the engine's InboundMessage shape", () => {
    const result = parseWhatsAppWebhook(fixtureJson('messages-text-referral'));
    const event = result.ok ? result.changes[0]?.events[0] : undefined;
    expect(inboundMessageSchema.parse(event)).toStrictEqual({
      wamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUQ0N0VFMDA2MTQ0RkJFNkNDNAA=',
      kind: 'text',
      text: 'Can I get more info about this?',
      referral: expect.objectContaining({ sourceId: '120226305854810726', sourceType: 'ad' }),
      at: '2025-06-18T19:46:32.000Z',
    });
  });

  describe('with several entries and changes', () => {
    it('returns every change of every entry, each with its own WABA and phone number', () => {
      const result = parseWhatsAppWebhook(fixtureJson('multi-entry'));
      expect(result).toStrictEqual({
        ok: true,
        ignored: [],
        changes: [
          {
            phoneNumberId: '106540352242922',
            wabaId: '102290129340398',
            field: 'messages',
            events: [
              {
                eventType: 'inbound',
                wamid: 'wamid.MULTI.IN.1',
                from: { waId: '16505551234', userId: 'US.13491208655302741918', profileName: 'Sheena Nelson' },
                at: '2025-06-19T02:26:40.000Z',
                type: 'text',
                kind: 'text',
                text: 'Hello',
                content: { body: 'Hello' },
              },
              {
                eventType: 'inbound',
                wamid: 'wamid.MULTI.IN.2',
                from: { waId: '16505559876', userId: 'US.20000000000000000001', profileName: 'Ravi Kumar' },
                at: '2025-06-19T02:26:42.000Z',
                type: 'text',
                kind: 'text',
                text: 'Hi there',
                content: { body: 'Hi there' },
              },
            ],
          },
          {
            phoneNumberId: '106540352242922',
            wabaId: '102290129340398',
            field: 'messages',
            events: [
              {
                eventType: 'status',
                wamid: 'wamid.MULTI.OUT.1',
                status: 'delivered',
                at: '2025-06-19T02:26:45.000Z',
                recipient: { waId: '16505551234', userId: 'US.13491208655302741918' },
                callbackData: 'run_123:node_ask',
                pricing: { type: 'free_customer_service', category: 'service', pricingModel: 'PMP', billable: false },
              },
              {
                eventType: 'status',
                wamid: 'wamid.MULTI.OUT.1',
                status: 'read',
                at: '2025-06-19T02:26:49.000Z',
                recipient: { waId: '16505551234', userId: 'US.13491208655302741918' },
                callbackData: 'run_123:node_ask',
              },
            ],
          },
          {
            phoneNumberId: '201234567890123',
            wabaId: '309876543210987',
            field: 'smb_message_echoes',
            events: [
              {
                eventType: 'echo',
                wamid: 'wamid.MULTI.ECHO.1',
                to: '16505550000',
                at: '2025-06-19T02:26:50.000Z',
                type: 'text',
                kind: 'text',
                text: "I'll take it from here.",
                content: { body: "I'll take it from here." },
              },
            ],
          },
        ],
      });
    });

    it('accepts a body with no entries as no changes', () => {
      expect(parseWhatsAppWebhook({ object: 'whatsapp_business_account', entry: [] })).toStrictEqual({ ok: true, changes: [], ignored: [] });
    });
  });

  describe('with fields Tandem does not handle', () => {
    it('reports them as ignored, with a reason, next to the changes it does handle', () => {
      const body = {
        object: 'whatsapp_business_account',
        entry: [
          {
            id: '102290129340398',
            changes: [
              { field: 'business_capability_update', value: { max_daily_conversations_per_business: 2000 } },
              { field: 'messages', value: messagesValue([text('wamid.K', 'kept')]) },
              { field: 'template_category_update', value: 'anything at all' },
            ],
          },
        ],
      };
      expect(parseWhatsAppWebhook(body)).toMatchObject({
        ok: true,
        changes: [{ field: 'messages', events: [{ eventType: 'inbound', wamid: 'wamid.K' }] }],
        ignored: [
          { field: 'business_capability_update', reason: 'field "business_capability_update" is not handled by Tandem' },
          { field: 'template_category_update', reason: 'field "template_category_update" is not handled by Tandem' },
        ],
      });
    });

    it('does not mistake inherited object properties for handled fields', () => {
      expect(parseWhatsAppWebhook(bodyWith('constructor', {}))).toStrictEqual({
        ok: true,
        changes: [],
        ignored: [{ field: 'constructor', reason: 'field "constructor" is not handled by Tandem' }],
      });
    });

    it('reports a status value it does not know as ignored, keeping the others', () => {
      const value = {
        metadata: { phone_number_id: '106540352242922' },
        statuses: [
          { id: 'wamid.S', status: 'deleted', timestamp: '1750000000', recipient_id: '16505551234' },
          { id: 'wamid.S', status: 'delivered', timestamp: '1750000000', recipient_id: '16505551234' },
        ],
      };
      expect(parseWhatsAppWebhook(bodyWith('messages', value))).toMatchObject({
        ok: true,
        changes: [{ events: [{ eventType: 'status', status: 'delivered' }] }],
        ignored: [{ field: 'messages', reason: 'status "deleted" of wamid.S is not a delivery status Tandem knows' }],
      });
    });
  });

  describe('with malformed payloads', () => {
    it.each([
      ['null', null, []],
      ['an array', [], []],
      ['another object type', { object: 'page', entry: [] }, ['object']],
      ['no entry array', { object: 'whatsapp_business_account' }, ['entry']],
      ['an entry without changes', { object: 'whatsapp_business_account', entry: [{ id: '1' }] }, ['entry', 0, 'changes']],
      ['a change without field', { object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ value: {} }] }] }, ['entry', 0, 'changes', 0, 'field']],
    ])('rejects %s with the path of the problem', (_, body, path) => {
      const result = parseWhatsAppWebhook(body);
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toStrictEqual([path]);
    });

    it('points at the missing payload of a text message', () => {
      const { text: _text, ...noPayload } = text('wamid.T', 'x');
      expect(parseWhatsAppWebhook(bodyWith('messages', messagesValue([noPayload])))).toStrictEqual({
        ok: false,
        issues: [{ path: ['entry', 0, 'changes', 0, 'value', 'messages', 0, 'text'], message: 'a "text" message carries a "text" object', code: 'custom' }],
      });
    });

    it('points at the missing reply of an interactive button_reply', () => {
      const message = { from: '16505551234', id: 'wamid.I', timestamp: '1750000000', type: 'interactive', interactive: { type: 'button_reply' } };
      expect(parseWhatsAppWebhook(bodyWith('messages', messagesValue([message])))).toMatchObject({
        ok: false,
        issues: [{ path: ['entry', 0, 'changes', 0, 'value', 'messages', 0, 'interactive', 'button_reply'] }],
      });
    });

    it('points at a timestamp that is not Unix seconds', () => {
      expect(parseWhatsAppWebhook(bodyWith('messages', messagesValue([{ ...text('wamid.T', 'x'), timestamp: 'yesterday' }])))).toMatchObject({
        ok: false,
        issues: [{ path: ['entry', 0, 'changes', 0, 'value', 'messages', 0, 'timestamp'] }],
      });
    });

    it('points at a message nobody can be identified as sending', () => {
      const { from: _from, ...anonymous } = text('wamid.T', 'x');
      expect(parseWhatsAppWebhook(bodyWith('messages', messagesValue([anonymous], [])))).toStrictEqual({
        ok: false,
        issues: [
          {
            path: ['entry', 0, 'changes', 0, 'value', 'messages', 0, 'from'],
            message: 'message has no sender: no from, from_user_id, or contacts[] wa_id/user_id',
            code: 'custom',
          },
        ],
      });
    });

    it('points at a messages value without metadata, which routing needs', () => {
      expect(parseWhatsAppWebhook(bodyWith('messages', { messages: [text('wamid.T', 'x')] }))).toMatchObject({
        ok: false,
        issues: [{ path: ['entry', 0, 'changes', 0, 'value', 'metadata'] }],
      });
    });

    it('fails the whole body and lists the issues of every bad change', () => {
      const body = {
        object: 'whatsapp_business_account',
        entry: [
          { id: 'A', changes: [{ field: 'messages', value: messagesValue([text('wamid.OK', 'fine')]) }] },
          {
            id: 'B',
            changes: [
              { field: 'messages', value: { metadata: { phone_number_id: '1' }, statuses: [{ status: 'sent', timestamp: '1750000000' }] } },
              {
                field: 'smb_app_state_sync',
                value: { metadata: { phone_number_id: '1' }, state_sync: [{ type: 'contact', action: 'add', metadata: { timestamp: '1' } }] },
              },
            ],
          },
        ],
      };
      const result = parseWhatsAppWebhook(body);
      expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toStrictEqual([
        ['entry', 1, 'changes', 0, 'value', 'statuses', 0, 'id'],
        ['entry', 1, 'changes', 1, 'value', 'state_sync', 0, 'contact'],
      ]);
    });
  });
});
