import { describe, expect, it } from 'vitest';
import { humanReplySettingsSchema, type HumanReplySettings } from '@tandem/shared';
import { humanHold, type HumanActivity } from './humanHold';

const reply = new Date('2026-11-24T12:00:00Z');
const minutesLater = (minutes: number) => new Date(reply.getTime() + minutes * 60_000);
const rule = (r: Partial<HumanReplySettings>) => humanReplySettingsSchema.parse(r);
const activity = (a: Partial<HumanActivity> = {}): HumanActivity => ({
  lastEchoAt: reply,
  lastEchoText: 'checking with the warehouse',
  botReleasedAt: null,
  ...a,
});

describe('a journey yields to a person who replied from the Business App by its own rule', () => {
  it('holds nothing before any App reply', () => {
    for (const mode of ['pause_for', 'until_keyword', 'until_release', 'never'] as const)
      expect(humanHold(rule({ mode }), activity({ lastEchoAt: null }), minutesLater(1))).toBeNull();
  });

  it('"pause for N minutes" waits N minutes after the last reply, then speaks', () => {
    const r = rule({ mode: 'pause_for', pauseMinutes: 30 });
    expect(humanHold(r, activity(), minutesLater(29))).toEqual({ reason: 'human_active', mode: 'pause_for', since: reply, until: minutesLater(30) });
    expect(humanHold(r, activity(), minutesLater(30))).toBeNull();
  });

  it('"never" keeps only the collision guard', () => {
    const r = rule({ mode: 'never', collisionGuardSeconds: 90 });
    expect(humanHold(r, activity(), minutesLater(1))).toEqual({ reason: 'collision_guard', mode: 'never', since: reply, until: minutesLater(1.5) });
    expect(humanHold(r, activity(), minutesLater(1.5))).toBeNull();
    expect(humanHold(rule({ mode: 'never', collisionGuardSeconds: 0 }), activity(), reply)).toBeNull();
  });

  it('a pause shorter than the guard still keeps the guard', () => {
    const r = rule({ mode: 'pause_for', pauseMinutes: 1, collisionGuardSeconds: 300 });
    expect(humanHold(r, activity(), minutesLater(2))).toMatchObject({ reason: 'collision_guard', until: minutesLater(5) });
  });

  it('"until keyword" holds until its own keyword is the last thing sent from the App', () => {
    const r = rule({ mode: 'until_keyword', resumeKeyword: '#Bot' });
    expect(humanHold(r, activity(), minutesLater(600))).toEqual({ reason: 'human_active', mode: 'until_keyword', since: reply, until: null });
    expect(humanHold(r, activity({ lastEchoText: '#bot' }), minutesLater(0))).toBeNull();
    // Another journey's keyword is a reply like any other for this one.
    expect(humanHold(r, activity({ lastEchoText: '#resume' }), minutesLater(1))).toMatchObject({ reason: 'human_active' });
    // And this keyword is a reply for a journey that pauses for a while.
    expect(humanHold(rule({ mode: 'pause_for' }), activity({ lastEchoText: '#bot' }), minutesLater(1))).toMatchObject({ reason: 'human_active' });
  });

  it('"until released" holds until a teammate gives the contact back; a release ends every rule\'s hold', () => {
    const r = rule({ mode: 'until_release' });
    expect(humanHold(r, activity(), minutesLater(10_000))).toMatchObject({ reason: 'human_active', until: null });
    const released = activity({ botReleasedAt: minutesLater(5) });
    for (const mode of ['pause_for', 'until_keyword', 'until_release', 'never'] as const)
      expect(humanHold(rule({ mode }), released, minutesLater(6))).toBeNull();
    // A reply after the release holds again.
    expect(humanHold(r, activity({ botReleasedAt: minutesLater(-5) }), minutesLater(6))).toMatchObject({ reason: 'human_active' });
  });
});
