import { describe, expect, it } from 'vitest';
import { parseWhatsAppWebhook } from './parseWhatsAppWebhook';
import { bodyWith, fixtureJson } from './testFixtures';

function eventsOf(body: unknown) {
  const result = parseWhatsAppWebhook(body);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.changes.flatMap((change) => change.events);
}

describe('accountUpdateEvents', () => {
  it('reads PARTNER_REMOVED after primary inactivity, at WABA level (no phone number id)', () => {
    expect(parseWhatsAppWebhook(fixtureJson('account-update-partner-removed'))).toStrictEqual({
      ok: true,
      ignored: [],
      changes: [
        {
          phoneNumberId: null,
          wabaId: '102290129340398',
          field: 'account_update',
          events: [
            {
              eventType: 'account_update',
              event: 'PARTNER_REMOVED',
              phoneNumber: '15550783881',
              reason: 'PRIMARY_INACTIVITY',
              initiatedBy: 'SYSTEM',
              raw: { phone_number: '15550783881', event: 'PARTNER_REMOVED', disconnection_info: { reason: 'PRIMARY_INACTIVITY', initiated_by: 'SYSTEM' } },
            },
          ],
        },
      ],
    });
  });

  it('reads ACCOUNT_RECONNECTED, which has no disconnection info', () => {
    expect(eventsOf(bodyWith('account_update', { phone_number: '15550783881', event: 'ACCOUNT_RECONNECTED' }))).toStrictEqual([
      {
        eventType: 'account_update',
        event: 'ACCOUNT_RECONNECTED',
        phoneNumber: '15550783881',
        raw: { phone_number: '15550783881', event: 'ACCOUNT_RECONNECTED' },
      },
    ]);
  });

  it('keeps the whole value of other events, such as a pricing tier update, in raw', () => {
    const value = {
      event: 'VOLUME_BASED_PRICING_TIER_UPDATE',
      volume_tier_info: { tier_update_time: 1751247548, pricing_category: 'UTILITY', tier: '0:25000' },
    };
    expect(eventsOf(bodyWith('account_update', value))).toStrictEqual([{ eventType: 'account_update', event: 'VOLUME_BASED_PRICING_TIER_UPDATE', raw: value }]);
  });
});

describe('templateStatusEvents', () => {
  it('reads a rejection with its reason and Meta recommendation, keeping the id as a string', () => {
    expect(parseWhatsAppWebhook(fixtureJson('template-status-rejected'))).toStrictEqual({
      ok: true,
      ignored: [],
      changes: [
        {
          phoneNumberId: null,
          wabaId: '102290129340398',
          field: 'message_template_status_update',
          events: [
            {
              eventType: 'template_status',
              event: 'REJECTED',
              templateId: '1689556908129835',
              name: 'abandoned_cart',
              language: 'en',
              reason: 'INVALID_FORMAT',
              category: 'MARKETING',
              rejectionInfo: {
                reason: 'Your template has parameters placed next to each other (like {{1}}{{2}}) without text or punctuation between them.',
                recommendation: 'Separate parameters with descriptive text and ensure each parameter is clearly contextualized.',
              },
            },
          ],
        },
      ],
    });
  });

  it('reads a pause with its other_info title', () => {
    const value = {
      event: 'PAUSED',
      message_template_id: 123,
      message_template_name: 'spring_sale',
      message_template_language: 'en_US',
      reason: null,
      other_info: { title: 'FIRST_PAUSE', description: 'Paused for 3 hours due to low quality' },
    };
    expect(eventsOf(bodyWith('message_template_status_update', value))).toStrictEqual([
      {
        eventType: 'template_status',
        event: 'PAUSED',
        templateId: '123',
        name: 'spring_sale',
        language: 'en_US',
        otherInfo: { title: 'FIRST_PAUSE', description: 'Paused for 3 hours due to low quality' },
      },
    ]);
  });

  it('rejects a numeric template id too large for JSON numbers to hold exactly', () => {
    const value = { event: 'APPROVED', message_template_id: 2 ** 53 + 2, message_template_name: 'x', message_template_language: 'en' };
    expect(parseWhatsAppWebhook(bodyWith('message_template_status_update', value))).toStrictEqual({
      ok: false,
      issues: [
        {
          path: ['entry', 0, 'changes', 0, 'value', 'message_template_id'],
          message: 'template id must be an integer JSON numbers hold exactly',
          code: 'too_big',
        },
      ],
    });
  });
});

describe('preferenceEvents', () => {
  it('reads a marketing stop with both ids of the user', () => {
    expect(parseWhatsAppWebhook(fixtureJson('user-preferences-stop'))).toStrictEqual({
      ok: true,
      ignored: [],
      changes: [
        {
          phoneNumberId: '106540352242922',
          wabaId: '102290129340398',
          field: 'user_preferences',
          events: [
            {
              eventType: 'preference',
              waId: '16505551234',
              userId: 'US.13491208655302741918',
              category: 'marketing_messages',
              value: 'stop',
              detail: 'User requested to stop marketing messages',
              at: '2025-06-20T06:13:20.000Z',
            },
          ],
        },
      ],
    });
  });

  it('reads a resume for a user known only by BSUID, without metadata', () => {
    const value = { user_preferences: [{ user_id: 'US.7', category: 'marketing_messages', value: 'resume', timestamp: '1750400000' }] };
    expect(parseWhatsAppWebhook(bodyWith('user_preferences', value))).toMatchObject({
      ok: true,
      changes: [{ phoneNumberId: null, events: [{ eventType: 'preference', userId: 'US.7', value: 'resume' }] }],
    });
  });

  it('reports a value other than stop or resume as ignored', () => {
    const value = { user_preferences: [{ wa_id: '16505551234', category: 'marketing_messages', value: 'snooze', timestamp: '1750400000' }] };
    expect(parseWhatsAppWebhook(bodyWith('user_preferences', value))).toMatchObject({
      ok: true,
      changes: [{ events: [] }],
      ignored: [{ field: 'user_preferences', reason: 'user preference value "snooze" is not stop or resume' }],
    });
  });
});

describe('qualityUpdateEvents', () => {
  it('reads a quality or throughput update with the whole value in raw', () => {
    const value = {
      display_phone_number: '15550783881',
      event: 'THROUGHPUT_UPGRADE',
      current_limit: 'TIER_UNLIMITED',
      max_daily_conversation_per_phone_number: 100000,
    };
    expect(eventsOf(bodyWith('phone_number_quality_update', value))).toStrictEqual([
      { eventType: 'quality_update', event: 'THROUGHPUT_UPGRADE', phoneNumber: '15550783881', currentLimit: 'TIER_UNLIMITED', raw: value },
    ]);
  });
});
