const units = [
  { ms: 86_400_000, one: 'day', many: 'days' },
  { ms: 3_600_000, one: 'hour', many: 'hours' },
  { ms: 60_000, one: 'minute', many: 'minutes' },
  { ms: 1_000, one: 'second', many: 'seconds' },
] as const;

/** How long passed between two times, in at most two units: "1 hour", "2 days 3 hours", "less than a second". */
export function spanText(from: string | Date, to: string | Date): string {
  let left = Math.max(0, new Date(to).getTime() - new Date(from).getTime());
  const parts: string[] = [];
  for (const u of units) {
    if (parts.length === 2) break;
    const n = Math.floor(left / u.ms);
    if (n > 0) {
      parts.push(`${n} ${n === 1 ? u.one : u.many}`);
      left -= n * u.ms;
    } else if (parts.length > 0) break;
  }
  return parts.length ? parts.join(' ') : 'less than a second';
}

/** "Tue 2 Dec" — the day a group of log lines happened on. */
export function dayText(at: string | Date, locale?: string): string {
  return new Date(at).toLocaleDateString(locale, { weekday: 'short', day: 'numeric', month: 'short' });
}

/** "10:02" — the time of one log line. */
export function clockText(at: string | Date, locale?: string): string {
  return new Date(at).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
}

/** "2 Dec, 10:02" — a moment outside a day group. */
export function momentText(at: string | Date, locale?: string): string {
  return new Date(at).toLocaleString(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}
