import { otherMarket, type PricedCategory, type RateTable } from './rateTable';

/**
 * The market of a phone number or WhatsApp id: the market whose calling-code prefix is the
 * longest one the digits start with; `Other` when none matches.
 */
export function marketOf(rates: RateTable, phoneOrWaId: string): string {
  const digits = phoneOrWaId.replace(/\D/g, '');
  let best: { name: string; length: number } | null = null;
  for (const m of rates.markets) {
    for (const p of m.prefixes) {
      if (digits.startsWith(p) && (!best || p.length > best.length)) best = { name: m.name, length: p.length };
    }
  }
  return best?.name ?? otherMarket;
}

/**
 * The rate-table category of one of Meta's pricing categories (status webhook `pricing.category`);
 * null for the free ones (service, referral_conversion) and ones the table does not know.
 */
export function pricedCategoryOf(metaCategory: string): PricedCategory | null {
  switch (metaCategory) {
    case 'marketing':
    case 'marketing_lite':
      return 'marketing';
    case 'utility':
      return 'utility';
    case 'authentication':
    case 'authentication-international':
      return 'authentication';
    default:
      return null;
  }
}

/** The rate of one category in a market (`Other` or an unknown name: the table's `other` rates). */
export function rateOf(rates: RateTable, market: string, category: PricedCategory): number {
  const m = rates.markets.find((x) => x.name === market);
  return (m?.rates ?? rates.other)[category];
}

/**
 * What one message costs in the table's currency: 0 when Meta says it is not billable or its
 * category is free (service, referral_conversion), else the market's rate for the category.
 */
export function messageCost(rates: RateTable, message: { market: string; category: string; billable: boolean }): number {
  if (!message.billable) return 0;
  const category = pricedCategoryOf(message.category);
  return category ? rateOf(rates, message.market, category) : 0;
}
