import { describe, expect, it } from 'vitest';
import { triggerSchedule } from './definition';
import { triggerScheduleRuntime } from './runtime';
import { configOf } from '../../test/nodeTestKit';

const mapPayload = triggerScheduleRuntime.mapPayload!;
const mondays = configOf(triggerSchedule, triggerSchedule.defaults);
const jobRanAt = new Date('2026-03-02T09:04:12.000Z');

describe('trigger-schedule runtime', () => {
  it('gives the journey the time the broadcast was due, not when the job ran', () => {
    expect(mapPayload(mondays, { scheduled_at: '2026-03-02T09:00:00.000Z' }, { receivedAt: jobRanAt })).toEqual({
      ok: true,
      values: { scheduled_at: '2026-03-02T09:00:00.000Z' },
    });
  });

  it('falls back to the arrival time when the payload has no usable due time', () => {
    const expected = { ok: true, values: { scheduled_at: '2026-03-02T09:04:12.000Z' } };
    expect(mapPayload(mondays, {}, { receivedAt: jobRanAt })).toEqual(expected);
    expect(mapPayload(mondays, { scheduled_at: 1_772_442_000_000 }, { receivedAt: jobRanAt })).toEqual(expected);
  });
});

describe('trigger-schedule runtime: what the engine reads', () => {
  it('starts on its schedule', () => {
    expect(triggerScheduleRuntime.startsOn).toBe('schedule');
  });

  it('gives the broadcast its next firing and judges its audience', () => {
    const broadcast = triggerScheduleRuntime.broadcast!;
    expect(broadcast.next(mondays, jobRanAt)?.toISOString()).toBe('2026-03-09T09:00:00.000Z');
    const caps = { evaluate: () => true, render: (t: string) => t };
    expect(broadcast.inAudience(mondays, { tags: [], marketingConsent: 'opted_in', view: {} }, caps, jobRanAt)).toBe(true);
    expect(broadcast.inAudience(mondays, { tags: [], marketingConsent: 'unknown', view: {} }, caps, jobRanAt)).toBe(false);
  });
});
