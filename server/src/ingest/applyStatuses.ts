import type pg from 'pg';
import type { EngineDeps } from '@tandem/engine/tasks';
import type { WebhookEventOf } from '../webhooks';

/** Order of delivery statuses; a status never moves backwards (a late `delivered` never overwrites `read`). */
const statusRank: Record<string, number> = { pending: 0, held: 0, sending: 0, sent: 10, failed: 15, delivered: 20, read: 30, played: 40 };

/**
 * Status webhooks update outbound messages monotonically. A failure arriving after the send was
 * accepted is recorded with its error; 131050 also records the marketing opt-out.
 */
export async function applyStatuses(workspaceId: string, statuses: WebhookEventOf<'status'>[], pool: pg.Pool, deps: EngineDeps): Promise<void> {
  for (const s of [...statuses].sort((a, b) => a.at.localeCompare(b.at))) {
    const rank = statusRank[s.status] ?? 0;
    const updated = await pool.query<{ contact_id: number }>(
      `UPDATE messages SET status = $3, status_rank = $4, error = COALESCE($5, error), updated_at = now()
       WHERE workspace_id = $1 AND wamid = $2 AND status_rank < $4 AND NOT (status = 'failed' AND $3 <> 'failed' AND $4 < 20)
       RETURNING contact_id`,
      [
        workspaceId,
        s.wamid,
        s.status,
        rank,
        s.errors?.length ? { code: String(s.errors[0]!.code), message: s.errors[0]!.message ?? s.errors[0]!.title, async: true } : null,
      ],
    );
    const contactId = updated.rows[0]?.contact_id;
    if (contactId !== undefined && s.errors?.some((e) => e.code === 131050)) {
      await pool.query(
        `UPDATE contacts SET marketing_consent = 'opted_out', consent_changed_at = $2, consent_source = 'whatsapp error 131050', updated_at = now() WHERE id = $1 AND marketing_consent <> 'opted_out'`,
        [contactId, s.at],
      );
      deps.logger.info({ workspaceId, contactId }, 'marketing opt-out recorded from a failed status (131050)');
    }
  }
}
