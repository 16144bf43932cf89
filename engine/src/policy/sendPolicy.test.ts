import { describe, expect, it } from 'vitest';
import type { OutboundContent } from '@tandem/nodes';
import { humanReplySettingsSchema } from '@tandem/shared';
import { contact } from '../../test/stepKit';
import { decideSend, quietHoursEnd, type SendRequest } from './sendPolicy';

const now = new Date('2026-11-24T12:00:00Z');
const text: OutboundContent = { kind: 'text', text: 'Hi', previewUrl: false };
const marketing: OutboundContent = { kind: 'template', name: 'promo', language: 'en', category: 'MARKETING', body: [], buttons: [] };
const utility: OutboundContent = { ...marketing, name: 'order_update', category: 'UTILITY' };
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

function request(overrides: Partial<SendRequest> = {}): SendRequest {
  return {
    content: text,
    contact: contact({ lastInboundAt: hoursAgo(1) }),
    now,
    numberPausedReason: null,
    quietHours: null,
    timezone: 'Europe/Berlin',
    humanReply: humanReplySettingsSchema.parse({ mode: 'never' }),
    marketingSentRecently: 0,
    marketingCap: null,
    nextSendAt: null,
    ...overrides,
  };
}

describe('send policy', () => {
  it('holds a template WhatsApp paused or has not approved yet, and blocks one it will refuse', () => {
    expect(decideSend(request({ content: utility, templateStatus: 'APPROVED' }))).toEqual({ action: 'send' });
    expect(decideSend(request({ content: utility, templateStatus: null }))).toEqual({ action: 'send' });
    for (const status of ['PAUSED', 'PENDING']) {
      expect(decideSend(request({ content: utility, templateStatus: status }))).toEqual({
        action: 'hold',
        until: new Date(now.getTime() + 3_600_000),
        reason: 'template_paused',
      });
    }
    for (const status of ['DISABLED', 'REJECTED', 'DELETED']) {
      expect(decideSend(request({ content: utility, templateStatus: status }))).toEqual({ action: 'block', reason: 'template_unavailable' });
    }
    // A free-form message is not a template, whatever the field says.
    expect(decideSend(request({ templateStatus: 'DISABLED' }))).toEqual({ action: 'send' });
  });

  it('sends a free-form message inside the 24-hour window', () => {
    expect(decideSend(request())).toEqual({ action: 'send' });
  });

  it('routes a free-form message to window_closed 24 hours after the last inbound message', () => {
    expect(decideSend(request({ contact: contact({ lastInboundAt: hoursAgo(24) }) }))).toEqual({ action: 'window_closed' });
    expect(decideSend(request({ contact: contact({ lastInboundAt: null }) }))).toEqual({ action: 'window_closed' });
  });

  it("outside the window sends the template a message declares instead (a Flow's button template), under the template rules", () => {
    const instead: OutboundContent = {
      kind: 'template',
      name: 'lead_form',
      language: 'en',
      category: 'MARKETING',
      body: [],
      buttons: [{ index: 0, subType: 'flow', flowToken: 't' }],
    };
    const flow: OutboundContent = { kind: 'flow', flowId: '1', flowName: '', token: 't', body: 'Form', cta: 'Open', screen: 'A', outsideWindow: instead };
    const closed = contact({ lastInboundAt: hoursAgo(30) });
    expect(decideSend(request({ content: flow }))).toEqual({ action: 'send' });
    expect(decideSend(request({ content: flow, contact: closed }))).toEqual({ action: 'send', instead });
    expect(decideSend(request({ content: flow, contact: { ...closed, marketingConsent: 'opted_out' } }))).toEqual({ action: 'block', reason: 'opted_out' });
    const { outsideWindow: _none, ...withoutTemplate } = flow;
    expect(decideSend(request({ content: withoutTemplate, contact: closed }))).toEqual({ action: 'window_closed' });
  });

  it('does not count a Business App reply as opening the window', () => {
    const c = contact({ lastInboundAt: hoursAgo(30), lastAppReplyAt: hoursAgo(2) });
    expect(decideSend(request({ contact: c }))).toEqual({ action: 'window_closed' });
  });

  it('sends templates outside the window', () => {
    expect(decideSend(request({ content: utility, contact: contact({ lastInboundAt: null }) }))).toEqual({ action: 'send' });
  });

  it('blocks marketing templates to an opted-out contact but still sends utility templates', () => {
    const c = contact({ marketingConsent: 'opted_out' });
    expect(decideSend(request({ content: marketing, contact: c }))).toEqual({ action: 'block', reason: 'opted_out' });
    expect(decideSend(request({ content: utility, contact: c }))).toEqual({ action: 'send' });
  });

  it('blocks marketing beyond the frequency cap', () => {
    expect(decideSend(request({ content: marketing, marketingCap: 2, marketingSentRecently: 2 }))).toEqual({ action: 'block', reason: 'frequency_cap' });
    expect(decideSend(request({ content: marketing, marketingCap: 2, marketingSentRecently: 1 }))).toEqual({ action: 'send' });
  });

  it('holds while a person is talking, and for the collision guard after an App reply', () => {
    const until = new Date(now.getTime() + 20 * 60_000);
    expect(decideSend(request({ contact: contact({ lastInboundAt: hoursAgo(1), pausedUntil: until }) }))).toEqual({
      action: 'hold',
      until,
      reason: 'human_active',
    });
    const repliedAt = new Date(now.getTime() - 10_000);
    const justReplied = contact({ lastInboundAt: hoursAgo(1), lastAppReplyAt: repliedAt, lastEchoAt: repliedAt });
    expect(decideSend(request({ contact: justReplied }))).toEqual({
      action: 'hold',
      until: new Date(now.getTime() + 50_000),
      reason: 'collision_guard',
      human: { reason: 'collision_guard', mode: 'never', since: repliedAt, until: new Date(now.getTime() + 50_000) },
    });
    // The journey's own rule decides: the default pauses 30 minutes after the reply.
    expect(decideSend(request({ contact: justReplied, humanReply: humanReplySettingsSchema.parse({}) }))).toMatchObject({
      action: 'hold',
      until: new Date(repliedAt.getTime() + 30 * 60_000),
      reason: 'human_active',
    });
    // A reply found only in the synced history holds nothing.
    expect(decideSend(request({ contact: contact({ lastInboundAt: hoursAgo(1), lastAppReplyAt: repliedAt }) }))).toEqual({ action: 'send' });
  });

  it('holds everything while the number is paused', () => {
    expect(decideSend(request({ numberPausedReason: 'error 131048' }))).toMatchObject({ action: 'hold', reason: 'number_paused' });
  });

  it("holds during quiet hours until they end in the contact's time zone", () => {
    const late = new Date('2026-11-24T21:30:00Z');
    expect(decideSend(request({ now: late, quietHours: { start: '21:00', end: '08:00' }, contact: contact({ lastInboundAt: late }) }))).toEqual({
      action: 'hold',
      until: new Date('2026-11-25T07:00:00Z'),
      reason: 'quiet_hours',
    });
  });

  it('paces consecutive messages to one contact', () => {
    const next = new Date(now.getTime() + 800);
    expect(decideSend(request({ nextSendAt: next }))).toEqual({ action: 'hold', until: next, reason: 'pacing' });
  });
});

