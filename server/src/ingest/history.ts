import type pg from 'pg';
import type { WebhookEventOf } from '../webhooks';
import { contactByWaId } from './humanReplies';
import { raiseAlert } from './alerts';

const statusOf: Record<string, string> = { DELIVERED: 'delivered', READ: 'read', PLAYED: 'played', SENT: 'sent', PENDING: 'sent', ERROR: 'failed' };
const rankOf: Record<string, number> = { sent: 10, failed: 15, delivered: 20, read: 30, played: 40, received: 0 };

/**
 * A chunk of the Business App's chat history (up to 180 days, three phases, chunks in any
 * order): messages go into their threads by timestamp, duplicates are ignored, and no flow is
 * ever started. Manual messages from the business count as App conversations for entry rules.
 */
export async function applyHistoryChunk(pool: pg.Pool, workspaceId: string, e: WebhookEventOf<'history_chunk'>): Promise<number> {
  let imported = 0;
  for (const thread of e.threads) {
    const contactId = await contactByWaId(pool, workspaceId, thread.waId);
    let lastBusiness: string | undefined;
    for (const m of thread.messages) {
      const status = m.fromBusiness ? (statusOf[(m.status ?? '').toUpperCase()] ?? 'sent') : 'received';
      const r = await pool.query(
        `INSERT INTO messages (workspace_id, contact_id, direction, wamid, type, content, status, status_rank, at, updated_at)
         VALUES ($1, $2, 'history', $3, $4, $5, $6, $7, $8, now()) ON CONFLICT (wamid) DO NOTHING`,
        [workspaceId, contactId, m.wamid, m.type, { ...m.content, text: m.text, fromBusiness: m.fromBusiness }, status, rankOf[status] ?? 0, m.at],
      );
      imported += r.rowCount ?? 0;
      if (m.fromBusiness && (!lastBusiness || m.at > lastBusiness)) lastBusiness = m.at;
    }
    if (lastBusiness) await pool.query('UPDATE contacts SET last_app_reply_at = GREATEST(last_app_reply_at, $2) WHERE id = $1', [contactId, lastBusiness]);
  }
  await pool.query(
    `UPDATE workspaces SET sync_status = jsonb_set(
       jsonb_set(sync_status, '{history}', COALESCE(sync_status -> 'history', '{}'::jsonb) || jsonb_build_object(
         'status', CASE WHEN (sync_status #>> '{history,status}') = 'declined' THEN 'declined' ELSE 'importing' END,
         'phases', COALESCE(sync_status #> '{history,phases}', '{}'::jsonb),
         'updatedAt', now())),
       ARRAY['history', 'phases', $2::text],
       jsonb_build_object(
         'progress', GREATEST(COALESCE((sync_status #>> ARRAY['history', 'phases', $2::text, 'progress'])::int, 0), $3::int),
         'chunks', COALESCE((sync_status #>> ARRAY['history', 'phases', $2::text, 'chunks'])::int, 0) + 1,
         'messages', COALESCE((sync_status #>> ARRAY['history', 'phases', $2::text, 'messages'])::int, 0) + $4::int
       ), true)
     WHERE id = $1`,
    [workspaceId, String(e.phase), e.progress, imported],
  );
  return imported;
}

/** The content of a media message whose placeholder arrived in a history chunk. */
export async function applyHistoryMedia(pool: pg.Pool, workspaceId: string, e: WebhookEventOf<'history_media'>): Promise<void> {
  await pool.query(`UPDATE messages SET type = $3, content = content || $4, updated_at = now() WHERE workspace_id = $1 AND wamid = $2`, [
    workspaceId,
    e.wamid,
    e.type,
    { ...e.content, text: e.text },
  ]);
}

/** The business turned history sharing off in the App (error 2593109): nothing will come. */
export async function applyHistoryError(pool: pg.Pool, workspaceId: string, e: WebhookEventOf<'history_error'>): Promise<void> {
  await pool.query(
    `UPDATE workspaces SET sync_status = jsonb_set(sync_status, '{history}', COALESCE(sync_status -> 'history', '{}'::jsonb) || jsonb_build_object('status', 'declined', 'error', $2::text)) WHERE id = $1`,
    [workspaceId, `${e.code}: ${e.title}`],
  );
  await raiseAlert(pool, workspaceId, 'history_declined', `Chat history was not shared (${e.code}: ${e.title})`);
}

/** Contacts from the Business App's address book: names added or updated, removals recorded. */
export async function applyContactSync(pool: pg.Pool, workspaceId: string, e: WebhookEventOf<'contact_sync'>): Promise<void> {
  const contactId = await contactByWaId(pool, workspaceId, e.waId);
  if (e.action === 'remove') {
    await pool.query(`UPDATE contacts SET attributes = attributes || '{"in_app_contacts": false}'::jsonb, updated_at = now() WHERE id = $1`, [contactId]);
  } else {
    await pool.query(
      `UPDATE contacts SET attributes = attributes || jsonb_strip_nulls(jsonb_build_object('app_contact_name', $2::text, 'in_app_contacts', true))
         || CASE WHEN attributes ? 'first_name' OR $3::text IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('first_name', $3::text) END,
         -- A name taken from the App's address book follows its edits; a WhatsApp profile name stays.
         profile_name = CASE WHEN profile_name IS NULL OR profile_name = attributes ->> 'app_contact_name' THEN COALESCE($2, profile_name) ELSE profile_name END,
         updated_at = now()
       WHERE id = $1`,
      [contactId, e.fullName ?? null, e.firstName ?? null],
    );
  }
  await pool.query(
    `UPDATE workspaces SET sync_status = jsonb_set(sync_status, '{contacts}', jsonb_build_object(
       'added', COALESCE((sync_status #>> '{contacts,added}')::int, 0) + $2::int,
       'removed', COALESCE((sync_status #>> '{contacts,removed}')::int, 0) + $3::int,
       'updatedAt', now()), true) WHERE id = $1`,
    [workspaceId, e.action === 'add' ? 1 : 0, e.action === 'remove' ? 1 : 0],
  );
}
