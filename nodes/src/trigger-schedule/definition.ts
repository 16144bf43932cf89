import { z } from 'zod';
import { Cron } from 'croner';
import { port, timeZoneSchema } from '@tandem/shared';
import { defineNode } from '../defineNode';
import { field, tag } from '../form';
import { compileTrigger } from '../common/triggerState';
import { checkTriggerSchedule } from './checks';

/** A standard five-field cron pattern (minute hour day month weekday); seconds are not allowed. */
export function isValidCron(pattern: string): boolean {
  if (pattern.trim().split(/\s+/).length !== 5) return false;
  try {
    new Cron(pattern, { paused: true });
    return true;
  } catch {
    return false;
  }
}

const cronScheduleSchema = z.object({
  kind: tag('cron', 'Runs', { label: 'Repeatedly', help: 'On a schedule, e.g. every Monday at 09:00' }),
  cron: field(z.string().trim().min(1).max(100).refine(isValidCron, 'Not a valid five-field cron expression (e.g. 0 9 * * 1 for Mondays at 09:00)'), {
    label: 'Repeat (cron)',
    widget: 'cron',
    placeholder: '0 9 * * 1',
  }),
  timezone: field(timeZoneSchema.default('UTC'), { label: 'Time zone', widget: 'select' }),
});

const onceScheduleSchema = z.object({
  kind: tag('once', 'Runs', { label: 'Once', help: 'At one date and time' }),
  at: field(
    z.iso
      .datetime({ local: true, message: 'Use a date and time such as 2026-12-01T09:00' })
      .regex(/^[^Zz+]*$/, 'Give the local time without a time zone; pick the zone below'),
    {
      label: 'At',
      widget: 'datetime',
    },
  ),
  timezone: field(timeZoneSchema.default('UTC'), { label: 'Time zone', widget: 'select' }),
});

export const triggerScheduleConfigSchema = z.object({
  schedule: field(z.discriminatedUnion('kind', [cronScheduleSchema, onceScheduleSchema]), { label: 'Schedule' }),
  audience: field(
    z.object({
      tagsAny: field(z.array(z.string().min(1).max(60)).max(50).default([]), { label: 'Has any of the tags', widget: 'tags' }),
      tagsAll: field(z.array(z.string().min(1).max(60)).max(50).default([]), { label: 'Has all of the tags', widget: 'tags' }),
      tagsNone: field(z.array(z.string().min(1).max(60)).max(50).default([]), { label: 'Has none of the tags', widget: 'tags' }),
      filter: field(z.string().max(1_000).default(''), {
        label: 'And matches',
        widget: 'expression',
        expects: 'boolean',
        placeholder: 'contact.city == "Berlin"',
        help: 'Optional condition on contact attributes',
      }),
      marketingOptInOnly: field(z.boolean().default(true), { label: 'Only contacts who accept marketing', widget: 'toggle' }),
    }),
    { label: 'Audience' },
  ).prefault({}),
  budget: field(z.number().min(0).max(10_000_000).optional(), {
    label: 'Budget (USD)',
    help: 'Publishing asks for confirmation when the estimated cost of one sending is higher',
  }),
});
export type TriggerScheduleConfig = z.infer<typeof triggerScheduleConfigSchema>;

export const triggerSchedule = defineNode({
  type: 'trigger-schedule',
  version: 1,
  category: 'trigger',
  label: 'Schedule / broadcast',
  description: 'Starts for every contact in a segment on a schedule (once or repeating).',
  icon: 'calendar-clock',
  config: triggerScheduleConfigSchema,
  defaults: { schedule: { kind: 'cron', cron: '0 9 * * 1', timezone: 'UTC' }, audience: {} },
  ports: () => [port('next', 'Next', 'next', true)],
  compile: (_config, ctx) => compileTrigger(ctx),
  analysis: {
    window: () => ({ kind: 'unknown' }),
    provides: () => [{ scope: 'trigger', names: ['scheduled_at'], ports: 'all' }],
    budget: (c) => c.budget,
  },
  summary: (c) => (c.schedule.kind === 'cron' ? `Cron ${c.schedule.cron} (${c.schedule.timezone})` : `Once at ${c.schedule.at} (${c.schedule.timezone})`),
  policy: { check: checkTriggerSchedule },
  starters: (_data, node) => [{ kind: 'start', node, label: 'Broadcast to the test contact now' }],
});