describe('quiet hours', () => {
  it('spans midnight and ends at the local end time, across a DST change', () => {
    expect(quietHoursEnd(new Date('2026-03-28T23:30:00Z'), { start: '22:00', end: '07:00' }, 'Europe/Berlin')?.toISOString()).toBe('2026-03-29T05:00:00.000Z');
    expect(quietHoursEnd(new Date('2026-11-24T12:00:00Z'), { start: '22:00', end: '07:00' }, 'Europe/Berlin')).toBeUndefined();
  });

  it('handles a same-day window', () => {
    expect(quietHoursEnd(new Date('2026-11-24T12:30:00Z'), { start: '12:00', end: '14:00' }, 'UTC')?.toISOString()).toBe('2026-11-24T14:00:00.000Z');
  });
});

describe('send policy for a person replying from the inbox', () => {
  it('is not held by the pause a handoff puts on the bot, nor by quiet hours', () => {
    const paused = contact({ lastInboundAt: hoursAgo(1), pausedUntil: new Date(now.getTime() + 3_600_000), lastAppReplyAt: new Date(now.getTime() - 5_000) });
    expect(decideSend(request({ purpose: 'agent', contact: paused, quietHours: { start: '00:00', end: '23:59' } }))).toEqual({ action: 'send' });
    expect(decideSend(request({ purpose: 'agent', contact: contact({ lastInboundAt: hoursAgo(30) }) }))).toEqual({ action: 'window_closed' });
  });
});
