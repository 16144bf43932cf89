import { durationToMs } from '@tandem/shared';
import { defineRuntime } from '../defineRuntime';
import { nextLocalTime } from '../common/zonedTime';
import { weekdays, type WaitConfig } from './definition';

const unitMs = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

export const waitRuntime = defineRuntime<WaitConfig>({
  waitingFor: (c) => (c.mode === 'event' ? { for: 'event', event: c.event } : { for: 'timer' }),
  armsTimers: true,
  timer(c, _kind, { now, timezone, scope, caps }) {
    switch (c.mode) {
      case 'duration':
        return { at: new Date(now.getTime() + durationToMs(c.duration)) };
      case 'event':
        return { at: new Date(now.getTime() + durationToMs(c.timeout)) };
      case 'until_time': {
        const tz = c.timezone === 'contact' ? timezone : c.timezone;
        return {
          at: nextLocalTime(
            now,
            c.time,
            tz,
            c.days.map((d) => weekdays.indexOf(d)),
          ),
        };
      }
      case 'until_date': {
        const base = toDate(tryEvaluate(() => caps.evaluate(c.date, scope)));
        if (!base) return c.ifPast === 'branch' ? { missed: true } : { at: now };
        const shift = c.offset.amount * unitMs[c.offset.unit] * (c.offset.direction === 'before' ? -1 : 1);
        const at = new Date(base.getTime() + shift);
        if (at.getTime() > now.getTime()) return { at };
        return c.ifPast === 'branch' ? { missed: true } : { at: now };
      }
    }
  },
  matchEvent(c, name, payload) {
    if (c.mode !== 'event' || name !== c.event) return undefined;
    return c.saveTo ? { vars: { [c.saveTo]: payload } } : {};
  },
});

/** A failing date expression (e.g. a trigger without the field) counts as no date, like an unreadable one. */
function tryEvaluate(run: () => unknown): unknown {
  try {
    return run();
  } catch {
    return undefined;
  }
}

/** A date from an expression result: a timestamp, an ISO string or epoch milliseconds. */
function toDate(value: unknown): Date | undefined {
  const d = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
}
