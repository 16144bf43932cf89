import { describe, expect, it } from 'vitest';
import { parseWhatsAppWebhook } from './parseWhatsAppWebhook';
import { bodyWith, fixtureJson } from './testFixtures';

const metadata = { display_phone_number: '15550783881', phone_number_id: '106540352242922' };

describe('echoEvents', () => {
  it('reads a message the business sent from the app as an echo to the user', () => {
    expect(parseWhatsAppWebhook(fixtureJson('smb-message-echoes'))).toStrictEqual({
      ok: true,
      ignored: [],
      changes: [
        {
          phoneNumberId: '106540352242922',
          wabaId: '102290129340398',
          field: 'smb_message_echoes',
          events: [
            {
              eventType: 'echo',
              wamid: 'wamid.HBgLMTY0NjcwNDM1OTUVAgARGBIyNDlBOEI5QUQ4NDc0N0FCNjMA',
              to: '16505551234',
              at: '2023-11-17T21:05:21.000Z',
              type: 'text',
              kind: 'text',
              text: "Here's the info you requested! https://www.meta.com/quest/quest-3/",
              content: { body: "Here's the info you requested! https://www.meta.com/quest/quest-3/" },
            },
          ],
        },
      ],
    });
  });

  it('reads a media echo without its URL', () => {
    const value = {
      metadata,
      message_echoes: [
        {
          from: '15550783881',
          to: '16505551234',
          id: 'wamid.E',
          timestamp: '1700255121',
          type: 'image',
          image: { id: 'm9', caption: 'menu', url: 'https://lookaside.example/m9' },
        },
      ],
    };
    const result = parseWhatsAppWebhook(bodyWith('smb_message_echoes', value));
    expect(result).toMatchObject({
      ok: true,
      changes: [{ events: [{ eventType: 'echo', kind: 'media', text: 'menu', content: { id: 'm9', caption: 'menu' } }] }],
    });
    expect(result.ok && result.changes[0]?.events[0]).not.toHaveProperty('content.url');
  });

  it('rejects an echo without a recipient', () => {
    const value = { metadata, message_echoes: [{ from: '15550783881', id: 'wamid.E', timestamp: '1700255121', type: 'text', text: { body: 'x' } }] };
    expect(parseWhatsAppWebhook(bodyWith('smb_message_echoes', value))).toMatchObject({
      ok: false,
      issues: [{ path: ['entry', 0, 'changes', 0, 'value', 'message_echoes', 0, 'to'] }],
    });
  });
});

describe('contactSyncEvents', () => {
  it('reads a contact added in the app', () => {
    expect(parseWhatsAppWebhook(fixtureJson('smb-app-state-sync'))).toStrictEqual({
      ok: true,
      ignored: [],
      changes: [
        {
          phoneNumberId: '106540352242922',
          wabaId: '<WABA_ID>',
          field: 'smb_app_state_sync',
          events: [
            { eventType: 'contact_sync', action: 'add', waId: '16505551234', fullName: 'Pablo Morales', firstName: 'Pablo', at: '2025-02-12T00:43:44.000Z' },
          ],
        },
      ],
    });
  });

  it('reads a removal, which carries no names', () => {
    const value = {
      metadata,
      state_sync: [{ type: 'contact', contact: { phone_number: '16505551234' }, action: 'remove', metadata: { timestamp: '1739321024' } }],
    };
    expect(parseWhatsAppWebhook(bodyWith('smb_app_state_sync', value))).toMatchObject({
      ok: true,
      changes: [{ events: [{ eventType: 'contact_sync', action: 'remove', waId: '16505551234', at: '2025-02-12T00:43:44.000Z' }] }],
    });
  });

  it('reports sync items of another type or action as ignored', () => {
    const value = {
      metadata,
      state_sync: [
        { type: 'label', action: 'add', metadata: { timestamp: '1739321024' } },
        { type: 'contact', contact: { phone_number: '16505551234' }, action: 'merge', metadata: { timestamp: '1739321024' } },
      ],
    };
    expect(parseWhatsAppWebhook(bodyWith('smb_app_state_sync', value))).toMatchObject({
      ok: true,
      changes: [{ events: [] }],
      ignored: [
        { field: 'smb_app_state_sync', reason: 'state_sync type "label" is not handled' },
        { field: 'smb_app_state_sync', reason: 'state_sync action "merge" for 16505551234 is not handled' },
      ],
    });
  });
});
