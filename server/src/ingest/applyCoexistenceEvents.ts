import type pg from 'pg';
import type { EngineDeps } from '@tandem/engine/tasks';
import type { WebhookEvent } from '../webhooks';

/**
 * Signals from the Business App and Meta's account side. Echoes are stored in the thread as
 * App messages and never touch the 24-hour window; template and account updates are recorded.
 */
export async function applyCoexistenceEvents(workspaceId: string, events: WebhookEvent[], pool: pg.Pool, deps: EngineDeps): Promise<void> {
  for (const e of events) {
    switch (e.eventType) {
      case 'echo': {
        const contact = await contactByWaId(pool, workspaceId, e.to);
        await pool.query(
          `INSERT INTO messages (workspace_id, contact_id, direction, wamid, type, content, status, status_rank, at, updated_at)
           VALUES ($1, $2, 'echo', $3, $4, $5, 'sent', 10, $6, now()) ON CONFLICT (wamid) DO NOTHING`,
          [workspaceId, contact, e.wamid, e.type, { ...e.content, text: e.text }, e.at],
        );
        await pool.query('UPDATE contacts SET last_app_reply_at = GREATEST(last_app_reply_at, $2), updated_at = now() WHERE id = $1', [contact, e.at]);
        break;
      }
      case 'template_status':
        await pool.query(
          `UPDATE templates SET status = $4, info = jsonb_set(info, '{status}', to_jsonb($4::text)), updated_at = now() WHERE workspace_id = $1 AND name = $2 AND language = $3`,
          [workspaceId, e.name, e.language, e.event === 'REINSTATED' || e.event === 'UNARCHIVED' ? 'APPROVED' : e.event],
        );
        break;
      case 'account_update':
        if (e.event === 'PARTNER_REMOVED' || e.event === 'ACCOUNT_OFFBOARDED') {
          await pool.query('UPDATE workspaces SET sends_paused_reason = $2, sends_paused_at = now() WHERE id = $1', [workspaceId, `WhatsApp ${e.event}${e.reason ? ` (${e.reason})` : ''}`]);
          deps.logger.warn({ workspaceId, event: e.event, reason: e.reason }, 'number disconnected: sends paused');
        }
        break;
      default:
        break;
    }
  }
}

/** Finds or creates the contact a business message went to. */
async function contactByWaId(pool: pg.Pool, workspaceId: string, waId: string): Promise<number> {
  const r = await pool.query<{ id: number }>(
    `INSERT INTO contacts (workspace_id, wa_id, phone) VALUES ($1, $2, '+' || $2)
     ON CONFLICT (workspace_id, wa_id) DO UPDATE SET updated_at = contacts.updated_at RETURNING id`,
    [workspaceId, waId],
  );
  return r.rows[0]!.id;
}
