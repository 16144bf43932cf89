import { describe, expect, it } from 'vitest';
import { AttemptLimiter } from './attemptLimiter';

describe('AttemptLimiter', () => {
  const setup = () => {
    let now = 1_000_000;
    const limiter = new AttemptLimiter(3, 60_000, () => now);
    return { limiter, advance: (ms: number) => (now += ms) };
  };

  it('lets a key try until it failed max times within the window, then says how long to wait', () => {
    const { limiter, advance } = setup();
    limiter.fail('u1');
    advance(10_000);
    limiter.fail('u1');
    expect(limiter.blocked('u1')).toBe(0);
    limiter.fail('u1');
    expect(limiter.blocked('u1')).toBe(50_000);
    expect(limiter.blocked('u2')).toBe(0);
  });

  it('forgets failures older than the window', () => {
    const { limiter, advance } = setup();
    for (let i = 0; i < 3; i++) limiter.fail('u1');
    advance(60_001);
    expect(limiter.blocked('u1')).toBe(0);
  });

  it('starts over after a success', () => {
    const { limiter } = setup();
    for (let i = 0; i < 3; i++) limiter.fail('u1');
    limiter.succeed('u1');
    expect(limiter.blocked('u1')).toBe(0);
  });
});
