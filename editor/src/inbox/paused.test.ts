import { describe, expect, it } from 'vitest';
import { isPaused, pauseText } from './paused';

describe('paused contacts', () => {
  const now = '2026-03-10T12:00:00.000Z';
  it('are paused until a time, or until someone resumes them', () => {
    expect(isPaused({ pausedUntil: null, pausedIndefinitely: false }, now)).toBe(false);
    expect(isPaused({ pausedUntil: '2026-03-10T11:59:00.000Z', pausedIndefinitely: false }, now)).toBe(false);
    expect(isPaused({ pausedUntil: '2026-03-10T12:30:00.000Z', pausedIndefinitely: false }, now)).toBe(true);
    expect(isPaused({ pausedUntil: null, pausedIndefinitely: true }, now)).toBe(true);
  });

  it('say why', () => {
    expect(pauseText({ pausedUntil: null, pausedIndefinitely: true, pauseReason: 'person' })).toBe(
      'Handed over to a person: the bot is quiet until someone resumes it.',
    );
    expect(pauseText({ pausedUntil: '2026-03-10T12:30:00.000Z', pausedIndefinitely: false, pauseReason: 'app_reply' })).toMatch(
      /^A person replied from the Business App: the bot is quiet until /,
    );
  });
});
