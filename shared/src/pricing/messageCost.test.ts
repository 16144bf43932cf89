import { describe, expect, it } from 'vitest';
import { marketOf, messageCost, pricedCategoryOf } from './messageCost';
import { defaultRateTable, type RateTable, rateTableSchema } from './rateTable';

const table: RateTable = {
  currency: 'USD',
  markets: [
    { name: 'North America', prefixes: ['1'], rates: { marketing: 0.025, utility: 0.004, authentication: 0.0135 } },
    { name: 'Jamaica', prefixes: ['1876'], rates: { marketing: 0.1, utility: 0.2, authentication: 0.3 } },
    { name: 'Germany', prefixes: ['49'], rates: { marketing: 0.1365, utility: 0.0456, authentication: 0.0636 } },
  ],
  other: { marketing: 0.06, utility: 0.007, authentication: 0.04 },
};

describe('rateTableSchema', () => {
  it('accepts the default table', () => {
    expect(rateTableSchema.parse(defaultRateTable)).toEqual(defaultRateTable);
  });
  it('rejects a negative rate, a prefix with a plus and a market listed twice', () => {
    const bad = {
      ...table,
      markets: [
        { name: 'A', prefixes: ['+49'], rates: { marketing: -1, utility: 0, authentication: 0 } },
        { name: 'A', prefixes: ['49'], rates: { marketing: 1, utility: 0, authentication: 0 } },
      ],
    };
    const r = rateTableSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['markets.0.prefixes.0', 'markets.0.rates.marketing', 'markets.1.name']);
  });
});

describe('marketOf', () => {
  it('picks the longest calling-code prefix', () => {
    expect(marketOf(table, '18765550100')).toBe('Jamaica');
    expect(marketOf(table, '12025550100')).toBe('North America');
  });
  it('reads a number with a plus and spaces', () => {
    expect(marketOf(table, '+49 151 2345678')).toBe('Germany');
  });
  it('is Other when no prefix matches', () => {
    expect(marketOf(table, '33612345678')).toBe('Other');
  });
});

describe('messageCost', () => {
  it('prices marketing and marketing_lite at the market marketing rate', () => {
    expect(messageCost(table, { market: 'Germany', category: 'marketing', billable: true })).toBe(0.1365);
    expect(messageCost(table, { market: 'Germany', category: 'marketing_lite', billable: true })).toBe(0.1365);
  });
  it('prices authentication-international as authentication', () => {
    expect(messageCost(table, { market: 'Jamaica', category: 'authentication-international', billable: true })).toBe(0.3);
  });
  it('prices a market not in the table at the other rates', () => {
    expect(messageCost(table, { market: 'Other', category: 'utility', billable: true })).toBe(0.007);
  });
  it('is 0 when not billable (utility inside the window)', () => {
    expect(messageCost(table, { market: 'Germany', category: 'utility', billable: false })).toBe(0);
  });
  it('is 0 for service and referral_conversion even when marked billable', () => {
    expect(messageCost(table, { market: 'Germany', category: 'service', billable: true })).toBe(0);
    expect(messageCost(table, { market: 'Germany', category: 'referral_conversion', billable: true })).toBe(0);
  });
});

describe('pricedCategoryOf', () => {
  it('is null for an unknown category', () => {
    expect(pricedCategoryOf('something_new')).toBeNull();
  });
});
