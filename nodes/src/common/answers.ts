/** Reading what a contact typed as a number, email, phone or date. Each returns undefined when it is not one. */

const currency = /[€$£¥₹\s]/g;

/**
 * "350000", "350,000", "350.000" and "350.000,50" (a single separator before exactly three digits
 * groups thousands), "1,5", "0.500", "350k", "2.5m".
 */
export function parseNumber(text: string): number | undefined {
  let s = text.trim().toLowerCase().replace(currency, '');
  let factor = 1;
  if (/^[-+]?[\d.,]+[km]$/.test(s)) {
    factor = s.endsWith('k') ? 1_000 : 1_000_000;
    s = s.slice(0, -1);
  }
  if (!/^[-+]?\d[\d.,]*$/.test(s)) return undefined;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  let normalized: string;
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    normalized = s.split(thousands).join('').replace(decimal, '.');
  } else if (lastComma >= 0 || lastDot >= 0) {
    const sep = lastComma >= 0 ? ',' : '.';
    const groups = s.split(sep);
    const thousands = groups.length > 2 || (groups.length === 2 && groups[1]!.length === 3 && !/^[-+]?0$/.test(groups[0]!));
    normalized = thousands ? groups.join('') : groups.join('.');
  } else {
    normalized = s;
  }
  const n = Number(normalized) * factor;
  return Number.isFinite(n) ? n : undefined;
}

export function parseEmail(text: string): string | undefined {
  const s = text.trim();
  return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(s) ? s.toLowerCase() : undefined;
}

/** A phone number with 7 to 15 digits; kept with a leading + when given one. */
export function parsePhone(text: string): string | undefined {
  const s = text.trim();
  if (!/^\+?[\d\s().-]{7,25}$/.test(s)) return undefined;
  const digits = s.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return undefined;
  return s.startsWith('+') ? `+${digits}` : digits;
}

/** "2026-12-01", "1.12.2026", "01/12/2026" (day first), "today", "tomorrow" → YYYY-MM-DD. */
export function parseDate(text: string, today: { year: number; month: number; day: number }): string | undefined {
  const s = text.trim().toLowerCase();
  const make = (y: number, m: number, d: number) => {
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
    return date.toISOString().slice(0, 10);
  };
  if (s === 'today' || s === 'tomorrow') {
    const base = new Date(Date.UTC(today.year, today.month - 1, today.day + (s === 'tomorrow' ? 1 : 0)));
    return base.toISOString().slice(0, 10);
  }
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return make(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$/.exec(s);
  if (m) {
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return make(year, Number(m[2]), Number(m[1]));
  }
  return undefined;
}

/** Lower-case, trimmed, without surrounding punctuation: how choices are compared. */
export function normalizeChoice(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}
