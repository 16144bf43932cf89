import type pg from 'pg';
import type { EngineDeps } from '@tandem/engine/tasks';
import type { WebhookEventOf } from '../webhooks';
import { applyPricing } from './applyPricing';

/** Order of delivery statuses; a status never moves backwards (a late `delivered` never overwrites `read`). */
const statusRank: Record<string, number> = { pending: 0, held: 0, sending: 0, sent: 10, failed: 15, delivered: 20, read: 30, played: 40 };

/**
 * Status webhooks update outbound messages monotonically, a whole batch in one statement (a
 * message's several statuses in the batch count as its furthest one). A failure arriving after the
 * send was accepted is recorded with its error; 131050 also records the marketing opt-out; `pricing`
 * objects record the message's cost (`applyPricing`).
 */
export async function applyStatuses(workspaceId: string, statuses: WebhookEventOf<'status'>[], pool: pg.Pool, deps: EngineDeps): Promise<void> {
  if (statuses.length === 0) return;
  const furthest = new Map<string, { status: string; rank: number; error: Record<string, unknown> | null; at: string; optOut: boolean }>();
  for (const s of [...statuses].sort((a, b) => a.at.localeCompare(b.at))) {
    const rank = statusRank[s.status] ?? 0;
    const error = s.errors?.length ? { code: String(s.errors[0]!.code), message: s.errors[0]!.message ?? s.errors[0]!.title, async: true } : null;
    const optOut = s.errors?.some((e) => e.code === 131050) ?? false;
    const known = furthest.get(s.wamid);
    // As if applied one by one: a later status counts when it moves the message on (a failure is only overtaken by delivery or read).
    const moves = !known || (rank > known.rank && !(known.status === 'failed' && s.status !== 'failed' && rank < 20));
    if (moves) furthest.set(s.wamid, { status: s.status, rank, error: error ?? known?.error ?? null, at: s.at, optOut: optOut || (known?.optOut ?? false) });
    else if (known && optOut) known.optOut = true;
  }
  const rows = [...furthest].map(([wamid, f]) => ({ wamid, status: f.status, rank: f.rank, error: f.error }));
  const updated = await pool.query<{ contact_id: number; wamid: string }>(
    `UPDATE messages m SET status = x.status, status_rank = x.rank, error = COALESCE(x.error, m.error), updated_at = now()
     FROM jsonb_to_recordset($2::jsonb) AS x(wamid text, status text, rank int, error jsonb)
     WHERE m.workspace_id = $1 AND m.wamid = x.wamid AND m.status_rank < x.rank AND NOT (m.status = 'failed' AND x.status <> 'failed' AND x.rank < 20)
     RETURNING m.contact_id, m.wamid`,
    [workspaceId, JSON.stringify(rows)],
  );
  await applyPricing(workspaceId, statuses, pool);
  for (const row of updated.rows) {
    const f = furthest.get(row.wamid);
    if (!f?.optOut) continue;
    await pool.query(
      `UPDATE contacts SET marketing_consent = 'opted_out', consent_changed_at = $2, consent_source = 'whatsapp error 131050', updated_at = now() WHERE id = $1 AND marketing_consent <> 'opted_out'`,
      [row.contact_id, f.at],
    );
    deps.logger.info({ workspaceId, contactId: row.contact_id }, 'marketing opt-out recorded from a failed status (131050)');
  }
}
