import { describe, expect, it } from 'vitest';
import { rangeQuery } from './range';

describe('rangeQuery', () => {
  const now = new Date('2026-03-10T12:00:00.000Z');
  it('counts "last N days" back from the workspace clock', () => {
    expect(rangeQuery({ kind: 'all' }, now)).toEqual({});
    expect(rangeQuery({ kind: 'days', days: 7 }, now)).toEqual({ from: '2026-03-03T12:00:00.000Z' });
  });

  it('covers whole local days, the last one included', () => {
    const q = rangeQuery({ kind: 'custom', from: '2026-03-01', to: '2026-03-02' }, now);
    expect(new Date(q.from!).getTime()).toBe(new Date('2026-03-01T00:00:00').getTime());
    expect(new Date(q.to!).getTime()).toBe(new Date('2026-03-03T00:00:00').getTime() - 1);
    expect(rangeQuery({ kind: 'custom', from: '', to: 'garbage' }, now)).toEqual({});
  });
});
