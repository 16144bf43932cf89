import { describe, expect, it } from 'vitest';
import { nextLocalTime, wallTime, zonedInstant } from './zonedTime';

/** `zonedInstant` for an ISO-like local date-time, answered in UTC ISO form. */
function instant(local: string, timeZone: string): string {
  const [date, time] = local.split('T') as [string, string];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  return zonedInstant(y, mo, d, h, mi, timeZone).toISOString();
}

describe('zonedInstant', () => {
  it('returns the instant the clock shows an ordinary wall time', () => {
    expect(instant('2026-01-15T09:00', 'Europe/Berlin')).toBe('2026-01-15T08:00:00.000Z');
    expect(instant('2026-07-15T09:00', 'Europe/Berlin')).toBe('2026-07-15T07:00:00.000Z');
    expect(instant('2026-07-15T09:00', 'America/New_York')).toBe('2026-07-15T13:00:00.000Z');
    expect(instant('2026-07-15T09:00', 'Asia/Kolkata')).toBe('2026-07-15T03:30:00.000Z');
    expect(instant('2026-07-15T23:59', 'UTC')).toBe('2026-07-15T23:59:00.000Z');
  });

  it('returns the end of a spring-forward gap in Berlin (02:30 does not exist; 03:00 local)', () => {
    expect(instant('2026-03-29T02:30', 'Europe/Berlin')).toBe('2026-03-29T01:00:00.000Z');
  });

  it('returns the end of a spring-forward gap in New York (02:30 does not exist; 03:00 local)', () => {
    expect(instant('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T07:00:00.000Z');
  });

  it('maps every wall time in the gap to the same instant, the one the clock shows the gap’s end', () => {
    const gap = ['02:00', '02:01', '02:30', '02:59'].map((t) => instant(`2026-03-29T${t}`, 'Europe/Berlin'));
    expect(gap).toEqual(Array(4).fill('2026-03-29T01:00:00.000Z'));
    expect(instant('2026-03-29T01:59', 'Europe/Berlin')).toBe('2026-03-29T00:59:00.000Z');
    expect(instant('2026-03-29T03:00', 'Europe/Berlin')).toBe('2026-03-29T01:00:00.000Z');
    expect(wallTime(new Date('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toMatchObject({ day: 29, hour: 3, minute: 0 });
  });

  it('handles a gap that is not an hour long (Lord Howe moves its clock by 30 minutes)', () => {
    expect(instant('2026-10-04T02:15', 'Australia/Lord_Howe')).toBe('2026-10-03T15:30:00.000Z');
  });

  it('returns the later instant for a wall time the fall-back overlap shows twice', () => {
    // Berlin 2026-10-25: 02:30 is shown at 00:30Z (CEST) and again at 01:30Z (CET).
    expect(instant('2026-10-25T02:30', 'Europe/Berlin')).toBe('2026-10-25T01:30:00.000Z');
    expect(instant('2026-10-25T02:00', 'Europe/Berlin')).toBe('2026-10-25T01:00:00.000Z');
    expect(instant('2026-10-25T02:59', 'Europe/Berlin')).toBe('2026-10-25T01:59:00.000Z');
    expect(instant('2026-10-25T01:59', 'Europe/Berlin')).toBe('2026-10-24T23:59:00.000Z');
    expect(instant('2026-10-25T03:00', 'Europe/Berlin')).toBe('2026-10-25T02:00:00.000Z');
    // New York 2026-11-01: 01:30 is shown at 05:30Z (EDT) and again at 06:30Z (EST).
    expect(instant('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T06:30:00.000Z');
  });
});

describe('nextLocalTime', () => {
  it('fires at the end of the gap on the day the local time does not exist', () => {
    expect(nextLocalTime(new Date('2026-03-28T12:00:00Z'), '02:30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(nextLocalTime(new Date('2026-03-29T01:00:00Z'), '02:30', 'Europe/Berlin').toISOString()).toBe('2026-03-30T00:30:00.000Z');
  });

  it('fires once on the night a time is shown twice, at its second showing', () => {
    expect(nextLocalTime(new Date('2026-10-24T12:00:00Z'), '02:30', 'Europe/Berlin').toISOString()).toBe('2026-10-25T01:30:00.000Z');
    expect(nextLocalTime(new Date('2026-10-25T00:45:00Z'), '02:30', 'Europe/Berlin').toISOString()).toBe('2026-10-25T01:30:00.000Z');
    expect(nextLocalTime(new Date('2026-10-25T01:30:00Z'), '02:30', 'Europe/Berlin').toISOString()).toBe('2026-10-26T01:30:00.000Z');
  });
});
