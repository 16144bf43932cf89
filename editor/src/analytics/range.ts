/** The period analytics cover. */
export type RangeChoice = { kind: 'all' } | { kind: 'days'; days: number } | { kind: 'custom'; from: string; to: string };

/**
 * The `from` / `to` query of a period. "Last N days" counts back from `now` (the workspace's
 * clock: a sandbox may be fast-forwarded); dates are whole local days, `to` included.
 */
export function rangeQuery(range: RangeChoice, now: Date = new Date()): { from?: string; to?: string } {
  if (range.kind === 'days') return { from: new Date(now.getTime() - range.days * 86_400_000).toISOString() };
  if (range.kind === 'custom') {
    const from = localDay(range.from);
    const to = localDay(range.to);
    return { ...(from ? { from: from.toISOString() } : {}), ...(to ? { to: new Date(to.getTime() + 86_400_000 - 1).toISOString() } : {}) };
  }
  return {};
}

function localDay(date: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const d = new Date(`${date}T00:00:00`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
