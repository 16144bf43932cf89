import { describe, expect, it } from 'vitest';
import type { JourneyHold } from '@tandem/shared/api';
import { heldByApp, holdSentence, isPaused, pauseLines } from './pauseWords';

const now = '2026-03-10T12:00:00.000Z';
const since = '2026-03-10T11:50:00.000Z';
const hold = (h: Partial<JourneyHold>): JourneyHold => ({
  runId: 1,
  flowId: 'f1',
  flowName: 'Order help',
  reason: 'human_active',
  rule: 'pause_for',
  since,
  until: '2026-03-10T12:20:00.000Z',
  minutes: 30,
  ...h,
});
const none = { pausedUntil: null, pausedIndefinitely: false, holds: [] };

describe('why the bot is quiet for a contact', () => {
  it('is paused by a handoff, or by a journey whose rule holds after an App reply; not by the collision guard alone', () => {
    expect(isPaused(none, now)).toBe(false);
    expect(isPaused({ ...none, pausedIndefinitely: true }, now)).toBe(true);
    expect(isPaused({ ...none, holds: [hold({})] }, now)).toBe(true);
    expect(isPaused({ ...none, holds: [hold({ until: '2026-03-10T11:59:00.000Z' })] }, now)).toBe(false);
    expect(isPaused({ ...none, holds: [hold({ reason: 'collision_guard', rule: 'never', until: '2026-03-10T12:00:30.000Z' })] }, now)).toBe(false);
    expect(heldByApp({ holds: [hold({ rule: 'until_release', until: null })] }, now)).toHaveLength(1);
  });

  it('says per journey which rule holds it and until when', () => {
    expect(holdSentence(hold({}))).toMatch(
      /^“Order help” waits: a person replied from the Business App at .+; it pauses 30 minutes after the last App reply, so it speaks again at .+\.$/,
    );
    expect(holdSentence(hold({ rule: 'until_keyword', until: null, keyword: '#bot', minutes: undefined }))).toContain('when someone sends “#bot” from the App');
    expect(holdSentence(hold({ rule: 'until_release', until: null, minutes: undefined }))).toContain('when a teammate clicks Resume automation');
    expect(holdSentence(hold({ reason: 'collision_guard', rule: 'never', flowName: 'Promo' }))).toMatch(
      /^“Promo” holds its next message until .+ so as not to talk over/,
    );
    const lines = pauseLines(
      { pausedUntil: null, pausedIndefinitely: true, holds: [hold({}), hold({ flowName: 'Old', until: '2026-03-10T11:00:00.000Z' })] },
      now,
    );
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('A teammate is talking to them');
    expect(lines[1]).toContain('“Order help”');
  });
});
