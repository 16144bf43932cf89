import { describe, expect, it } from 'vitest';
import { wait } from './definition';
import { compileWith, configOf, issuesOf, portIds } from '../../test/nodeTestKit';

const forOrder = { mode: 'event', event: 'order.paid', timeout: { amount: 2, unit: 'days' }, saveTo: 'order' };
const untilAppointment = (ifPast: 'continue' | 'branch') => ({ mode: 'until_date', date: 'trigger.appointment_at', ifPast });
const timerFired = (timer: string, port: string, target = `${port}_target`) => ({
  target,
  guard: { type: 'tandem.timer', params: { node: 'n1', timer } },
  actions: [{ type: 'tandem.port', params: { node: 'n1', port } }],
});

describe('wait', () => {
  it('accepts its defaults: one hour', () => {
    expect(configOf(wait, wait.defaults)).toEqual({ mode: 'duration', duration: { amount: 1, unit: 'hours' } });
  });

  it('fills in the defaults of the time and date modes', () => {
    expect(configOf(wait, { mode: 'until_time', time: '09:30' })).toEqual({ mode: 'until_time', time: '09:30', days: [], timezone: 'contact' });
    expect(configOf(wait, untilAppointment('continue'))).toMatchObject({ offset: { amount: 0, unit: 'hours', direction: 'before' }, ifPast: 'continue' });
  });

  it('rejects a wait of zero and one longer than a year', () => {
    expect(issuesOf(wait, { mode: 'duration', duration: { amount: 0, unit: 'hours' } })).toEqual(['duration.amount: Wait for › amount: Must be more than 0']);
    expect(issuesOf(wait, { mode: 'duration', duration: { amount: 366, unit: 'days' } })).toEqual(['duration: Wait for: Must be at most 365 days']);
  });

  it('rejects a clock time that is not HH:mm, an unknown day and an unknown time zone', () => {
    expect(issuesOf(wait, { mode: 'until_time', time: '9:30' })).toEqual(['time: Until: Use a 24-hour time such as 09:30']);
    expect(issuesOf(wait, { mode: 'until_time', time: '09:30', days: ['monday'] })).toEqual([
      'days.0: On days › #1: Choose one of: mon, tue, wed, thu, fri, sat, sun',
    ]);
    expect(issuesOf(wait, { mode: 'until_time', time: '09:30', timezone: 'Berlin' })).toEqual([
      'timezone: Time zone: Unknown time zone: use an IANA name such as Europe/Berlin',
    ]);
  });

  it('asks which date to wait for, and which event with a time limit', () => {
    expect(issuesOf(wait, { mode: 'until_date', date: '' })).toEqual(['date: Date: Say which date to wait for']);
    expect(issuesOf(wait, { mode: 'event', event: 'order paid', timeout: { amount: 1, unit: 'days' } })).toEqual([
      'event: Event: Use a dotted lower-case name such as cart.abandoned',
    ]);
    expect(issuesOf(wait, { mode: 'event', event: 'order.paid' })).toEqual(['timeout: Give up after: Required']);
  });

  it('has a timeout output only when waiting for an event', () => {
    expect(wait.ports(configOf(wait, forOrder))).toEqual([
      { id: 'next', label: 'Event arrived', kind: 'next', required: true },
      { id: 'timeout', label: 'Timed out', kind: 'timeout', required: false },
    ]);
    expect(portIds(wait, wait.defaults)).toEqual(['next']);
  });

  it('has a missed output only when a date in the past should branch', () => {
    expect(portIds(wait, untilAppointment('branch'))).toEqual(['next', 'missed']);
    expect(portIds(wait, untilAppointment('continue'))).toEqual(['next']);
  });

  it('compiles a duration to a timer that moves on when it fires', () => {
    expect(compileWith(wait, wait.defaults)).toEqual({
      entry: [
        { type: 'tandem.enter', params: { node: 'n1' } },
        { type: 'tandem.timer', params: { node: 'n1', timer: 'wait' } },
      ],
      on: { 'timer.fired': [timerFired('wait', 'next')] },
    });
  });

  it('compiles an event wait to the event, which saves its data, or the timeout', () => {
    expect(compileWith(wait, forOrder)).toEqual({
      entry: [
        { type: 'tandem.enter', params: { node: 'n1' } },
        { type: 'tandem.timer', params: { node: 'n1', timer: 'timeout' } },
      ],
      on: {
        'event.received': [
          {
            target: 'next_target',
            guard: { type: 'tandem.event', params: { node: 'n1' } },
            actions: [
              { type: 'tandem.saveResponse', params: { node: 'n1' } },
              { type: 'tandem.port', params: { node: 'n1', port: 'next' } },
            ],
          },
        ],
        'timer.fired': [timerFired('timeout', 'timeout')],
      },
    });
  });

  it('leaves a missed date by the missed output, or ends the run when it is not connected', () => {
    const missed = (connected?: string[]) => compileWith(wait, untilAppointment('branch'), connected).on?.['effect.result'];
    expect(missed()).toEqual([
      {
        target: 'missed_target',
        guard: { type: 'tandem.outcome', params: { node: 'n1', outcome: 'missed' } },
        actions: [{ type: 'tandem.port', params: { node: 'n1', port: 'missed' } }],
      },
    ]);
    expect(missed(['next'])?.[0]?.target).toBe('$end');
    expect(compileWith(wait, untilAppointment('continue')).on?.['effect.result']).toBeUndefined();
  });

  it('waits, and lets at most the waited time pass for the 24-hour window', () => {
    expect(wait.analysis.waits(configOf(wait, wait.defaults))).toBe(true);
    expect(wait.analysis.window(configOf(wait, wait.defaults), 'next')).toEqual({ kind: 'elapse', ms: 3_600_000 });
    expect(wait.analysis.window(configOf(wait, forOrder), 'timeout')).toEqual({ kind: 'elapse', ms: 2 * 86_400_000 });
    expect(wait.analysis.window(configOf(wait, { mode: 'until_time', time: '09:30' }), 'next')).toEqual({ kind: 'elapse', ms: 86_400_000 });
    expect(wait.analysis.window(configOf(wait, { mode: 'until_time', time: '09:30', days: ['mon'] }), 'next')).toEqual({ kind: 'elapse', ms: 7 * 86_400_000 });
    expect(wait.analysis.window(configOf(wait, untilAppointment('continue')), 'next')).toEqual({ kind: 'unknown' });
  });

  it('provides the event data after the event only, when asked to save it', () => {
    expect(wait.analysis.provides(configOf(wait, forOrder))).toEqual([{ scope: 'vars', names: ['order'], ports: ['next'] }]);
    expect(wait.analysis.provides(configOf(wait, { ...forOrder, saveTo: undefined }))).toEqual([]);
  });
});
