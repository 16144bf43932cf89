import { describe, expect, it } from 'vitest';
import { end } from './definition';
import { endRuntime } from './runtime';
import { configOf } from '../../test/nodeTestKit';

const outcome = endRuntime.outcome!;

describe('end runtime', () => {
  it('records the outcome label for analytics when one is set', () => {
    expect(outcome(configOf(end, { outcome: 'converted' }))).toBe('converted');
  });

  it('records no outcome when the label is left empty', () => {
    expect(outcome(configOf(end, end.defaults))).toBeUndefined();
    expect(outcome(configOf(end, { outcome: '   ' }))).toBeUndefined();
  });
});

describe('end runtime: what the engine reads', () => {
  it('ends the run by "end" and waits for nothing', () => {
    expect(endRuntime.endReason).toBe('end');
    expect(endRuntime.waitingFor).toBeUndefined();
  });
});
