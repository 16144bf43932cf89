import { describe, expect, it } from 'vitest';
import { isValidCron, triggerSchedule } from './definition';
import { compileWith, configOf, issuesOf, portIds } from '../../test/nodeTestKit';

const cron = (pattern: string, timezone = 'UTC') => ({ schedule: { kind: 'cron', cron: pattern, timezone } });
const invalidCron = 'schedule.cron: Schedule › Repeat (cron): Not a valid five-field cron expression (e.g. 0 9 * * 1 for Mondays at 09:00)';

describe('trigger-schedule', () => {
  it('accepts its defaults and targets contacts who accept marketing unless told otherwise', () => {
    expect(configOf(triggerSchedule, triggerSchedule.defaults)).toEqual({
      schedule: { kind: 'cron', cron: '0 9 * * 1', timezone: 'UTC' },
      audience: { tagsAny: [], tagsAll: [], tagsNone: [], filter: '', marketingOptInOnly: true },
    });
  });

  it('accepts a one-off broadcast at a local date and time in a named time zone', () => {
    const config = configOf(triggerSchedule, { schedule: { kind: 'once', at: '2026-12-01T09:00', timezone: 'Europe/Berlin' }, audience: { tagsAny: ['vip'] } });
    expect(config.schedule).toEqual({ kind: 'once', at: '2026-12-01T09:00', timezone: 'Europe/Berlin' });
    expect(config.audience.tagsAny).toEqual(['vip']);
  });

  it('tells valid cron expressions from invalid ones', () => {
    expect(isValidCron('0 9 * * 1')).toBe(true);
    expect(isValidCron('*/15 8-18 * * mon-fri')).toBe(true);
    expect(isValidCron('61 9 * * *')).toBe(false);
    expect(isValidCron('every monday')).toBe(false);
  });

  it('rejects an invalid cron expression with an example of a valid one', () => {
    expect(issuesOf(triggerSchedule, cron('61 9 * * *'))).toEqual([invalidCron]);
    expect(issuesOf(triggerSchedule, cron('every monday'))).toEqual([invalidCron]);
  });

  it('rejects an empty cron expression', () => {
    expect(issuesOf(triggerSchedule, cron('  '))).toContain('schedule.cron: Schedule › Repeat (cron): Required');
  });

  it('rejects an unknown time zone', () => {
    expect(issuesOf(triggerSchedule, cron('0 9 * * 1', 'Mars/Olympus'))).toEqual([
      'schedule.timezone: Schedule › Time zone: Unknown time zone: use an IANA name such as Europe/Berlin',
    ]);
  });

  it('rejects a one-off date without a time', () => {
    expect(issuesOf(triggerSchedule, { schedule: { kind: 'once', at: '2026-12-01' } })).toEqual([
      'schedule.at: Schedule › At: Use a date and time such as 2026-12-01T09:00',
    ]);
  });

  it('has one required next port', () => {
    expect(triggerSchedule.ports(configOf(triggerSchedule, triggerSchedule.defaults))).toEqual([{ id: 'next', label: 'Next', kind: 'next', required: true }]);
    expect(portIds(triggerSchedule, { schedule: { kind: 'once', at: '2026-12-01T09:00' } })).toEqual(['next']);
  });

  it('compiles to a state that keeps the trigger payload and moves on', () => {
    expect(compileWith(triggerSchedule, triggerSchedule.defaults)).toEqual({
      entry: [
        { type: 'tandem.enter', params: { node: 'n1' } },
        { type: 'tandem.captureTrigger', params: { node: 'n1' } },
      ],
      always: [{ target: 'next_target', actions: [{ type: 'tandem.port', params: { node: 'n1', port: 'next' } }] }],
    });
  });

  it('assumes the 24-hour window may be closed and provides the scheduled time', () => {
    const config = configOf(triggerSchedule, triggerSchedule.defaults);
    expect(triggerSchedule.analysis.window(config, 'next')).toEqual({ kind: 'unknown' });
    expect(triggerSchedule.analysis.provides(config)).toEqual([{ scope: 'trigger', names: ['scheduled_at'], ports: 'all' }]);
  });
});

describe('trigger-schedule starters', () => {
  it('offers to broadcast to the test contact now', () => {
    expect(triggerSchedule.starters!(triggerSchedule.defaults, 'n1')).toEqual([{ kind: 'start', node: 'n1', label: 'Broadcast to the test contact now' }]);
  });
});
