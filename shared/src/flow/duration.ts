import { z } from 'zod';

export const durationUnits = ['seconds', 'minutes', 'hours', 'days'] as const;
export type DurationUnit = (typeof durationUnits)[number];

const unitMs: Record<DurationUnit, number> = {
  seconds: 1_000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
};

/** A span of time as a marketer writes it: an amount and a unit (at most 365 days). */
export interface Duration {
  amount: number;
  unit: DurationUnit;
}

export const durationSchema = z
  .object({
    amount: z.number().positive('Must be more than 0'),
    unit: z.enum(durationUnits),
  })
  .refine((d: Duration) => durationToMs(d) <= 365 * unitMs.days, 'Must be at most 365 days');

export function durationToMs(d: Duration): number {
  return Math.round(d.amount * unitMs[d.unit]);
}

/** "1 day", "30 minutes", "1.5 hours" */
export function formatDuration(d: Duration): string {
  const unit = d.amount === 1 ? d.unit.slice(0, -1) : d.unit;
  return `${d.amount} ${unit}`;
}

export const HOUR_MS = unitMs.hours;
export const WINDOW_MS = 24 * HOUR_MS;
