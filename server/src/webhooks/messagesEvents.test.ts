import { describe, expect, it } from 'vitest';
import { parseWhatsAppWebhook } from './parseWhatsAppWebhook';
import { bodyWith, fixtureJson, messagesValue } from './testFixtures';

const WABA = '102290129340398';
const PNID = '106540352242922';
const sheena = { waId: '16505551234', profileName: 'Sheena Nelson' };

/** The whole result for a body holding one `messages` change with these events. */
function oneChange(events: unknown[]) {
  return { ok: true, changes: [{ phoneNumberId: PNID, wabaId: WABA, field: 'messages', events }], ignored: [] };
}

function eventsOf(body: unknown) {
  const result = parseWhatsAppWebhook(body);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.changes.flatMap((change) => change.events);
}

describe('messagesEvents (documented payloads)', () => {
  it('reads a text message with its click-to-WhatsApp referral', () => {
    expect(parseWhatsAppWebhook(fixtureJson('messages-text-referral'))).toStrictEqual(
      oneChange([
        {
          eventType: 'inbound',
          wamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUQ0N0VFMDA2MTQ0RkJFNkNDNAA=',
          from: sheena,
          at: '2025-06-18T19:46:32.000Z',
          type: 'text',
          kind: 'text',
          text: 'Can I get more info about this?',
          content: { body: 'Can I get more info about this?' },
          referral: {
            sourceId: '120226305854810726',
            sourceType: 'ad',
            sourceUrl: 'https://fb.me/3cr4Wqqkv',
            headline: 'Chat with us',
            body: 'Summer Succulents are here!',
            ctwaClid: 'Aff-n8ZTODiE79d22KtAwQKj9e_mIEOOj27vDVwFjN80dp4_0NiNhEgpGo0AHemvuSoifXaytfTzcchptiErTKCqTrJ5nW1h7IHYeYymGb5K5J5iTROpBhWAGaIAeUzHL50',
          },
        },
      ]),
    );
  });

  it('reads a reply button tap as interactive with the button title and id', () => {
    expect(parseWhatsAppWebhook(fixtureJson('messages-interactive-button-reply'))).toStrictEqual(
      oneChange([
        {
          eventType: 'inbound',
          wamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTZBQzg0MzQ4QjRCM0NGNkVGOAA=',
          from: sheena,
          at: '2025-06-15T22:05:36.000Z',
          type: 'interactive',
          kind: 'interactive',
          text: 'Cancel',
          replyId: 'cancel-button',
          contextWamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MEM2RUJFNkI0RENGQTVDRjUA',
          content: { type: 'button_reply', button_reply: { id: 'cancel-button', title: 'Cancel' } },
        },
      ]),
    );
  });

  it('reads a list row tap as interactive with the row title and id', () => {
    expect(parseWhatsAppWebhook(fixtureJson('messages-interactive-list-reply'))).toStrictEqual(
      oneChange([
        {
          eventType: 'inbound',
          wamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTZBQzg0MzQ4QjRCM0NGNkVGOAA=',
          from: sheena,
          at: '2025-06-15T22:05:36.000Z',
          type: 'interactive',
          kind: 'interactive',
          text: 'Priority Mail Express',
          replyId: 'priority_express',
          contextWamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MEM2RUJFNkI0RENGQTVDRjUA',
          content: { type: 'list_reply', list_reply: { id: 'priority_express', title: 'Priority Mail Express', description: 'Next Day to 2 Days' } },
        },
      ]),
    );
  });

  it('reads a template quick reply as button with its payload as replyId', () => {
    expect(parseWhatsAppWebhook(fixtureJson('messages-template-button'))).toStrictEqual(
      oneChange([
        {
          eventType: 'inbound',
          wamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=',
          from: sheena,
          at: '2025-06-16T16:24:05.000Z',
          type: 'button',
          kind: 'button',
          text: 'Unsubscribe',
          replyId: 'Unsubscribe',
          contextWamid: 'wamid.THE_TEMPLATE_WE_SENT',
          content: { payload: 'Unsubscribe', text: 'Unsubscribe' },
        },
      ]),
    );
  });

  it('reads an image as media with its caption, storing the media id but not the URL', () => {
    expect(parseWhatsAppWebhook(fixtureJson('messages-image'))).toStrictEqual(
      oneChange([
        {
          eventType: 'inbound',
          wamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
          from: sheena,
          at: '2025-04-11T04:08:16.000Z',
          type: 'image',
          kind: 'media',
          text: 'Taj Mahal',
          content: { caption: 'Taj Mahal', mime_type: 'image/jpeg', sha256: 'SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI=', id: '1003383421387256' },
        },
      ]),
    );
  });

  it('reads a location with its name and address as text', () => {
    expect(parseWhatsAppWebhook(fixtureJson('messages-location'))).toStrictEqual(
      oneChange([
        {
          eventType: 'inbound',
          wamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=',
          from: sheena,
          at: '2025-04-11T04:08:16.000Z',
          type: 'location',
          kind: 'location',
          text: 'Philz Coffee, 101 Forest Ave, Palo Alto, CA 94301',
          content: {
            address: '101 Forest Ave, Palo Alto, CA 94301',
            latitude: 37.44221496582,
            longitude: -122.16165924072,
            name: 'Philz Coffee',
            url: 'https://philzcoffee.com/',
          },
        },
      ]),
    );
  });

  it('reads a sent status with its pricing and conversation', () => {
    expect(parseWhatsAppWebhook(fixtureJson('status-sent'))).toStrictEqual(
      oneChange([
        {
          eventType: 'status',
          wamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=',
          status: 'sent',
          at: '2025-06-15T23:27:53.000Z',
          recipient: { waId: '16505551234' },
          pricing: { type: 'regular', category: 'marketing', pricingModel: 'PMP', billable: true },
          conversation: { id: '72b14d6bd5407799e66f64d1b338e567', expiresAt: '2025-06-16T23:28:00.000Z', originType: 'marketing' },
        },
      ]),
    );
  });

  it('reads a failed status with the error code, title, message and details', () => {
    expect(parseWhatsAppWebhook(fixtureJson('status-failed-131049'))).toStrictEqual(
      oneChange([
        {
          eventType: 'status',
          wamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0QUQ2MjA4NEYyRkExNjMyREUA',
          status: 'failed',
          at: '2025-06-28T20:34:48.000Z',
          recipient: { waId: '16505551234' },
          errors: [
            {
              code: 131049,
              title: 'This message was not delivered to maintain healthy ecosystem engagement.',
              message: 'This message was not delivered to maintain healthy ecosystem engagement.',
              details: 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.',
            },
          ],
        },
      ]),
    );
  });
});

