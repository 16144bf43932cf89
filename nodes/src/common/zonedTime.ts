/** Wall-clock parts of an instant in a time zone. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Monday … 6 = Sunday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const weekdayIndex: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function wallTime(instant: Date, timeZone: string): WallTime {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: weekdayIndex[parts.weekday ?? 'Mon'] ?? 0,
  };
}

/**
 * The instant when the clock in `timeZone` reaches the given wall time for good: the first instant
 * from which on it shows that time or later.
 * - An ordinary wall time: the one instant the clock shows it.
 * - A spring-forward gap (the clock never shows it, e.g. Europe/Berlin 2026-03-29 02:30, when the
 *   clock jumps from 02:00 to 03:00): the first instant after the gap, when the clock jumps
 *   (01:00Z, shown as 03:00). Every wall time in the gap gives that same instant.
 * - A fall-back overlap (the clock shows the time twice, e.g. Europe/Berlin 2026-10-25 02:30 at
 *   00:30Z in summer time and again at 01:30Z in winter time): the later instant, 01:30Z. Between
 *   the two the clock goes back to earlier times, so only from the second showing on does it stay
 *   at or past this time: quiet hours ending at 02:30 are over then, and while the clock shows an
 *   earlier time of that day the answer is still ahead.
 * Minute precision; assumes the zone changes its offset at most once within 15 hours either side.
 */
export function zonedInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Offsets lie within −12 h…+14 h, so the instant lies between these two samples.
  const before = offsetAt(wall - SPAN_MS, timeZone);
  const after = offsetAt(wall + SPAN_MS, timeZone);
  const shown = [wall - before, wall - after].filter((t) => offsetAt(t, timeZone) === wall - t);
  if (shown.length > 0) return new Date(Math.max(...shown));
  if (after <= before) return new Date(wall - before); // not reachable with at most one offset change
  // A gap: just before the jump the clock shows less than `wall`, from the jump on more.
  let lo = wall - after;
  let hi = wall - before;
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (mid + offsetAt(mid, timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

const MINUTE_MS = 60_000;
const SPAN_MS = 15 * 60 * MINUTE_MS;

/** How far the clock in `timeZone` is ahead of UTC at `t`, in ms (whole minutes). */
function offsetAt(t: number, timeZone: string): number {
  const at = Math.floor(t / MINUTE_MS) * MINUTE_MS;
  const w = wallTime(new Date(at), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - at;
}

/**
 * The next instant strictly after `after` when the local clock shows `hh:mm`, on one of `weekdays`
 * (all when empty). Each local day counts once, at `zonedInstant`'s instant: on the night of a
 * spring-forward gap that swallows `hh:mm`, the end of the gap; on the night of a fall-back overlap
 * that shows it twice, the second showing only.
 */
export function nextLocalTime(after: Date, time: string, timeZone: string, weekdays: readonly number[] = []): Date {
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const start = wallTime(after, timeZone);
  for (let offset = 0; offset <= 8; offset++) {
    const day = new Date(Date.UTC(start.year, start.month - 1, start.day + offset));
    const candidate = zonedInstant(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), hh, mm, timeZone);
    if (candidate.getTime() <= after.getTime()) continue;
    if (weekdays.length && !weekdays.includes(wallTime(candidate, timeZone).weekday)) continue;
    return candidate;
  }
  throw new Error(`no ${time} within a week in ${timeZone}`);
}
