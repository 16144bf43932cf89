import type pg from 'pg';
import { echoText } from '@tandem/engine/policy';
import type { WebhookEventOf } from '../webhooks';
import { wakeSenders } from '../store/outbox';

/**
 * A person replied from the WhatsApp Business App (an echo): it is stored in the thread as an App
 * message, never opens or extends the 24-hour window, and is recorded on the contact as the last
 * App reply with its text — in one statement, so a retried delivery neither loses nor repeats it.
 * Nothing is paused here: each journey judges its own human-reply rule from that reply when it is
 * about to speak (see humanHold), whether it was running then or starts later. Messages held for
 * a person are looked at again now, since this reply may end a hold (a resume keyword) or move it.
 */
export async function applyEcho(pool: pg.Pool, workspaceId: string, e: WebhookEventOf<'echo'>): Promise<number> {
  const contactId = await contactByWaId(pool, workspaceId, e.to);
  await pool.query(
    `WITH stored AS (
       INSERT INTO messages (workspace_id, contact_id, direction, wamid, type, content, status, status_rank, at, updated_at)
       VALUES ($1, $2, 'echo', $3, $4, $5, 'sent', 10, $6, now()) ON CONFLICT (wamid) DO NOTHING RETURNING contact_id
     ), c AS (
       UPDATE contacts SET
         last_app_reply_at = GREATEST(last_app_reply_at, $6),
         last_echo_text = CASE WHEN last_echo_at IS NULL OR last_echo_at <= $6 THEN $7 ELSE last_echo_text END,
         last_echo_at = GREATEST(last_echo_at, $6),
         updated_at = now()
       WHERE id IN (SELECT contact_id FROM stored) RETURNING id
     ), held AS (
       UPDATE messages SET send_after = now() WHERE id IN (
         SELECT m.id FROM messages m JOIN c ON m.contact_id = c.id
         WHERE m.direction = 'out' AND m.status = 'held' AND m.error ->> 'held' IN ('human_active', 'collision_guard')
         FOR UPDATE OF m SKIP LOCKED)
       RETURNING id
     )
     SELECT ${wakeSenders} WHERE EXISTS (SELECT 1 FROM held)`,
    [workspaceId, contactId, e.wamid, e.type, { ...e.content, text: e.text }, e.at, echoText(e.text ?? '')],
  );
  return contactId;
}

export async function contactByWaId(pool: pg.Pool, workspaceId: string, waId: string): Promise<number> {
  const r = await pool.query<{ id: number }>(
    `INSERT INTO contacts (workspace_id, wa_id, phone) VALUES ($1, $2, '+' || $2)
     ON CONFLICT (workspace_id, wa_id) DO UPDATE SET updated_at = contacts.updated_at RETURNING id`,
    [workspaceId, waId],
  );
  return r.rows[0]!.id;
}
