import { describe, expect, it } from 'vitest';
import type { TimerKind } from '@tandem/shared';
import type { Scope } from '../defineRuntime';
import { valueAtPath } from '../common/valuePath';
import { wait } from './definition';
import { waitRuntime } from './runtime';
import { configOf } from '../../test/nodeTestKit';
import { fakeCaps } from '../../test/fakeCaps';

const scopeAt = (now: Date, trigger: Record<string, unknown> = {}): Scope => ({ contact: {}, vars: {}, trigger, now });

/** Reads a dotted path from the scope and, like the engine's CEL, fails on a key that is not there. */
const caps = fakeCaps({
  evaluate(expression, scope) {
    const value = valueAtPath(scope, expression);
    if (value === undefined) throw new Error(`No such key: ${expression}`);
    return value;
  },
  render: () => {
    throw new Error('a wait renders no text');
  },
});

function timer(data: Record<string, unknown>, now: string, opts: { timezone?: string; trigger?: Record<string, unknown>; kind?: TimerKind } = {}): string {
  const at = new Date(now);
  const result = waitRuntime.timer!(configOf(wait, data), opts.kind ?? 'wait', {
    now: at,
    timezone: opts.timezone ?? 'UTC',
    scope: scopeAt(at, opts.trigger),
    caps,
  });
  return 'at' in result ? result.at.toISOString() : 'missed';
}

// 2026-03-06 is a Friday; Berlin is UTC+1 until the clocks go forward on Sunday 2026-03-29.
const fridayMorningBerlin = '2026-03-06T09:00:00.000Z'; // 10:00 in Berlin
const appointment = (extra: Record<string, unknown> = {}) => ({ mode: 'until_date', date: 'trigger.appointment_at', ...extra });
const forOrder = configOf(wait, { mode: 'event', event: 'order.paid', timeout: { amount: 2, unit: 'days' }, saveTo: 'order' });

