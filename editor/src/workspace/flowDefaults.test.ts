import { describe, expect, it } from 'vitest';
import { flowDefaultsFormOf, flowDefaultsPatch, flowDefaultsProblems, quietHoursInWords, timeZoneNames } from './flowDefaults';

describe('defaults for new flows', () => {
  it('starts at UTC without quiet hours while nothing is saved', () => {
    expect(flowDefaultsFormOf({})).toEqual({ timezone: 'UTC', quietOn: false, quietStart: '21:00', quietEnd: '08:00' });
  });

  it('saves the time zone and quiet hours, or no quiet hours as null', () => {
    const form = { timezone: 'Europe/Paris', quietOn: true, quietStart: '21:30', quietEnd: '08:00' };
    expect(flowDefaultsPatch(form)).toEqual({ defaultTimezone: 'Europe/Paris', defaultQuietHours: { start: '21:30', end: '08:00' } });
    expect(flowDefaultsPatch({ ...form, quietOn: false }).defaultQuietHours).toBeNull();
  });

  it('refuses an unknown time zone and quiet hours that end when they start', () => {
    expect(flowDefaultsProblems({ timezone: 'Mars/Olympus', quietOn: true, quietStart: '09:00', quietEnd: '09:00' })).toEqual({
      timezone: 'Pick a time zone from the list, such as Europe/Berlin',
      quietEnd: 'The quiet hours must end at another time than they start',
    });
  });

  it('says quiet hours that cross midnight in words', () => {
    expect(quietHoursInWords('21:00', '08:00')).toBe('from 21:00 until 08:00 the next day');
    expect(quietHoursInWords('12:00', '14:00')).toBe('from 12:00 until 14:00');
  });

  it('offers UTC first, then the zones the browser knows', () => {
    const names = timeZoneNames();
    expect(names[0]).toBe('UTC');
    expect(names).toContain('Europe/Berlin');
    expect(names.filter((n) => n === 'UTC')).toHaveLength(1);
  });
});
