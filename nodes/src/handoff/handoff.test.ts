import { describe, expect, it } from 'vitest';
import { handoff } from './definition';
import { compileWith, configOf, issuesOf, portIds } from '../../test/nodeTestKit';

const enter = { type: 'tandem.enter', params: { node: 'n1' } };
const openHandoff = { type: 'tandem.nodeEffect', params: { node: 'n1', effect: 'openHandoff' } };
const timer = (timer: string) => ({ type: 'tandem.timer', params: { node: 'n1', timer } });
const port = (port: string) => ({ type: 'tandem.port', params: { node: 'n1', port } });

describe('handoff', () => {
  it('accepts its defaults: support team, a note to the contact, back to the bot on release', () => {
    expect(configOf(handoff, handoff.defaults)).toEqual({
      team: 'support',
      message: 'A teammate will reply shortly.',
      resume: { mode: 'on_release', idleHours: 24 },
      timeout: { amount: 4, unit: 'hours' },
    });
  });

  it('rejects a blank team and an unknown resume rule', () => {
    expect(issuesOf(handoff, { team: '  ' })).toEqual(['team: Team / queue: Name the team']);
    expect(issuesOf(handoff, { resume: { mode: 'sometimes' } })).toEqual([
      'resume.mode: resume › Give the conversation back to the bot: Choose one of: on_release, after_idle, never',
    ]);
  });

  it('has a back-to-bot output, and a not-taken output only with a timeout', () => {
    expect(handoff.ports(configOf(handoff, handoff.defaults))).toEqual([
      { id: 'resolved', label: 'Back to bot', kind: 'next', required: false },
      { id: 'timeout', label: 'Not taken', kind: 'timeout', required: false },
    ]);
    expect(portIds(handoff, { timeout: null })).toEqual(['resolved']);
  });

  it('has no outputs when the bot never resumes', () => {
    expect(portIds(handoff, { resume: { mode: 'never' }, timeout: { amount: 1, unit: 'hours' } })).toEqual([]);
  });

  it('compiles to a handoff that waits for the release or the timeout', () => {
    expect(compileWith(handoff, handoff.defaults)).toEqual({
      entry: [enter, openHandoff, { type: 'tandem.send', params: { node: 'n1', purpose: 'handover_note' } }, timer('timeout')],
      on: {
        'handoff.released': [{ target: 'resolved_target', actions: [port('resolved')] }],
        'timer.fired': [{ target: 'timeout_target', guard: { type: 'tandem.timer', params: { node: 'n1', timer: 'timeout' } }, actions: [port('timeout')] }],
      },
    });
  });

  it('also goes back to the bot after the quiet period in after_idle mode', () => {
    const state = compileWith(handoff, { message: '', resume: { mode: 'after_idle', idleHours: 2 } });
    expect(state.entry).toEqual([enter, openHandoff, timer('idle')]);
    expect(state.on?.['timer.fired']).toEqual([
      { target: 'resolved_target', guard: { type: 'tandem.timer', params: { node: 'n1', timer: 'idle' } }, actions: [port('resolved')] },
    ]);
  });

  it('compiles to a final state when the bot never resumes', () => {
    expect(compileWith(handoff, { message: '', resume: { mode: 'never' } })).toEqual({ type: 'final', entry: [enter, openHandoff] });
  });

  it('ends the run when the not-taken output is not connected', () => {
    expect(compileWith(handoff, handoff.defaults, ['resolved']).on?.['timer.fired']?.[0]?.target).toBe('$end');
  });

  it('waits for a person, after whom the 24-hour window is unknown', () => {
    const config = configOf(handoff, handoff.defaults);
    expect(handoff.analysis.waits(config)).toBe(true);
    expect(handoff.analysis.window(config, 'resolved')).toEqual({ kind: 'unknown' });
    expect(handoff.analysis.window(config, 'timeout')).toEqual({ kind: 'elapse', ms: 4 * 3_600_000 });
  });

  it('needs the 24-hour window only when it sends a note to the contact', () => {
    expect(handoff.analysis.freeFormSends(configOf(handoff, handoff.defaults))).toEqual([{ what: 'The handoff message' }]);
    expect(handoff.analysis.freeFormSends(configOf(handoff, { message: '  ' }))).toEqual([]);
  });
});
