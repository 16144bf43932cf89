import { z } from 'zod';
import { defineEffect, defineRuntime, type RuntimeCaps, type Scope } from '../defineRuntime';
import type { ReportConversionConfig } from './definition';

/** Reports the conversion through the engine, which attaches the run's ad click and logs the report. */
const report = defineEffect({
  payload: z.object({ eventName: z.string(), value: z.number().nullable(), currency: z.string().nullable() }),
  payloadFrom: (c: ReportConversionConfig, { scope, caps }) => ({
    eventName: c.event,
    value: c.value ? numberOf(c.value, scope, caps) : null,
    currency: c.currency ? currencyOf(c.currency, scope, caps) : null,
  }),
  run: (payload, ports) => ports.reportConversion(payload),
});

export const reportConversionRuntime = defineRuntime<ReportConversionConfig>({
  effects: { report },
});

/** The value expression's number (a numeric string counts); null when it fails or is not a number. */
function numberOf(expression: string, scope: Scope, caps: RuntimeCaps): number | null {
  try {
    const v = caps.evaluate(expression, scope);
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    return typeof n === 'number' && Number.isFinite(n) ? n : typeof n === 'bigint' ? Number(n) : null;
  } catch {
    return null;
  }
}

/** A three-letter code as written, else the expression's text in capitals; null when it fails. */
function currencyOf(currency: string, scope: Scope, caps: RuntimeCaps): string | null {
  if (/^[A-Z]{3}$/.test(currency)) return currency;
  try {
    const v = caps.evaluate(currency, scope);
    return typeof v === 'string' && v.trim() !== '' ? v.trim().toUpperCase() : null;
  } catch {
    return null;
  }
}
