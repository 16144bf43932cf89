import { describe, expect, it } from 'vitest';
import { momentText } from '../analytics/timeWords';
import { adClickText, consentSourceWords, contactName, contactNumber, freeEntryText, windowStatus } from './contactWords';

const HOUR = 3_600_000;
const now = '2026-12-02T12:00:00.000Z';
const at = (ms: number) => new Date(Date.parse(now) + ms).toISOString();

describe('contactName and contactNumber', () => {
  it('prefer the WhatsApp profile, then the names they gave, then the number', () => {
    const base = { id: 7, profileName: null, attributes: {}, waId: '4915111110001' };
    expect(contactName({ ...base, profileName: 'Ana L.' })).toBe('Ana L.');
    expect(contactName({ ...base, attributes: { first_name: 'Ana', last_name: 'Lopez' } })).toBe('Ana Lopez');
    expect(contactName(base)).toBe('+4915111110001');
    expect(contactName({ ...base, waId: null })).toBe('Contact #7');
    expect(contactNumber({ phone: null, waId: null, userId: 'US.123' })).toBe('WhatsApp user US.123');
    expect(contactNumber({ phone: '4915111110001', waId: null, userId: null })).toBe('+4915111110001');
  });
});

describe('windowStatus', () => {
  it('says until when the window is open and how long is left, on the given clock', () => {
    const s = windowStatus({ windowOpen: true, windowExpiresAt: at(22 * HOUR), lastInboundAt: at(-2 * HOUR) }, now);
    expect(s).toEqual({
      open: true,
      text: `Open until ${momentText(at(22 * HOUR))} (22 hours left)`,
      detail: 'They wrote in the last 24 hours: journeys and teammates may send any message.',
    });
  });

  it('counts the time left from their last message when the clock shown lags it', () => {
    const wrote = at(5 * 60_000);
    const s = windowStatus({ windowOpen: true, windowExpiresAt: at(5 * 60_000 + 24 * HOUR), lastInboundAt: wrote }, now);
    expect(s.text).toMatch(/\(24 hours left\)$/);
    expect(windowStatus({ windowOpen: true, windowExpiresAt: at(HOUR + 60_000), lastInboundAt: at(-23 * HOUR) }, now).text).toMatch(
      /\(1 hour 1 minute left\)$/,
    );
    expect(windowStatus({ windowOpen: true, windowExpiresAt: at(30_000), lastInboundAt: at(-24 * HOUR) }, now).text).toMatch(/\(less than a minute left\)$/);
  });

  it('says since when it is closed, or that they never wrote', () => {
    expect(windowStatus({ windowOpen: false, windowExpiresAt: at(-HOUR), lastInboundAt: at(-25 * HOUR) }, now).text).toBe(
      `Closed since ${momentText(at(-HOUR))}`,
    );
    expect(windowStatus({ windowOpen: false, windowExpiresAt: null, lastInboundAt: null }, now)).toMatchObject({
      open: false,
      text: 'Closed: they have not written yet',
    });
  });
});

describe('freeEntryText', () => {
  it('mentions a free entry point only while it lasts', () => {
    expect(freeEntryText({ freeEntryUntil: at(HOUR) }, now)).toContain('free until');
    expect(freeEntryText({ freeEntryUntil: at(-HOUR) }, now)).toBeUndefined();
  });
});

describe('adClickText', () => {
  const ad = { sourceType: 'ad', sourceId: '120226305854810726', headline: 'Chat with us', sourceUrl: null, clickId: true, at: at(-2 * HOUR) };
  it('names the ad and says until when conversions reach Meta', () => {
    const words = adClickText({ adClick: ad }, now)!;
    expect(words.text).toMatch(/^Came from an ad “Chat with us” \(ad 120226305854810726\) on /);
    expect(words.detail).toMatch(/reported to Meta's Conversions API until/);
  });
  it('says when Meta can no longer attribute, or never could', () => {
    expect(adClickText({ adClick: { ...ad, at: at(-8 * 24 * HOUR) } }, now)!.detail).toMatch(/More than 7 days ago/);
    expect(adClickText({ adClick: { ...ad, clickId: false } }, now)!.detail).toMatch(/no click id/);
    expect(adClickText({ adClick: null }, now)).toBeUndefined();
  });
});

describe('consentSourceWords', () => {
  it('says how each consent change came: a keyword, a button, WhatsApp, a journey, a person or key, an import', () => {
    expect(consentSourceWords('keyword STOP', 'opted_out')).toBe('They wrote “STOP”');
    expect(consentSourceWords('opt-out button', 'opted_out')).toBe('They tapped the opt-out button of a marketing message');
    expect(consentSourceWords('whatsapp preferences', 'opted_in')).toBe('They allowed marketing messages from you again in WhatsApp’s own settings');
    expect(consentSourceWords('whatsapp error 131050', 'opted_out')).toContain('WhatsApp refused a marketing message');
    expect(consentSourceWords('flow', 'opted_in')).toBe('A journey step recorded it');
    expect(consentSourceWords('api: ana@shop.test', 'opted_in')).toBe('Changed by ana@shop.test');
    expect(consentSourceWords('import: key Shop sync (key_0123456789abcdef)', 'opted_in')).toBe('Imported from a file by API key “Shop sync”');
    expect(consentSourceWords(null, 'opted_in')).toBe('How it came was not recorded');
  });
});
