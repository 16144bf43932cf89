import { jsonObjectSchema } from './commonSchemas';
import { definedOnly } from './definedOnly';
import type { Ignore } from './defineField';
import { resolveParty } from './identity';
import type { AccountUpdateValue, QualityUpdateValue, TemplateStatusValue, UserPreferencesValue } from './managementSchemas';
import type { WebhookEvent } from './webhookEvents';

/** `account_update`: PARTNER_REMOVED and its disconnection reason end a coexistence connection. */
export function accountUpdateEvents(value: AccountUpdateValue): WebhookEvent[] {
  return [
    definedOnly({
      eventType: 'account_update',
      event: value.event,
      phoneNumber: value.phone_number,
      reason: value.disconnection_info?.reason,
      initiatedBy: value.disconnection_info?.initiated_by,
      raw: jsonObjectSchema.parse(value),
    }),
  ];
}

/** `message_template_status_update`: approval, rejection, pauses and the rest of a template's life. */
export function templateStatusEvents(value: TemplateStatusValue): WebhookEvent[] {
  return [
    definedOnly({
      eventType: 'template_status',
      event: value.event,
      templateId: value.message_template_id,
      name: value.message_template_name,
      language: value.message_template_language,
      reason: value.reason ?? undefined,
      category: value.message_template_category,
      otherInfo: value.other_info ? definedOnly({ ...value.other_info }) : undefined,
      rejectionInfo: value.rejection_info ? definedOnly({ ...value.rejection_info }) : undefined,
    }),
  ];
}

/** `user_preferences`: a user stopped or resumed marketing messages from the business. */
export function preferenceEvents(value: UserPreferencesValue, ignore: Ignore): WebhookEvent[] {
  const events: WebhookEvent[] = [];
  for (const p of value.user_preferences) {
    const choice = p.value.toLowerCase();
    if (choice !== 'stop' && choice !== 'resume') {
      ignore(`user preference value "${p.value}" is not stop or resume`);
      continue;
    }
    const who = resolveParty(value.contacts, { phone: p.wa_id, userId: p.user_id });
    events.push(
      definedOnly({ eventType: 'preference', waId: who.waId, userId: who.userId, category: p.category, value: choice, detail: p.detail, at: p.timestamp }),
    );
  }
  return events;
}

/** `phone_number_quality_update`: quality flags, limit changes, throughput upgrades. */
export function qualityUpdateEvents(value: QualityUpdateValue): WebhookEvent[] {
  return [
    definedOnly({
      eventType: 'quality_update',
      event: value.event,
      phoneNumber: value.display_phone_number,
      currentLimit: value.current_limit,
      raw: jsonObjectSchema.parse(value),
    }),
  ];
}
