import { z } from 'zod';
import { clockTimeSchema, durationSchema, durationToMs, formatDuration, port, timeZoneSchema, variableNameSchema, type PortDef } from '@tandem/shared';
import { defineNode } from '../defineNode';
import { field, tag } from '../form';
import { refs } from '../compileContext';
import { eventNameSchema } from '../trigger-event/definition';
import type { TransitionJson } from '../machineJson';

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const durationMode = z.object({
  mode: tag('duration', 'Wait', { label: 'For a while', help: 'A number of minutes, hours or days' }),
  duration: field(durationSchema, { label: 'Wait for', widget: 'duration' }),
});

const untilTimeMode = z.object({
  mode: tag('until_time', 'Wait', { label: 'Until a time of day', help: "The next time the clock shows it, in the contact's time zone" }),
  time: field(clockTimeSchema, { label: 'Until', widget: 'time', help: "The next time the clock shows this, in the contact's time zone" }),
  days: field(z.array(z.enum(weekdays)).max(7).default([]), {
    label: 'On days',
    widget: 'tags',
    help: 'Leave empty for any day',
    choices: {
      mon: { label: 'Mon' },
      tue: { label: 'Tue' },
      wed: { label: 'Wed' },
      thu: { label: 'Thu' },
      fri: { label: 'Fri' },
      sat: { label: 'Sat' },
      sun: { label: 'Sun' },
    },
  }),
  timezone: field(z.union([z.literal('contact'), timeZoneSchema]).default('contact'), {
    label: 'Time zone',
    help: 'Type a time zone such as Europe/Berlin, or choose one',
    choices: { contact: { label: "The contact's", help: "The contact's own time zone, else the flow's" } },
  }),
});

const untilDateMode = z.object({
  mode: tag('until_date', 'Wait', { label: 'Until a date', help: 'A date from the journey, e.g. an appointment, with an offset' }),
  date: field(z.string().min(1, 'Say which date to wait for').max(500), {
    label: 'Date',
    widget: 'expression',
    expects: 'date',
    placeholder: 'trigger.appointment_at',
    help: 'An expression giving a date, e.g. trigger.appointment_at',
  }),
  offset: field(
    z
      .object({
        amount: field(z.number().min(0), { label: 'Amount' }),
        unit: field(z.enum(['minutes', 'hours', 'days']), { label: 'Unit', widget: 'select' }),
        direction: field(z.enum(['before', 'after']), {
          label: 'Before / after',
          widget: 'select',
          choices: { before: { label: 'Before the date' }, after: { label: 'After the date' } },
        }),
      })
      .refine((o) => o.amount * { minutes: 1, hours: 60, days: 1440 }[o.unit] <= 365 * 1440, { path: ['amount'], message: 'At most 365 days' }),
    { label: 'Offset' },
  ).default({ amount: 0, unit: 'hours', direction: 'before' }),
  ifPast: field(z.enum(['continue', 'branch']).default('continue'), {
    label: 'If that time has passed',
    widget: 'select',
    choices: {
      continue: { label: 'Go on at once', help: 'The journey continues without waiting' },
      branch: { label: 'Leave by "Missed"', help: 'Connect that output to handle late entries' },
    },
  }),
});

const eventMode = z.object({
  mode: tag('event', 'Wait', { label: 'For an event', help: 'Until your system sends an event, or a time limit passes' }),
  event: field(eventNameSchema, { label: 'Event', placeholder: 'order.paid' }),
  timeout: field(durationSchema, { label: 'Give up after', widget: 'duration' }),
  saveTo: field(variableNameSchema.optional(), { label: 'Save event data to vars.' }),
});

const waitConfigSchema = z.discriminatedUnion('mode', [durationMode, untilTimeMode, untilDateMode, eventMode]);
export type WaitConfig = z.infer<typeof waitConfigSchema>;

const DAY_MS = 86_400_000;

export const wait = defineNode({
  type: 'wait',
  version: 1,
  category: 'logic',
  label: 'Wait',
  description: 'Pauses the journey for a while, until a local time or date, or until an event arrives.',
  icon: 'hourglass',
  config: waitConfigSchema,
  defaults: { mode: 'duration', duration: { amount: 1, unit: 'hours' } },
  ports: (c): PortDef[] => {
    if (c.mode === 'event') return [port('next', 'Event arrived', 'next', true), port('timeout', 'Timed out', 'timeout')];
    if (c.mode === 'until_date' && c.ifPast === 'branch') return [port('next', 'Next', 'next', true), port('missed', 'Missed', 'missed')];
    return [port('next', 'Next', 'next', true)];
  },
  compile: (c, ctx) => {
    const node = ctx.nodeId;
    if (c.mode === 'event') {
      return {
        entry: ctx.enter(refs.timer(node, 'timeout')),
        on: {
          'event.received': [ctx.via('next', { guard: refs.event(node), actions: [refs.saveResponse(node)] })],
          'timer.fired': [ctx.via('timeout', { guard: refs.timerFired(node, 'timeout') })],
        },
      };
    }
    const on: Record<string, TransitionJson[]> = { 'timer.fired': [ctx.via('next', { guard: refs.timerFired(node, 'wait') })] };
    if (c.mode === 'until_date' && c.ifPast === 'branch') on['effect.result'] = [ctx.via('missed', { guard: refs.outcome(node, 'missed') })];
    return { entry: ctx.enter(refs.timer(node, 'wait')), on };
  },
  analysis: {
    waits: () => true,
    window: (c) => {
      switch (c.mode) {
        case 'duration':
          return { kind: 'elapse', ms: durationToMs(c.duration) };
        case 'until_time':
          return { kind: 'elapse', ms: c.days.length > 0 ? 7 * DAY_MS : DAY_MS };
        case 'until_date':
          return { kind: 'unknown' };
        case 'event':
          return { kind: 'elapse', ms: durationToMs(c.timeout) };
      }
    },
    provides: (c) => (c.mode === 'event' && c.saveTo ? [{ scope: 'vars', names: [c.saveTo], ports: ['next'] }] : []),
  },
  summary: (c) => {
    switch (c.mode) {
      case 'duration':
        return `Wait ${formatDuration(c.duration)}`;
      case 'until_time':
        return `Until ${c.time}${c.days.length ? ` on ${c.days.join(', ')}` : ''}`;
      case 'until_date':
        return c.offset.amount ? `Until ${c.offset.amount} ${c.offset.unit} ${c.offset.direction} ${c.date}` : `Until ${c.date}`;
      case 'event':
        return `Until ${c.event} (max ${formatDuration(c.timeout)})`;
    }
  },
});
