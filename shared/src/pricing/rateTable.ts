import { z } from 'zod';

const rate = z.number().min(0).max(100);

/** What one delivered template costs per category, in the table's currency. */
export const categoryRatesSchema = z.object({ marketing: rate, utility: rate, authentication: rate });
export type CategoryRates = z.infer<typeof categoryRatesSchema>;

/** The template categories a rate table prices (service messages are free). */
export const pricedCategories = ['marketing', 'utility', 'authentication'] as const;
export type PricedCategory = (typeof pricedCategories)[number];

/** A market: the calling codes (digits, no '+') of its numbers and its rates. */
export const marketRatesSchema = z.object({
  name: z.string().trim().min(1).max(60),
  prefixes: z
    .array(z.string().regex(/^\d{1,6}$/, 'A calling code is 1 to 6 digits'))
    .min(1)
    .max(50),
  rates: categoryRatesSchema,
});
export type MarketRates = z.infer<typeof marketRatesSchema>;

/** Per-message template rates per market; numbers matching no market's prefix cost `other`. */
export const rateTableSchema = z
  .object({
    currency: z.literal('USD'),
    markets: z.array(marketRatesSchema).max(200),
    other: categoryRatesSchema,
  })
  .superRefine((t, ctx) => {
    const names = new Set<string>();
    t.markets.forEach((m, i) => {
      if (names.has(m.name)) ctx.addIssue({ code: 'custom', path: ['markets', i, 'name'], message: `Market "${m.name}" is listed twice` });
      names.add(m.name);
    });
  });
export type RateTable = z.infer<typeof rateTableSchema>;

/** The market name used for numbers matching no market of the table. */
export const otherMarket = 'Other';

/**
 * The built-in rate table. The figures are approximate defaults taken from Meta's per-message
 * rate card (USD, base tier); each workspace should check them against its own rate card and
 * volume tier and edit them in the workspace settings.
 */
export const defaultRateTable: RateTable = {
  currency: 'USD',
  markets: [
    { name: 'Germany', prefixes: ['49'], rates: { marketing: 0.1365, utility: 0.0456, authentication: 0.0636 } },
    { name: 'United Kingdom', prefixes: ['44'], rates: { marketing: 0.0529, utility: 0.022, authentication: 0.0358 } },
    { name: 'Spain', prefixes: ['34'], rates: { marketing: 0.0615, utility: 0.02, authentication: 0.0338 } },
    { name: 'India', prefixes: ['91'], rates: { marketing: 0.0118, utility: 0.0014, authentication: 0.0014 } },
    { name: 'Brazil', prefixes: ['55'], rates: { marketing: 0.0625, utility: 0.0068, authentication: 0.0315 } },
    { name: 'Indonesia', prefixes: ['62'], rates: { marketing: 0.0411, utility: 0.025, authentication: 0.03 } },
    { name: 'Mexico', prefixes: ['52'], rates: { marketing: 0.0305, utility: 0.0085, authentication: 0.0239 } },
    { name: 'North America', prefixes: ['1'], rates: { marketing: 0.025, utility: 0.004, authentication: 0.0135 } },
  ],
  other: { marketing: 0.0604, utility: 0.0077, authentication: 0.0424 },
};
