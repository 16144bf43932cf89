import { describe, expect, it } from 'vitest';
import type { AudienceContact } from '../defineRuntime';
import { inAudience, nextFireAt } from './broadcast';
import { triggerScheduleConfigSchema } from './definition';

const audience = (a: Record<string, unknown>) => triggerScheduleConfigSchema.parse({ schedule: { kind: 'cron', cron: '0 9 * * 1' }, audience: a }).audience;
const contact = (c: Partial<AudienceContact> = {}): AudienceContact => ({ tags: [], marketingConsent: 'opted_in', view: {}, ...c });
// A tiny evaluator standing in for CEL: `contact.<name> == "<value>"`.
const evaluate = (expression: string, scope: { contact: Record<string, unknown> }) => {
  const m = /^contact\.(\w+) == "(.*)"$/.exec(expression);
  if (!m) throw new Error('unsupported');
  return scope.contact[m[1]!] === m[2];
};
const now = new Date('2026-11-24T12:00:00Z');

describe('broadcast schedules', () => {
  it('fire at the next cron time in their time zone, across daylight saving', () => {
    const monday9 = { kind: 'cron' as const, cron: '0 9 * * 1', timezone: 'Europe/Berlin' };
    expect(nextFireAt(monday9, now)?.toISOString()).toBe('2026-11-30T08:00:00.000Z');
    expect(nextFireAt(monday9, new Date('2026-03-24T12:00:00Z'))?.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(nextFireAt({ kind: 'cron', cron: '30 10 * * *', timezone: 'UTC' }, new Date('2026-11-24T10:30:00Z'))?.toISOString()).toBe(
      '2026-11-25T10:30:00.000Z',
    );
  });

  it('fire a one-off broadcast once, and never when its time has passed', () => {
    const once = { kind: 'once' as const, at: '2026-12-01T09:00', timezone: 'Europe/Berlin' };
    expect(nextFireAt(once, now)?.toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(nextFireAt(once, new Date('2026-12-01T08:00:00Z'))).toBeNull();
  });
});

describe('broadcast audience', () => {
  it('asks for marketing consent unless told otherwise', () => {
    expect(inAudience(audience({}), contact({ marketingConsent: 'unknown' }), evaluate, now)).toBe(false);
    expect(inAudience(audience({ marketingOptInOnly: false }), contact({ marketingConsent: 'unknown' }), evaluate, now)).toBe(true);
    expect(inAudience(audience({}), contact(), evaluate, now)).toBe(true);
  });

  it('selects by tags: any, all and none', () => {
    const a = audience({ tagsAny: ['vip', 'loyal'], tagsAll: ['newsletter'], tagsNone: ['complained'] });
    expect(inAudience(a, contact({ tags: ['vip', 'newsletter'] }), evaluate, now)).toBe(true);
    expect(inAudience(a, contact({ tags: ['newsletter'] }), evaluate, now)).toBe(false);
    expect(inAudience(a, contact({ tags: ['loyal'] }), evaluate, now)).toBe(false);
    expect(inAudience(a, contact({ tags: ['vip', 'newsletter', 'complained'] }), evaluate, now)).toBe(false);
  });

  it('applies the filter, and leaves out a contact the filter cannot judge', () => {
    const a = audience({ filter: 'contact.city == "Berlin"' });
    expect(inAudience(a, contact({ view: { city: 'Berlin' } }), evaluate, now)).toBe(true);
    expect(inAudience(a, contact({ view: { city: 'Hamburg' } }), evaluate, now)).toBe(false);
    expect(inAudience(audience({ filter: 'size(contact.orders) > 2' }), contact(), evaluate, now)).toBe(false);
  });
});