describe('wait runtime', () => {
  it('waits for the configured duration from now', () => {
    expect(timer({ mode: 'duration', duration: { amount: 90, unit: 'minutes' } }, fridayMorningBerlin)).toBe('2026-03-06T10:30:00.000Z');
    expect(timer({ mode: 'duration', duration: { amount: 1.5, unit: 'days' } }, fridayMorningBerlin)).toBe('2026-03-07T21:00:00.000Z');
  });

  it('gives up waiting for an event after its timeout', () => {
    expect(timer({ mode: 'event', event: 'order.paid', timeout: { amount: 2, unit: 'days' } }, fridayMorningBerlin, { kind: 'timeout' })).toBe(
      '2026-03-08T09:00:00.000Z',
    );
  });

  it('waits until a later local time on the same day', () => {
    expect(timer({ mode: 'until_time', time: '18:30', timezone: 'Europe/Berlin' }, fridayMorningBerlin)).toBe('2026-03-06T17:30:00.000Z');
  });

  it('waits until the next day when the local time has already passed today', () => {
    expect(timer({ mode: 'until_time', time: '09:00', timezone: 'Europe/Berlin' }, fridayMorningBerlin)).toBe('2026-03-07T08:00:00.000Z');
  });

  it('waits a full day when the local time is exactly now', () => {
    expect(timer({ mode: 'until_time', time: '10:00', timezone: 'Europe/Berlin' }, fridayMorningBerlin)).toBe('2026-03-07T09:00:00.000Z');
  });

  it('waits until a local time in Europe/Berlin on the next allowed weekday', () => {
    expect(timer({ mode: 'until_time', time: '09:00', days: ['mon', 'wed'], timezone: 'Europe/Berlin' }, fridayMorningBerlin)).toBe('2026-03-09T08:00:00.000Z');
    expect(timer({ mode: 'until_time', time: '18:00', days: ['fri'], timezone: 'Europe/Berlin' }, fridayMorningBerlin)).toBe('2026-03-06T17:00:00.000Z');
  });

  it('waits a week for the same weekday when its time has passed today', () => {
    expect(timer({ mode: 'until_time', time: '08:00', days: ['fri'], timezone: 'Europe/Berlin' }, fridayMorningBerlin)).toBe('2026-03-13T07:00:00.000Z');
  });

  it("judges the day by the local calendar, not UTC's", () => {
    // 23:30 UTC on Friday is already Saturday 08:30 in Tokyo, so the next Saturday 09:00 there is in half an hour.
    expect(timer({ mode: 'until_time', time: '09:00', days: ['sat'], timezone: 'Asia/Tokyo' }, '2026-03-06T23:30:00.000Z')).toBe('2026-03-07T00:00:00.000Z');
  });

  it("uses the contact's time zone when set to contact, and a fixed zone over it otherwise", () => {
    const nineAm = { mode: 'until_time', time: '09:00' };
    expect(timer(nineAm, '2026-03-06T12:00:00.000Z', { timezone: 'America/New_York' })).toBe('2026-03-06T14:00:00.000Z');
    expect(timer({ ...nineAm, timezone: 'Europe/Berlin' }, '2026-03-06T12:00:00.000Z', { timezone: 'America/New_York' })).toBe('2026-03-07T08:00:00.000Z');
  });

  it('keeps the local time when the clocks go forward overnight', () => {
    // Saturday 10:00 CET → Sunday 09:00 CEST, which is 23 hours later.
    expect(timer({ mode: 'until_time', time: '09:00', timezone: 'Europe/Berlin' }, '2026-03-28T09:00:00.000Z')).toBe('2026-03-29T07:00:00.000Z');
  });

  it('waits until a date from the trigger, shifted by the offset before or after it', () => {
    const trigger = { appointment_at: '2026-03-10T15:00:00+01:00' };
    expect(timer(appointment({ offset: { amount: 1, unit: 'days', direction: 'before' } }), fridayMorningBerlin, { trigger })).toBe('2026-03-09T14:00:00.000Z');
    expect(timer(appointment({ offset: { amount: 30, unit: 'minutes', direction: 'after' } }), fridayMorningBerlin, { trigger })).toBe(
      '2026-03-10T14:30:00.000Z',
    );
    expect(timer(appointment(), fridayMorningBerlin, { trigger })).toBe('2026-03-10T14:00:00.000Z');
  });

  it('reads the date from epoch milliseconds or a Date as well as an ISO text', () => {
    const ms = Date.parse('2026-03-10T14:00:00.000Z');
    expect(timer(appointment(), fridayMorningBerlin, { trigger: { appointment_at: ms } })).toBe('2026-03-10T14:00:00.000Z');
    expect(timer(appointment(), fridayMorningBerlin, { trigger: { appointment_at: new Date(ms) } })).toBe('2026-03-10T14:00:00.000Z');
  });

  it('continues at once when the shifted date has passed, or leaves by missed when told to branch', () => {
    const trigger = { appointment_at: '2026-03-06T12:00:00.000Z' };
    const reminder = { offset: { amount: 1, unit: 'days', direction: 'before' } };
    expect(timer(appointment(reminder), fridayMorningBerlin, { trigger })).toBe(fridayMorningBerlin);
    expect(timer(appointment({ ...reminder, ifPast: 'branch' }), fridayMorningBerlin, { trigger })).toBe('missed');
  });

  it('treats a date exactly now as passed', () => {
    expect(timer(appointment({ ifPast: 'branch' }), fridayMorningBerlin, { trigger: { appointment_at: fridayMorningBerlin } })).toBe('missed');
  });

  it('treats a value that is not a date like a passed date', () => {
    expect(timer(appointment(), fridayMorningBerlin, { trigger: { appointment_at: 'next tuesday' } })).toBe(fridayMorningBerlin);
    expect(timer(appointment({ ifPast: 'branch' }), fridayMorningBerlin, { trigger: { appointment_at: true } })).toBe('missed');
  });

  it('treats a date expression that fails, such as a trigger without the field, like a passed date instead of throwing', () => {
    expect(timer(appointment(), fridayMorningBerlin)).toBe(fridayMorningBerlin);
    expect(timer(appointment({ ifPast: 'branch' }), fridayMorningBerlin)).toBe('missed');
  });

  it('counts the awaited event and saves its data to the variable', () => {
    const payload = { order_id: 'o-1', total: 59.9 };
    expect(waitRuntime.matchEvent!(forOrder, 'order.paid', payload)).toEqual({ vars: { order: payload } });
  });

  it('counts the awaited event without saving anything when no variable is set', () => {
    const quiet = configOf(wait, { mode: 'event', event: 'order.paid', timeout: { amount: 1, unit: 'days' } });
    expect(waitRuntime.matchEvent!(quiet, 'order.paid', { order_id: 'o-1' })).toEqual({});
  });

  it('ignores other events, and every event when not waiting for one', () => {
    expect(waitRuntime.matchEvent!(forOrder, 'order.refunded', {})).toBeUndefined();
    expect(waitRuntime.matchEvent!(configOf(wait, wait.defaults), 'order.paid', {})).toBeUndefined();
  });
});

describe('wait runtime: what the engine reads', () => {
  it('waits for the event named in its settings, or else for its timer, and arms timers', () => {
    expect(waitRuntime.waitingFor?.(forOrder)).toEqual({ for: 'event', event: 'order.paid' });
    expect(waitRuntime.waitingFor?.(configOf(wait, { mode: 'duration', duration: { amount: 1, unit: 'hours' } }))).toEqual({ for: 'timer' });
    expect(waitRuntime.armsTimers).toBe(true);
  });
});
