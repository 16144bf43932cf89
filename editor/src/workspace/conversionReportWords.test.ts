import { describe, expect, it } from 'vitest';
import { conversionEventLabel, reportDetails, reportValueText, reportWhenText } from './conversionReportWords';

const report = (over: Partial<Parameters<typeof reportDetails>[0]>) => reportDetails({ status: 'pending', attempts: 0, error: null, response: null, ...over });

describe('reportDetails', () => {
  it('says Meta received a sent report, with the trace id to hover', () => {
    expect(report({ status: 'sent', attempts: 1, response: { events_received: 1, fbtrace_id: 'AbC123' } })).toEqual({
      text: 'Meta received it',
      title: 'fbtrace_id AbC123',
    });
    expect(report({ status: 'sent', attempts: 1, response: { events_received: 1 } })).toEqual({ text: 'Meta received it' });
  });

  it("gives Meta's message and code for a failed report", () => {
    const error = { code: 100, message: 'Invalid parameter', handling: 'fail' };
    expect(report({ status: 'failed', attempts: 1, error }).text).toBe('Invalid parameter (Meta error 100)');
    expect(report({ status: 'failed', attempts: 10, error: null }).text).toBe('Meta refused it');
    expect(report({ status: 'failed', attempts: 1, error: { reason: 'invalid_event', message: 'ctwa_clid is missing' } }).text).toBe(
      'The event was not valid: ctwa_clid is missing',
    );
  });

  it('says in words why a report was skipped', () => {
    const skipped = (reason: string) => report({ status: 'skipped', error: { reason } }).text;
    expect(skipped('sandbox')).toBe('Sandbox workspace: nothing is sent to Meta');
    expect(skipped('no_ad_click')).toBe('The contact did not come from an ad click (or came from an ad in Status, which has no click id)');
    expect(skipped('ad_click_too_old')).toBe('The ad click was more than 7 days before');
    expect(skipped('no_dataset')).toBe('No dataset id set');
    expect(skipped('something_new')).toBe('Not sent to Meta');
  });

  it('tells a queued report from one being retried, with the next attempt and the last error', () => {
    expect(report({})).toEqual({ text: 'Waiting to be sent' });
    expect(report({ attempts: 2, error: { code: 2, message: 'Service temporarily unavailable', handling: 'retry' } })).toEqual({
      text: 'Retrying (attempt 3)',
      title: 'Last try: Service temporarily unavailable (Meta error 2)',
    });
  });
});

describe('conversionEventLabel', () => {
  it("names Meta's events as people say them, and shows other names as they are", () => {
    expect(conversionEventLabel('LeadSubmitted')).toBe('Lead submitted');
    expect(conversionEventLabel('InitiateCheckout')).toBe('Checkout started');
    expect(conversionEventLabel('Purchase')).toBe('Purchase');
    expect(conversionEventLabel('Subscribe')).toBe('Subscribe');
  });
});

describe('reportValueText', () => {
  it('formats the value as money in its currency', () => {
    expect(reportValueText(40, 'EUR', 'en-GB')).toBe('€40.00');
    expect(reportValueText(12.5, 'XYZ1', 'en-GB')).toBe('12.5 XYZ1');
    expect(reportValueText(12, null, 'en-GB')).toBe('12');
    expect(reportValueText(null, 'EUR', 'en-GB')).toBe('—');
  });
});

describe('reportWhenText', () => {
  const now = new Date('2026-12-03T12:00:00Z');
  it('says how long ago a recent report was made, and the day and time of older ones', () => {
    expect(reportWhenText('2026-12-03T11:59:30Z', now)).toBe('just now');
    expect(reportWhenText('2026-12-03T11:55:00Z', now)).toBe('5 min ago');
    expect(reportWhenText('2026-12-03T09:00:00Z', now)).toBe('3 h ago');
    expect(reportWhenText('2026-12-01T10:02:00Z', now, 'en-GB')).toMatch(/^1 Dec, \d\d:02$/);
  });
});
