import { type ErrorIssue, issuesFromZod } from '@tandem/shared';
import { contactSyncEvents, echoEvents } from './coexistenceEvents';
import { defineField, type FieldResult } from './defineField';
import { historyEvents } from './historyEvents';
import { accountUpdateEvents, preferenceEvents, qualityUpdateEvents, templateStatusEvents } from './managementEvents';
import { messagesEvents } from './messagesEvents';
import type { WebhookEvent } from './webhookEvents';
import { type WebhookField, webhookEnvelopeSchema, webhookValueSchemas as s } from './webhookSchemas';

/** One change of one entry: the events it carries and where they belong. */
type ParsedChange = {
  /** `value.metadata.phone_number_id`; null for WABA-level fields (account_update, templates, …). */
  phoneNumberId: string | null;
  /** `entry[].id` */
  wabaId: string;
  field: WebhookField;
  events: WebhookEvent[];
};

type IgnoredChange = { field: string; reason: string };

export type ParseWebhookResult = { ok: true; changes: ParsedChange[]; ignored: IgnoredChange[] } | { ok: false; issues: ErrorIssue[] };

const fields: Record<WebhookField, (value: unknown) => FieldResult> = {
  messages: defineField(s.messages, messagesEvents),
  smb_message_echoes: defineField(s.smb_message_echoes, echoEvents),
  history: defineField(s.history, historyEvents),
  smb_app_state_sync: defineField(s.smb_app_state_sync, contactSyncEvents),
  account_update: defineField(s.account_update, accountUpdateEvents),
  message_template_status_update: defineField(s.message_template_status_update, templateStatusEvents),
  user_preferences: defineField(s.user_preferences, preferenceEvents),
  phone_number_quality_update: defineField(s.phone_number_quality_update, qualityUpdateEvents),
};

/**
 * Turns a verified webhook body (already JSON-parsed) into normalised events, change by change,
 * in payload order. Any invalid change fails the whole body with every issue found, each with its
 * full path from the body's root; fields Tandem does not handle are listed in `ignored`.
 */
export function parseWhatsAppWebhook(json: unknown): ParseWebhookResult {
  const envelope = webhookEnvelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, issues: issuesFromZod(envelope.error.issues) };
  const changes: ParsedChange[] = [];
  const ignored: IgnoredChange[] = [];
  const issues: ErrorIssue[] = [];
  envelope.data.entry.forEach((entry, entryIndex) => {
    entry.changes.forEach((change, changeIndex) => {
      const { field } = change;
      if (!isHandledField(field)) {
        ignored.push({ field, reason: `field "${field}" is not handled by Tandem` });
        return;
      }
      const result = fields[field](change.value);
      if (!result.ok) {
        const at = ['entry', entryIndex, 'changes', changeIndex, 'value'];
        issues.push(...issuesFromZod(result.issues.map((issue) => ({ ...issue, path: [...at, ...issue.path] }))));
        return;
      }
      changes.push({ phoneNumberId: result.phoneNumberId, wabaId: entry.id, field, events: result.events });
      ignored.push(...result.ignored.map((reason) => ({ field, reason })));
    });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, changes, ignored };
}

function isHandledField(field: string): field is WebhookField {
  return Object.hasOwn(fields, field);
}
