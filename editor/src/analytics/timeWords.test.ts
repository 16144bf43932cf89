import { describe, expect, it } from 'vitest';
import { spanText } from './timeWords';

describe('spanText', () => {
  it('says how long passed in at most two units', () => {
    expect(spanText('2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z')).toBe('1 hour');
    expect(spanText('2026-03-02T10:00:00Z', '2026-03-04T13:30:10Z')).toBe('2 days 3 hours');
    expect(spanText('2026-03-02T10:00:00Z', '2026-03-02T10:00:45Z')).toBe('45 seconds');
    expect(spanText('2026-03-02T10:00:00Z', '2026-03-02T10:00:00Z')).toBe('less than a second');
  });

  it('does not skip a unit: 1 hour and 30 seconds is "1 hour"', () => {
    expect(spanText('2026-03-02T10:00:00Z', '2026-03-02T11:00:30Z')).toBe('1 hour');
  });
});
