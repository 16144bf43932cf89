import type { ContactView, JourneyHold } from '@tandem/shared/api';
import { momentText } from '../analytics/timeWords';

type Pause = Pick<ContactView, 'pausedUntil' | 'pausedIndefinitely' | 'holds'>;

const later = (at: string | null, now: string | Date) => at === null || Date.parse(at) > new Date(now).getTime();

/** A handoff pauses every journey of the contact; undefined when none does now. */
function handoffPause(c: Pick<ContactView, 'pausedUntil' | 'pausedIndefinitely'>, now: string | Date): string | undefined {
  if (c.pausedIndefinitely) return 'A teammate is talking to them: every journey waits until the conversation is given back to the bot.';
  if (c.pausedUntil && later(c.pausedUntil, now)) return `A teammate is talking to them: every journey waits until ${momentText(c.pausedUntil)}.`;
  return undefined;
}

/** The journeys that hold their messages by their rule after a person's App reply (not only the few seconds of the collision guard). */
export function heldByApp(c: Pick<ContactView, 'holds'>, now: string | Date): JourneyHold[] {
  return c.holds.filter((h) => h.reason === 'human_active' && later(h.until, now));
}

/** Whether any journey is quiet for this contact now because of a person: a handoff, or a journey's rule after an App reply. */
export function isPaused(c: Pause, now: string | Date): boolean {
  return handoffPause(c, now) !== undefined || heldByApp(c, now).length > 0;
}

/** Why one journey holds back its messages, and until when, in a sentence. */
export function holdSentence(h: JourneyHold): string {
  const who = `“${h.flowName}” waits: a person replied from the Business App at ${momentText(h.since)}`;
  if (h.reason === 'collision_guard')
    return `“${h.flowName}” holds its next message until ${momentText(h.until!)} so as not to talk over the person who replied from the Business App.`;
  switch (h.rule) {
    case 'pause_for':
      return `${who}; it pauses ${h.minutes ?? ''} minutes after the last App reply, so it speaks again at ${momentText(h.until!)}.`;
    case 'until_keyword':
      return `${who}; it carries on when someone sends “${h.keyword ?? ''}” from the App (or a teammate clicks Resume automation).`;
    default:
      return `${who}; it carries on when a teammate clicks Resume automation.`;
  }
}

/** Every reason the bot is quiet for the contact now, one sentence each: the handoff, then each journey by its own rule. */
export function pauseLines(c: Pause, now: string | Date): string[] {
  const handoff = handoffPause(c, now);
  return [...(handoff ? [handoff] : []), ...c.holds.filter((h) => later(h.until, now)).map(holdSentence)];
}
