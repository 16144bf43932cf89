import { describe, expect, it } from 'vitest';
import { hoursInWords, messagingFormOf, messagingPatch, messagingProblems, parseKeywords, readSettings } from './messagingForm';

describe('messages and consent settings', () => {
  it('shows the defaults that apply while nothing is saved: no cap, the STOP words, the usual reply', () => {
    const form = messagingFormOf(readSettings({}));
    expect(form.capOn).toBe(false);
    expect(form.optOutKeywords.startsWith('STOP, UNSUBSCRIBE, STOP ALL')).toBe(true);
    expect(form.optInKeywords).toBe('START, SUBSCRIBE, UNSTOP');
    expect(form.optOutReply).toContain('Reply START to subscribe again');
  });

  it('keeps the settings that parse when another one does not', () => {
    expect(readSettings({ optOutReply: 'Bye', marketingCap: { max: 'lots' } })).toEqual({ optOutReply: 'Bye' });
  });

  it('reads keywords separated by commas or lines, without blanks or repeats', () => {
    expect(parseKeywords('stop, STOP,\n  no   more ,, Abmelden')).toEqual(['stop', 'no more', 'Abmelden']);
  });

  it('saves a frequency cap, or turns it off with null', () => {
    const form = { ...messagingFormOf({}), capOn: true, capMax: '3', capHours: '168' };
    expect(messagingPatch(form).marketingCap).toEqual({ max: 3, periodHours: 168 });
    expect(messagingPatch({ ...form, capOn: false }).marketingCap).toBeNull();
  });

  it('refuses a cap out of range and a word that would both stop and restart promotions', () => {
    const form = { ...messagingFormOf({}), capOn: true, capMax: '0', optInKeywords: 'START, stop' };
    expect(messagingProblems(form)).toEqual({ capMax: 'Use a whole number from 1 to 100', optInKeywords: 'A word cannot both stop and restart promotions' });
  });
});

describe('hoursInWords', () => {
  it('says a period in days and hours', () => {
    expect([24 * 7, 36, 1, 0].map(hoursInWords)).toEqual(['7 days', '1 day 12 hours', '1 hour', '—']);
  });
});
