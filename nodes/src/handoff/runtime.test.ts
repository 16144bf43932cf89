import { describe, expect, it } from 'vitest';
import type { RunEvent } from '@tandem/shared';
import type { Scope } from '../defineRuntime';
import { handoff } from './definition';
import { handoffRuntime } from './runtime';
import { configOf } from '../../test/nodeTestKit';
import { fakeCaps } from '../../test/fakeCaps';
import { fakePorts } from '../../test/fakePorts';

const now = new Date('2026-03-02T09:00:00.000Z');
const scope: Scope = { contact: { first_name: 'Ada' }, vars: {}, trigger: {}, now };

const caps = fakeCaps();
const timerAt = (data: Record<string, unknown>, kind: 'timeout' | 'idle') => {
  const result = handoffRuntime.timer!(configOf(handoff, data), kind, { now, timezone: 'UTC', scope, caps });
  return 'at' in result ? result.at.toISOString() : 'missed';
};

const entered: RunEvent = { type: 'run.start', node: 'hi', runId: '1', trigger: {} };
const handoffPayload = (data: Record<string, unknown>) =>
  handoffRuntime.effects!.openHandoff!.payloadFrom(configOf(handoff, data), { scope, event: entered, caps: fakeCaps() });

describe('handoff runtime', () => {
  it('hands the conversation to the configured team and resumes when a teammate releases it by default', () => {
    expect(handoffPayload({ team: 'billing' })).toEqual({ team: 'billing', resume: 'on_release' });
  });

  it('passes on how the bot resumes: after a quiet period, or never', () => {
    expect(handoffPayload({ resume: { mode: 'after_idle' } })).toEqual({ team: 'support', resume: 'after_idle' });
    expect(handoffPayload({ resume: { mode: 'never' } })).toEqual({ team: 'support', resume: 'never' });
  });

  it('tells the contact a person will reply, with their name filled in', () => {
    const c = configOf(handoff, { message: 'Thanks {{contact.first_name}}, a teammate will reply shortly.' });
    expect(handoffRuntime.message!(c, 'handover_note', scope, caps)).toEqual({
      kind: 'text',
      text: 'Thanks Ada, a teammate will reply shortly.',
      previewUrl: false,
    });
  });

  it('sends nothing when the message is empty or only spaces', () => {
    expect(handoffRuntime.message!(configOf(handoff, {}), 'handover_note', scope, caps)).toBeUndefined();
    expect(handoffRuntime.message!(configOf(handoff, { message: '  \n ' }), 'handover_note', scope, caps)).toBeUndefined();
  });

  it('gives up on the handoff when nobody takes it within the timeout', () => {
    expect(timerAt({ timeout: { amount: 4, unit: 'hours' } }, 'timeout')).toBe('2026-03-02T13:00:00.000Z');
  });

  it('gives the conversation back after the quiet period in hours, which may be fractional', () => {
    expect(timerAt({ resume: { mode: 'after_idle', idleHours: 1.5 } }, 'idle')).toBe('2026-03-02T10:30:00.000Z');
    expect(timerAt({ resume: { mode: 'after_idle' }, timeout: { amount: 10, unit: 'minutes' } }, 'idle')).toBe('2026-03-03T09:00:00.000Z');
  });

  it('restarts the quiet period whenever the contact or the person writes: the idle timer declares its length, the timeout does not', () => {
    const c = configOf(handoff, { resume: { mode: 'after_idle', idleHours: 2 }, timeout: { amount: 10, unit: 'minutes' } });
    expect(handoffRuntime.timer!(c, 'idle', { now, timezone: 'UTC', scope, caps })).toEqual({
      at: new Date('2026-03-02T11:00:00.000Z'),
      restartOnActivityMs: 7_200_000,
    });
    expect(handoffRuntime.timer!(c, 'timeout', { now, timezone: 'UTC', scope, caps })).toEqual({ at: new Date('2026-03-02T09:10:00.000Z') });
  });

  it('keeps the idle and the timeout timer apart when both are set', () => {
    const both = { resume: { mode: 'after_idle', idleHours: 2 }, timeout: { amount: 30, unit: 'minutes' } };
    expect(timerAt(both, 'timeout')).toBe('2026-03-02T09:30:00.000Z');
    expect(timerAt(both, 'idle')).toBe('2026-03-02T11:00:00.000Z');
  });
});

describe('handoff runtime: what the engine reads', () => {
  it('waits for the person, arms its timeout, and a run that ends on it ends by "handoff"', () => {
    const c = configOf(handoff, handoff.defaults);
    expect(handoffRuntime.waitingFor?.(c)).toEqual({ for: 'person' });
    expect(handoffRuntime.armsTimers).toBe(true);
    expect(handoffRuntime.endReason).toBe('handoff');
  });
});

describe('handoff runtime: the openHandoff effect', () => {
  const effect = handoffRuntime.effects!.openHandoff!;

  it('computes a payload its schema accepts: the team and how the bot resumes', () => {
    expect(effect.payload.parse(handoffPayload({ team: 'billing' }))).toEqual({ team: 'billing', resume: 'on_release' });
    expect(effect.payload.safeParse({ team: 'billing', resume: 'later' }).success).toBe(false);
    expect(effect.payload.safeParse({ resume: 'never' }).success).toBe(false);
  });

  it("opens the handoff for the team, then pauses the bot until it is released (reason 'person': a person has the conversation)", async () => {
    const { calls, ports } = fakePorts();
    await effect.run(effect.payload.parse({ team: 'sales', resume: 'never' }), ports);
    expect(calls).toEqual([{ openHandoff: 'sales' }, { pause: 'person' }]);
  });
});
