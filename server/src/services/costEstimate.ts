import type pg from 'pg';
import { ConfigurationError, ConflictError, NotFoundError, WINDOW_MS, marketOf, rateOf, type PricedCategory, type RateTable } from '@tandem/shared';
import { definitionOf } from '@tandem/nodes';
import { runtimeOf } from '@tandem/nodes/runtime';
import { compileVersion, contactView, runtimeCaps, type CompiledVersion } from '@tandem/engine/runtime';
import { contactFromRow, type ContactRow } from '../store/rows';
import { workspaceRates } from './workspaceRates';

/** Contacts read per query while counting a broadcast's audience. */
const PAGE = 1_000;

export interface CostEstimate {
  currency: string;
  /** Every template the journey may send, sent once per contact: what one contact with no free case costs per market. */
  perContact: { market: string; cost: number }[];
  /** The broadcast audience today (null when the flow has no broadcast trigger). */
  audience: number | null;
  /** Per market: `free` of its contacts pay less than `perContact` now; `cost` is what they all pay now. */
  lines: { market: string; contacts: number; perContact: number; free: number; cost: number }[];
  /** Σ of the lines' `free`; null without a broadcast audience. */
  freeContacts: number | null;
  /** Σ of the lines' cost; null without a broadcast audience. */
  total: number | null;
  /** The lowest budget of the flow's triggers; null when none has one. */
  budget: number | null;
}

/**
 * Why Meta would not bill a contact now: `entry` within its 72 h free entry point (everything is
 * free), `window` while its customer service window is open (utility templates are free).
 */
type FreeCase = 'none' | 'window' | 'entry';

/** How many contacts of a market's audience are in each free case. */
type MarketCount = Record<FreeCase, number>;

/**
 * What the flow's draft would cost: the templates its steps may send a contact (each once),
 * priced by the workspace's rate table per market, times its broadcast audience per market as it
 * is now (a contact in its free entry window or with an open window pays less).
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
  const sends = sendsOf(version);
  const pay = (market: string, free: FreeCase) =>
    sends.reduce((sum, category) => sum + (free === 'entry' || (free === 'window' && category === 'utility') ? 0 : rateOf(rates, market, category)), 0);
  // A free case only counts when it lowers what the contact pays.
  const freeOf = (n: MarketCount) => (sends.length > 0 ? n.entry : 0) + (sends.includes('utility') ? n.window : 0);
  const audience = await audienceByMarket(pool, workspaceId, version, rates, flow.now);
  const lines = audience
    ? [...audience].map(([market, n]) => ({
        market,
        contacts: n.none + n.window + n.entry,
        perContact: pay(market, 'none'),
        free: freeOf(n),
        cost: n.none * pay(market, 'none') + n.window * pay(market, 'window'),
      }))
    : [];
  const sum = (of: (l: (typeof lines)[number]) => number) => (audience ? lines.reduce((s, l) => s + of(l), 0) : null);
  return {
    currency: rates.currency,
    perContact: [...rates.markets.map((m) => m.name), 'Other'].map((market) => ({ market, cost: pay(market, 'none') })),
    audience: sum((l) => l.contacts),
    lines,
    freeContacts: sum((l) => l.free),
    total: sum((l) => l.cost),
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
  const free = estimate.freeContacts ? ` (${estimate.freeContacts} of them free now)` : '';
  throw new ConflictError(
    'over_budget',
    `One sending is estimated at ${money(estimate.total)} for ${estimate.audience} contacts${free}, over the budget of ${money(estimate.budget)}: confirm to publish anyway`,
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

function sendsOf(version: CompiledVersion): PricedCategory[] {
  return [...version.nodes.values()].flatMap((n) => definitionOf(n.type).analysis.sends?.(n.config) ?? []).map((s) => s.category);
}

/** The columns a contact's view (what an audience filter sees) and its free case are read from. */
const audienceColumns = [
  'id',
  'wa_id',
  'user_id',
  'phone',
  'profile_name',
  'attributes',
  'tags',
  'timezone',
  'marketing_consent',
  'created_at',
  'last_inbound_at',
  'free_entry_until',
  'last_app_reply_at',
] as const;
type AudienceRow = Pick<ContactRow, (typeof audienceColumns)[number]>;

/** The contacts the flow's broadcast triggers select now, counted per market and free case; null without one. */
async function audienceByMarket(pool: pg.Pool, workspaceId: string, version: CompiledVersion, rates: RateTable, now: Date) {
  const broadcasts = version.triggers.flatMap((t) => {
    const broadcast = runtimeOf(t.type).broadcast;
    return broadcast ? [{ config: t.config, broadcast }] : [];
  });
  if (broadcasts.length === 0) return null;
  const counts = new Map<string, MarketCount>();
  for (let cursor = 0; ; ) {
    const page = (
      await pool.query<AudienceRow>(`SELECT ${audienceColumns.join(', ')} FROM contacts WHERE workspace_id = $1 AND id > $2 ORDER BY id LIMIT $3`, [
        workspaceId,
        cursor,
        PAGE,
      ])
    ).rows;
    for (const row of page) {
      // The view reads none of the columns left out.
      const contact = contactFromRow({
        ...row,
        workspace_id: workspaceId,
        last_echo_at: null,
        last_echo_text: null,
        bot_released_at: null,
        paused_until: null,
        pause_reason: null,
      });
      const facts = { tags: contact.tags, marketingConsent: contact.marketingConsent, view: contactView(contact, version.contactFields, now) };
      if (!broadcasts.some((b) => b.broadcast.inAudience(b.config, facts, runtimeCaps, now))) continue;
      const market = marketOf(rates, row.wa_id ?? row.phone ?? '');
      const n = counts.get(market) ?? { none: 0, window: 0, entry: 0 };
      n[freeCaseOf(row, now)] += 1;
      counts.set(market, n);
    }
    if (page.length < PAGE) return counts;
    cursor = page[page.length - 1]!.id;
  }
}

function freeCaseOf(row: AudienceRow, now: Date): FreeCase {
  if (row.free_entry_until && row.free_entry_until.getTime() > now.getTime()) return 'entry';
  if (row.last_inbound_at && row.last_inbound_at.getTime() + WINDOW_MS > now.getTime()) return 'window';
  return 'none';
}
