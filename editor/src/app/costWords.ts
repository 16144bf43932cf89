import { definitionOf, isNodeType, parseNodeConfig, type TemplateSend } from '@tandem/nodes';
import type { FlowNode } from '@tandem/shared';
import type { ResponseOf, endpoints } from '@tandem/shared/api';

type CostEstimate = ResponseOf<typeof endpoints.flowCostEstimate>;
type Category = TemplateSend['category'];

/** What the publish dialog says about a flow's cost. */
export interface CostWords {
  /** "One sending to 3 contacts: about $0.27 (1 of them free now: …)" or "Each contact costs up to …". */
  summary: string;
  /** A broadcast's lines, per market; empty for a journey. */
  lines: { market: string; contacts: string; free: string; each: string; cost: string }[];
  /** A journey's price per market ("Germany $0.1475 · … · elsewhere $0.0500"); null for a broadcast. */
  byMarket: string | null;
  /** "Budget $1.00", with "over budget" when the estimate is above it; null without one. */
  budget: string | null;
}

/**
 * The words for a cost estimate: a broadcast's one sending to its audience as it is now, with its
 * lines and budget, or a journey's highest price per contact and its price per market.
 */
export function costWords(estimate: CostEstimate, sends: readonly Category[], locale?: string): CostWords {
  const money = (v: number) => formatPrice(v, estimate.currency, locale);
  const count = (n: number) => new Intl.NumberFormat(locale).format(n);
  const budget =
    estimate.budget === null
      ? null
      : `Budget ${money(estimate.budget)}${estimate.total !== null && estimate.total > estimate.budget ? ': this sending is over budget' : ''}`;
  if (estimate.audience !== null && estimate.total !== null) {
    const n = estimate.audience;
    const free = estimate.freeContacts ? ` (${count(estimate.freeContacts)} of them free now: open conversation or ad click)` : '';
    return {
      summary: `One sending to ${count(n)} contact${n === 1 ? '' : 's'}: about ${money(estimate.total)}${free}`,
      lines: [...estimate.lines]
        .sort((a, b) => b.contacts - a.contacts || a.market.localeCompare(b.market))
        .map((l) => ({ market: l.market, contacts: count(l.contacts), free: count(l.free), each: money(l.perContact), cost: money(l.cost) })),
      byMarket: null,
      budget,
    };
  }
  const highest = Math.max(0, ...estimate.perContact.map((p) => p.cost));
  return {
    summary: `Each contact costs up to ${money(highest)} (templates: ${templateList(sends)})`,
    lines: [],
    byMarket: estimate.perContact.map((p) => `${p.market === 'Other' ? 'elsewhere' : p.market} ${money(p.cost)}`).join(' · '),
    budget,
  };
}

/** The template categories the flow's steps may send, one per template (a step whose settings do not parse sends none). */
export function templateSends(doc: { nodes: readonly Pick<FlowNode, 'type' | 'data'>[] }): Category[] {
  return doc.nodes.flatMap((n) => {
    if (!isNodeType(n.type)) return [];
    const def = definitionOf(n.type);
    const parsed = parseNodeConfig(def, n.data);
    return parsed.ok ? (def.analysis.sends?.(parsed.config) ?? []).map((s) => s.category) : [];
  });
}

const categoryOrder: readonly Category[] = ['marketing', 'utility', 'authentication'];

/** "2 marketing, 1 utility". */
function templateList(sends: readonly Category[]): string {
  return categoryOrder
    .map((c) => [c, sends.filter((s) => s === c).length] as const)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${n} ${c}`)
    .join(', ');
}

/** "$0.1365": template rates need more than cents. */
function formatPrice(value: number, currency: string, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(value);
  } catch {
    // Not an ISO currency code: the number and the code.
    return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(value)} ${currency}`;
  }
}
