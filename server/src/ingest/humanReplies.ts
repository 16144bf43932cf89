import type pg from 'pg';
import { PERSON, humanReplySettingsSchema, type HumanReplySettings } from '@tandem/shared';
import { FOREVER } from '@tandem/engine/runtime';
import type { WebhookEventOf } from '../webhooks';
import { resumeContact, type Queryable } from '../store/contactPause';

const strictness = { never: 0, pause_for: 1, until_keyword: 2, until_release: 3 } as const;

/**
 * A person replied from the WhatsApp Business App (an echo): it is stored in the thread as an
 * App message, never opens or extends the 24-hour window, and pauses the bot for the contact by
 * the strictest rule of the flows the contact is in (the default with none: 30 minutes after
 * the last App reply). The owner's resume keyword (e.g. `#bot`) gives the contact back to the bot.
 */
export async function applyEcho(pool: pg.Pool, workspaceId: string, e: WebhookEventOf<'echo'>): Promise<number> {
  const contactId = await contactByWaId(pool, workspaceId, e.to);
  const stored = await pool.query(
    `INSERT INTO messages (workspace_id, contact_id, direction, wamid, type, content, status, status_rank, at, updated_at)
     VALUES ($1, $2, 'echo', $3, $4, $5, 'sent', 10, $6, now()) ON CONFLICT (wamid) DO NOTHING`,
    [workspaceId, contactId, e.wamid, e.type, { ...e.content, text: e.text }, e.at],
  );
  if (stored.rowCount === 0) return contactId;
  const [contact] = (
    await pool.query<{ resume_keyword: string | null; paused_until: Date | null }>('SELECT resume_keyword, paused_until FROM contacts WHERE id = $1', [
      contactId,
    ])
  ).rows;
  if (contact?.resume_keyword && normalize(e.text) === normalize(contact.resume_keyword)) {
    await resumeContact(pool as unknown as Queryable, contactId);
    return contactId;
  }
  await pool.query('UPDATE contacts SET last_app_reply_at = GREATEST(last_app_reply_at, $2), updated_at = now() WHERE id = $1', [contactId, e.at]);
  const rule = await strictestRule(pool, contactId);
  if (rule.mode === 'never') return contactId;
  const until = rule.mode === 'pause_for' ? new Date(new Date(e.at).getTime() + rule.pauseMinutes * 60_000) : FOREVER;
  await pool.query(
    `UPDATE contacts SET
       paused_until = CASE WHEN paused_until > $2 THEN paused_until ELSE $2 END,
       pause_reason = CASE WHEN pause_reason = $4 AND paused_until > now() THEN pause_reason ELSE 'app_reply' END,
       resume_keyword = CASE WHEN $3::text IS NOT NULL THEN $3 ELSE resume_keyword END,
       updated_at = now()
     WHERE id = $1`,
    [contactId, until, rule.mode === 'until_keyword' ? rule.resumeKeyword : null, PERSON],
  );
  return contactId;
}

/** The human-reply rule of the flows the contact is in now; the default when it is in none. */
async function strictestRule(pool: pg.Pool, contactId: number): Promise<HumanReplySettings> {
  const rows = await pool.query<{ rule: unknown }>(
    `SELECT v.document -> 'settings' -> 'humanReply' AS rule FROM runs r JOIN flow_versions v ON v.id = r.flow_version_id WHERE r.contact_id = $1 AND r.status = 'active'`,
    [contactId],
  );
  const rules = rows.rows.map((r) => humanReplySettingsSchema.parse(r.rule ?? {}));
  if (rules.length === 0) return humanReplySettingsSchema.parse({});
  return rules.reduce((a, b) => (strictness[b.mode] > strictness[a.mode] || (a.mode === b.mode && b.pauseMinutes > a.pauseMinutes) ? b : a));
}

export async function contactByWaId(pool: pg.Pool, workspaceId: string, waId: string): Promise<number> {
  const r = await pool.query<{ id: number }>(
    `INSERT INTO contacts (workspace_id, wa_id, phone) VALUES ($1, $2, '+' || $2)
     ON CONFLICT (workspace_id, wa_id) DO UPDATE SET updated_at = contacts.updated_at RETURNING id`,
    [workspaceId, waId],
  );
  return r.rows[0]!.id;
}

const normalize = (text: string) => text.trim().toLowerCase();
