import type pg from 'pg';
import { marketOf, messageCost } from '@tandem/shared';
import { workspaceRates } from '../services/workspaceRates';
import type { WebhookEventOf } from '../webhooks';

/**
 * Records the `pricing` objects of a batch of status webhooks on their messages: Meta's category,
 * type and billable, and the cost by the workspace's rate table for the contact's market (0 when
 * not billable). The rates are loaded once and the batch is written in one statement.
 */
export async function applyPricing(workspaceId: string, statuses: WebhookEventOf<'status'>[], pool: pg.Pool): Promise<void> {
  const pricing = new Map<string, { category: string | null; type: string | null; billable: boolean | null }>();
  for (const s of statuses) {
    if (!s.pricing) continue;
    pricing.set(s.wamid, { category: s.pricing.category ?? null, type: s.pricing.type ?? null, billable: s.pricing.billable ?? null });
  }
  if (pricing.size === 0) return;
  const rates = await workspaceRates(pool, workspaceId);
  const found = await pool.query<{ wamid: string; number: string | null }>(
    `SELECT m.wamid, COALESCE(c.wa_id, c.phone) AS number FROM messages m JOIN contacts c ON c.id = m.contact_id
     WHERE m.workspace_id = $1 AND m.wamid = ANY($2::text[])`,
    [workspaceId, [...pricing.keys()]],
  );
  const rows = found.rows.map((r) => {
    const p = pricing.get(r.wamid)!;
    const known = p.category !== null && p.billable !== null && r.number !== null;
    const cost = known ? messageCost(rates, { market: marketOf(rates, r.number!), category: p.category!, billable: p.billable! }) : null;
    return { wamid: r.wamid, category: p.category, type: p.type, billable: p.billable, cost };
  });
  if (rows.length === 0) return;
  await pool.query(
    `UPDATE messages m SET pricing_category = x.category, pricing_type = x.type, billable = x.billable, cost = x.cost,
       cost_currency = CASE WHEN x.cost IS NULL THEN NULL ELSE $3 END, updated_at = now()
     FROM jsonb_to_recordset($2::jsonb) AS x(wamid text, category text, type text, billable boolean, cost double precision)
     WHERE m.workspace_id = $1 AND m.wamid = x.wamid`,
    [workspaceId, JSON.stringify(rows), rates.currency],
  );
}