describe('messagesEvents (constructed payloads)', () => {
  it('decodes \\u-escaped accents and emoji', () => {
    expect(eventsOf(fixtureJson('unicode-text'))).toStrictEqual([
      {
        eventType: 'inbound',
        wamid: 'wamid.UNICODE.1',
        from: { waId: '34600111222', profileName: 'Zoë Ibáñez' },
        at: '2025-06-22T13:46:40.000Z',
        type: 'text',
        kind: 'text',
        text: '¿Está abierto el café? 😀',
        content: { body: '¿Está abierto el café? 😀' },
      },
    ]);
  });

  it('identifies a sender that has only a BSUID', () => {
    expect(eventsOf(fixtureJson('bsuid-only'))).toStrictEqual([
      {
        eventType: 'inbound',
        wamid: 'wamid.BSUID.ONLY.1',
        from: { userId: 'US.13491208655302741918', parentUserId: 'US.ENT.5500000000000000001', profileName: 'Mika' },
        at: '2026-03-31T23:33:20.000Z',
        type: 'text',
        kind: 'text',
        text: 'hi, I use a username',
        content: { body: 'hi, I use a username' },
      },
    ]);
  });

  it('reads edits and revokes as their own events, never as new inbound messages', () => {
    expect(eventsOf(fixtureJson('edit-revoke'))).toStrictEqual([
      {
        eventType: 'edit',
        wamid: 'wamid.EDIT.1',
        originalWamid: 'wamid.ORIGINAL.1',
        from: sheena,
        at: '2025-06-21T10:01:00.000Z',
        message: { type: 'text', kind: 'text', text: 'See you at 6pm, not 5pm', content: { body: 'See you at 6pm, not 5pm' } },
      },
      { eventType: 'revoke', wamid: 'wamid.REVOKE.1', originalWamid: 'wamid.ORIGINAL.2', from: sheena, at: '2025-06-21T10:02:00.000Z' },
    ]);
  });

  it('prefers user_id, falls back to parent_user_id, and keeps the phone number alongside', () => {
    const body = bodyWith(
      'messages',
      messagesValue(
        [
          { from: '16505551234', id: 'wamid.A', timestamp: '1750000000', type: 'text', text: { body: 'a' } },
          { from: '16505550000', id: 'wamid.B', timestamp: '1750000001', type: 'text', text: { body: 'b' } },
        ],
        [
          { wa_id: '16505551234', user_id: 'US.1', parent_user_id: 'US.ENT.1' },
          { wa_id: '16505550000', parent_user_id: 'US.ENT.2' },
        ],
      ),
    );
    expect(eventsOf(body).map((event) => (event.eventType === 'inbound' ? event.from : null))).toStrictEqual([
      { waId: '16505551234', userId: 'US.1', parentUserId: 'US.ENT.1' },
      { waId: '16505550000', userId: 'US.ENT.2', parentUserId: 'US.ENT.2' },
    ]);
  });

  it("takes the contact's wa_id over from when Meta sends both and they differ", () => {
    const body = bodyWith(
      'messages',
      messagesValue([{ from: '5511987654321', id: 'wamid.C', timestamp: '1750000000', type: 'text', text: { body: 'c' } }], [{ wa_id: '551187654321' }]),
    );
    expect(eventsOf(body)).toMatchObject([{ from: { waId: '551187654321' } }]);
  });

  it('reads statuses carrying a BSUID and callback data, and lets sent jump to read', () => {
    const value = {
      metadata: { phone_number_id: PNID },
      statuses: [{ id: 'wamid.OUT', status: 'read', timestamp: '1750000000', recipient_user_id: 'US.1', biz_opaque_callback_data: 'run_1:node_2' }],
    };
    expect(eventsOf(bodyWith('messages', value))).toStrictEqual([
      { eventType: 'status', wamid: 'wamid.OUT', status: 'read', at: '2025-06-15T15:06:40.000Z', recipient: { userId: 'US.1' }, callbackData: 'run_1:node_2' },
    ]);
  });

  it('turns value-level errors into value_error events', () => {
    const value = {
      metadata: { phone_number_id: PNID },
      errors: [{ code: 131000, title: 'Something went wrong', message: 'Something went wrong', error_data: { details: 'Unknown error' } }],
    };
    expect(eventsOf(bodyWith('messages', value))).toStrictEqual([
      { eventType: 'value_error', code: 131000, title: 'Something went wrong', message: 'Something went wrong', details: 'Unknown error' },
    ]);
  });

  it('reads every message and status of one value, in order', () => {
    const value = {
      metadata: { phone_number_id: PNID },
      contacts: [{ wa_id: '16505551234' }],
      messages: [
        { from: '16505551234', id: 'wamid.1', timestamp: '1750000000', type: 'text', text: { body: 'one' } },
        { from: '16505551234', id: 'wamid.2', timestamp: '1750000001', type: 'text', text: { body: 'two' } },
      ],
      statuses: [
        { id: 'wamid.3', status: 'delivered', timestamp: '1750000002', recipient_id: '16505551234' },
        { id: 'wamid.4', status: 'played', timestamp: '1750000003', recipient_id: '16505551234' },
      ],
    };
    expect(eventsOf(bodyWith('messages', value)).map((event) => [event.eventType, 'wamid' in event ? event.wamid : null])).toStrictEqual([
      ['inbound', 'wamid.1'],
      ['inbound', 'wamid.2'],
      ['status', 'wamid.3'],
      ['status', 'wamid.4'],
    ]);
  });
});
