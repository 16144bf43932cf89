import type pg from 'pg';
import { ConfigurationError, ConflictError, NotFoundError, marketOf, rateOf, type RateTable } from '@tandem/shared';
import { definitionOf } from '@tandem/nodes';
import { runtimeOf } from '@tandem/nodes/runtime';
import { compileVersion, contactView, runtimeCaps, type CompiledVersion } from '@tandem/engine/runtime';
import { contactFromRow, type ContactRow } from '../store/rows';
import { workspaceRates } from './workspaceRates';

/** Contacts read per query while counting a broadcast's audience. */
const PAGE = 1_000;

export interface CostEstimate {
  currency: string;
  /** Every template the journey may send, sent once per contact: what one contact costs per market. */
  perContact: { market: string; cost: number }[];
  /** The broadcast audience today (null when the flow has no broadcast trigger). */
  audience: number | null;
  lines: { market: string; contacts: number; perContact: number; cost: number }[];
  /** Σ contacts × per-contact cost over the markets; null without a broadcast audience. */
  total: number | null;
  /** The lowest budget of the flow's triggers; null when none has one. */
  budget: number | null;
}

/**
 * What the flow's draft would cost: the templates its steps may send a contact (each once),
 * priced by the workspace's rate table per market, times its broadcast audience per market.
 */
export async function estimateFlowCost(pool: pg.Pool, workspaceId: string, flowId: string): Promise<CostEstimate> {
  const flow = (
    await pool.query<{ draft: unknown; now: Date }>(
      `SELECT f.draft, now() + w.clock_offset_ms * interval '1 millisecond' AS now FROM flows f JOIN workspaces w ON w.id = f.workspace_id
       WHERE f.id = $1 AND f.workspace_id = $2 AND f.archived_at IS NULL`,
      [flowId, workspaceId],
    )
  ).rows[0];
  if (!flow) throw new NotFoundError('Flow');
  const version = compiledDraft(flowId, flow.draft);
  const rates = await workspaceRates(pool, workspaceId);
  const perContactIn = (market: string) => sendsOf(version).reduce((sum, category) => sum + rateOf(rates, market, category), 0);
  const audience = await audienceByMarket(pool, workspaceId, version, rates, flow.now);
  const lines = audience
    ? [...audience].map(([market, contacts]) => ({ market, contacts, perContact: perContactIn(market), cost: contacts * perContactIn(market) }))
    : [];
  return {
    currency: rates.currency,
    perContact: [...rates.markets.map((m) => m.name), 'Other'].map((market) => ({ market, cost: perContactIn(market) })),
    audience: audience ? lines.reduce((n, l) => n + l.contacts, 0) : null,
    lines,
    total: audience ? lines.reduce((sum, l) => sum + l.cost, 0) : null,
    budget: budgetOf(version),
  };
}

/** Refuses (409 over_budget) to publish a flow whose broadcast estimate is above its budget. */
export async function assertWithinBudget(pool: pg.Pool, workspaceId: string, flowId: string): Promise<void> {
  // A draft with errors is refused by publishing itself, with its diagnostics.
  const estimate = await estimateFlowCost(pool, workspaceId, flowId).catch((e: unknown) => {
    if (e instanceof ConfigurationError) return null;
    throw e;
  });
  if (!estimate) return;
  if (estimate.budget === null || estimate.total === null || estimate.total <= estimate.budget) return;
  const money = (n: number) => `${n.toFixed(2)} ${estimate.currency}`;
  throw new ConflictError(
    'over_budget',
    `One sending is estimated at ${money(estimate.total)} for ${estimate.audience} contacts, over the budget of ${money(estimate.budget)}: confirm to publish anyway`,
  );
}

function budgetOf(version: CompiledVersion): number | null {
  const budgets = version.triggers.flatMap((t) => definitionOf(t.type).analysis.budget?.(t.config) ?? []);
  return budgets.length > 0 ? Math.min(...budgets) : null;
}

function compiledDraft(flowId: string, draft: unknown): CompiledVersion {
  try {
    return compileVersion(0, flowId, draft);
  } catch {
    throw new ConfigurationError('The flow has errors: fix them to see its cost', [], 'flow_invalid');
  }
}

function sendsOf(version: CompiledVersion) {
  return [...version.nodes.values()].flatMap((n) => definitionOf(n.type).analysis.sends?.(n.config) ?? []).map((s) => s.category);
}

/** The contacts the flow's broadcast triggers select today, counted per market; null without one. */
async function audienceByMarket(pool: pg.Pool, workspaceId: string, version: CompiledVersion, rates: RateTable, now: Date) {
  const broadcasts = version.triggers.flatMap((t) => {
    const broadcast = runtimeOf(t.type).broadcast;
    return broadcast ? [{ config: t.config, broadcast }] : [];
  });
  if (broadcasts.length === 0) return null;
  const counts = new Map<string, number>();
  for (let cursor = 0; ; ) {
    const page = (await pool.query<ContactRow>('SELECT * FROM contacts WHERE workspace_id = $1 AND id > $2 ORDER BY id LIMIT $3', [workspaceId, cursor, PAGE]))
      .rows;
    for (const row of page) {
      const contact = contactFromRow(row);
      const facts = { tags: contact.tags, marketingConsent: contact.marketingConsent, view: contactView(contact, version.contactFields, now) };
      if (!broadcasts.some((b) => b.broadcast.inAudience(b.config, facts, runtimeCaps, now))) continue;
      const market = marketOf(rates, row.wa_id ?? row.phone ?? '');
      counts.set(market, (counts.get(market) ?? 0) + 1);
    }
    if (page.length < PAGE) return counts;
    cursor = page[page.length - 1]!.id;
  }
}
