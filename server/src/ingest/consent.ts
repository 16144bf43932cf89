import type pg from 'pg';
import { consentDefaults, workspaceSettingsSchema } from '@tandem/shared/api';
import { wakeSenders } from '../store/outbox';
import type { WebhookEventOf } from '../webhooks';

const { optOutKeywords: defaultOptOutKeywords, optInKeywords: defaultOptInKeywords, optOutReply: defaultOptOutReply } = consentDefaults;

export type ConsentChange = { consent: 'opted_in' | 'opted_out'; source: string };

/**
 * Opt-outs and opt-ins a contact expresses in a message: a STOP-style keyword (configurable,
 * localised), or a tap on a marketing template's opt-out quick reply. Such messages are
 * consumed: no journey answers them.
 */
export async function consentFromMessage(
  pool: pg.Pool,
  workspaceId: string,
  e: WebhookEventOf<'inbound'>,
  settings: WorkspaceSettings,
): Promise<ConsentChange | undefined> {
  const said = normalize(e.text);
  if (said && (settings.optOutKeywords ?? defaultOptOutKeywords).some((k) => normalize(k) === said))
    return { consent: 'opted_out', source: `keyword ${e.text.trim()}` };
  if (said && (settings.optInKeywords ?? defaultOptInKeywords).some((k) => normalize(k) === said))
    return { consent: 'opted_in', source: `keyword ${e.text.trim()}` };
  if (e.kind === 'button' && e.contextWamid && e.replyId) {
    const r = await pool.query<{ opt_out: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM jsonb_array_elements(content -> 'buttons') b WHERE b ->> 'value' = $3 AND (b ->> 'optOut')::boolean) AS opt_out
       FROM messages WHERE workspace_id = $1 AND wamid = $2 AND direction = 'out'`,
      [workspaceId, e.contextWamid, e.replyId],
    );
    if (r.rows[0]?.opt_out) return { consent: 'opted_out', source: 'opt-out button' };
  }
  return undefined;
}

/** Records consent with its time and source, for the audit trail. */
export async function recordConsent(pool: pg.Pool, contactId: number, change: ConsentChange, at: string): Promise<void> {
  await pool.query('UPDATE contacts SET marketing_consent = $2, consent_changed_at = $3, consent_source = $4, updated_at = now() WHERE id = $1', [
    contactId,
    change.consent,
    at,
    change.source,
  ]);
}

/** Confirms an opt-out to the contact (the window is open: they just wrote). Empty `optOutReply` turns it off. */
export async function confirmOptOut(pool: pg.Pool, workspaceId: string, contactId: number, at: string): Promise<void> {
  const settings = await workspaceSettings(pool, workspaceId);
  const text = settings.optOutReply ?? defaultOptOutReply;
  if (!text.trim()) return;
  await pool.query(
    `WITH m AS (
       INSERT INTO messages (workspace_id, contact_id, direction, type, content, status, status_rank, purpose, at, updated_at, send_after)
       VALUES ($1, $2, 'out', 'text', $3, 'pending', 0, 'system', $4, now(), now()) RETURNING id
     )
     SELECT ${wakeSenders} FROM m`,
    [workspaceId, contactId, { kind: 'text', text, previewUrl: false }, at],
  );
}

/** `user_preferences`: the person stopped or resumed marketing messages in WhatsApp itself. */
export function consentFromPreference(e: WebhookEventOf<'preference'>): ConsentChange | undefined {
  if (!/marketing/i.test(e.category)) return undefined;
  return { consent: e.value === 'stop' ? 'opted_out' : 'opted_in', source: 'whatsapp preferences' };
}

export type WorkspaceSettings = Awaited<ReturnType<typeof workspaceSettings>>;

/** The workspace's settings as consent reads them (keywords, the opt-out reply); {} when they do not parse. */
export async function workspaceSettings(pool: pg.Pool, workspaceId: string) {
  const r = await pool.query<{ settings: unknown }>('SELECT settings FROM workspaces WHERE id = $1', [workspaceId]);
  const parsed = workspaceSettingsSchema.safeParse(r.rows[0]?.settings ?? {});
  return parsed.success ? parsed.data : {};
}

const normalize = (text: string) =>
  text
    .trim()
    .toUpperCase()
    .replace(/[.!¡?¿,;:]+$/g, '')
    .replace(/\s+/g, ' ');
