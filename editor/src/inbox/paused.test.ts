import { describe, expect, it } from 'vitest';
import { isPaused, pauseText } from './paused';

describe('paused contacts', () => {
  const now = '2026-03-10T12:00:00.000Z';
  it('are paused until a time, or until someone resumes them', () => {
    expect(isPaused({ pausedUntil: null }, now)).toBe(false);
    expect(isPaused({ pausedUntil: '2026-03-10T11:59:00.000Z' }, now)).toBe(false);
    expect(isPaused({ pausedUntil: '2026-03-10T12:30:00.000Z' }, now)).toBe(true);
    expect(isPaused({ pausedUntil: 'infinity' }, now)).toBe(true);
    expect(isPaused({ pausedUntil: '9999-12-31T00:00:00.000Z' }, now)).toBe(true);
  });

  it('say why', () => {
    expect(pauseText({ pausedUntil: 'infinity', pauseReason: 'handoff' })).toBe('Handed over to a person: the bot is quiet until someone resumes it.');
    expect(pauseText({ pausedUntil: '2026-03-10T12:30:00.000Z', pauseReason: 'app_reply' })).toMatch(/^A person replied from the Business App: the bot is quiet until /);
  });
});
