import { describe, expect, it } from 'vitest';
import type { InboundMessage } from '@tandem/shared';
import { triggerMessage } from './definition';
import { triggerMessageRuntime } from './runtime';
import { configOf } from '../../test/nodeTestKit';

const match = triggerMessageRuntime.matchMessage!;
const config = (data: Record<string, unknown>) => configOf(triggerMessage, data);
const message = (text: string, extra: Partial<InboundMessage> = {}): InboundMessage => ({
  wamid: 'wamid.1',
  kind: 'text',
  text,
  at: '2026-03-02T09:00:00.000Z',
  ...extra,
});
const starts = (data: Record<string, unknown>, m: InboundMessage, firstContact = false) => match(config(data), { message: m, firstContact }) !== undefined;

const stop = { match: 'keywords', keywords: ['stop'] };
const fromAd = (sourceId: string): Partial<InboundMessage> => ({
  referral: { sourceType: 'ad', sourceId, headline: 'Spring sale', ctwaClid: 'clid-7' },
});

describe('trigger-message runtime', () => {
  it('starts on an exact keyword written with other case and spaces around it, but not on a longer word', () => {
    expect(starts(stop, message('STOP '))).toBe(true);
    expect(starts(stop, message('  Stop'))).toBe(true);
    expect(starts(stop, message('stopped'))).toBe(false);
    expect(starts(stop, message('please stop'))).toBe(false);
  });

  it('starts on any of several keywords', () => {
    const menu = { match: 'keywords', keywords: ['menu', 'start'] };
    expect(starts(menu, message('Start'))).toBe(true);
    expect(starts(menu, message('menu'))).toBe(true);
    expect(starts(menu, message('help'))).toBe(false);
  });

  it('compares case when the keyword trigger is case sensitive', () => {
    const promo = { match: 'keywords', keywords: ['PROMO'], caseSensitive: true };
    expect(starts(promo, message('PROMO'))).toBe(true);
    expect(starts(promo, message('promo'))).toBe(false);
  });

  it('finds a keyword anywhere in the message in contains mode', () => {
    const price = { match: 'keywords', keywords: ['price'], keywordMode: 'contains' };
    expect(starts(price, message('What is the PRICE of the red one?'))).toBe(true);
    expect(starts(price, message('How much is it?'))).toBe(false);
  });

  it('needs the message to begin with the keyword in starts-with mode', () => {
    const order = { match: 'keywords', keywords: ['order'], keywordMode: 'starts_with' };
    expect(starts(order, message(' Order 1234'))).toBe(true);
    expect(starts(order, message('my order 1234'))).toBe(false);
  });

  it('does not start on a message without text, such as a photo without caption, when keywords are required', () => {
    expect(starts({ match: 'keywords', keywords: ['hi'], keywordMode: 'contains' }, message('', { kind: 'media' }))).toBe(false);
  });

  it('starts on every message, text or not, when set to any message', () => {
    expect(starts({ match: 'any' }, message('', { kind: 'reaction' }))).toBe(true);
    expect(starts({ match: 'any' }, message('hello'))).toBe(true);
  });

  it('matches a regular expression ignoring case unless it is case sensitive', () => {
    const orderNo = { match: 'regex', pattern: '^order\\s+#?\\d+$' };
    expect(starts(orderNo, message('ORDER #4711'))).toBe(true);
    expect(starts(orderNo, message('order abc'))).toBe(false);
    expect(starts({ ...orderNo, caseSensitive: true }, message('ORDER #4711'))).toBe(false);
  });

  it('does not start, and does not throw, when the regular expression is invalid', () => {
    expect(starts({ match: 'regex', pattern: '(unclosed' }, message('(unclosed'))).toBe(false);
  });

  it('only looks at the first 4096 characters of a message for a pattern', () => {
    const tail = { match: 'regex', pattern: 'needle' };
    expect(starts(tail, message(`${'x'.repeat(4_090)}needle`))).toBe(true);
    expect(starts(tail, message(`${'x'.repeat(4_096)}needle`))).toBe(false);
  });

  it('starts only for a contact writing for the first time when limited to first contacts', () => {
    const welcome = { match: 'any', firstContactOnly: true };
    expect(starts(welcome, message('hi'), true)).toBe(true);
    expect(starts(welcome, message('hi'), false)).toBe(false);
  });

  it('starts for a returning contact when not limited to first contacts', () => {
    expect(starts({ match: 'any' }, message('hi'), false)).toBe(true);
  });

  it('starts only on messages from a click-to-WhatsApp ad when the source is an ad', () => {
    const anyAd = { match: 'any', source: 'ad' };
    expect(starts(anyAd, message('hi', fromAd('120226305854810726')))).toBe(true);
    expect(starts(anyAd, message('hi'))).toBe(false);
    expect(starts(anyAd, message('hi', { referral: { sourceType: 'post', sourceId: '120226305854810726' } }))).toBe(false);
    expect(starts(anyAd, message('hi', { referral: { sourceType: 'ad' } }))).toBe(false);
  });

  it('starts only on the listed ads when ad ids are given', () => {
    const springAds = { match: 'any', source: 'ad', adIds: ['111', '222'] };
    expect(starts(springAds, message('hi', fromAd('222')))).toBe(true);
    expect(starts(springAds, message('hi', fromAd('333')))).toBe(false);
  });

  it('needs both the ad and the keyword when an ad trigger also has keywords', () => {
    const adKeyword = { match: 'keywords', keywords: ['deal'], source: 'ad' };
    expect(starts(adKeyword, message('deal', fromAd('111')))).toBe(true);
    expect(starts(adKeyword, message('hello', fromAd('111')))).toBe(false);
    expect(starts(adKeyword, message('deal'))).toBe(false);
  });

  it('gives the journey the message id, text, type, time and ad details as trigger values', () => {
    const m = message('Deal', { kind: 'button', replyId: 'btn_deal', ...fromAd('111') });
    expect(match(config({ match: 'any', source: 'ad' }), { message: m, firstContact: false })).toEqual({
      message_id: 'wamid.1',
      text: 'Deal',
      message_type: 'button',
      reply_id: 'btn_deal',
      received_at: '2026-03-02T09:00:00.000Z',
      ad_id: '111',
      ad_headline: 'Spring sale',
      ctwa_clid: 'clid-7',
    });
  });

  it('sets the reply and ad values to null for a plain message so expressions can test for them', () => {
    expect(match(config({ match: 'any' }), { message: message('hi'), firstContact: true })).toMatchObject({
      reply_id: null,
      ad_id: null,
      ad_headline: null,
      ctwa_clid: null,
    });
  });
});

describe('trigger-message runtime: what the engine reads', () => {
  it('starts on messages; keywords and patterns rank before ad triggers, which rank before "any message"', () => {
    expect(triggerMessageRuntime.startsOn).toBe('message');
    const rank = (data: Record<string, unknown>) => triggerMessageRuntime.specificity?.(configOf(triggerMessage, data));
    expect(rank({ match: 'keywords', keywords: ['hi'] })).toBe(0);
    expect(rank({ match: 'regex', pattern: '^order \\d+$' })).toBe(0);
    expect(rank({ match: 'any', source: 'ad' })).toBe(1);
    expect(rank({ match: 'any' })).toBe(2);
  });
});
