import { describe, expect, it } from 'vitest';
import { checkTriggerSchedule } from './checks';
import { triggerSchedule } from './definition';
import { configOf } from '../../test/nodeTestKit';

const once = configOf(triggerSchedule, { schedule: { kind: 'once', at: '2026-03-01T09:00', timezone: 'Europe/Berlin' } });
const label = 'Schedule / broadcast';

describe('checkTriggerSchedule', () => {
  it('warns about a one-off broadcast whose time has passed', () => {
    expect(checkTriggerSchedule(once, { now: new Date('2026-03-01T08:30:00Z'), label })).toEqual([
      {
        code: 'broadcast-in-past',
        message:
          'This one-off broadcast was due 2026-03-01 09:00 (Europe/Berlin); that time has passed, so it will not be sent. Pick a later time or a repeating schedule.',
        path: ['schedule', 'at'],
      },
    ]);
  });

  it('finds nothing for a broadcast still to come, in its own time zone', () => {
    expect(checkTriggerSchedule(once, { now: new Date('2026-03-01T07:30:00Z'), label })).toEqual([]);
  });

  it('finds nothing for repeating schedules or when the time is not known', () => {
    expect(checkTriggerSchedule(configOf(triggerSchedule, triggerSchedule.defaults), { now: new Date('2030-01-01T00:00:00Z'), label })).toEqual([]);
    expect(checkTriggerSchedule(once, { label })).toEqual([]);
  });

  it('is the policy check of the node', () => {
    expect(triggerSchedule.policy?.check).toBe(checkTriggerSchedule);
  });
});
