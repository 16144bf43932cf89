import { PERSON } from '@tandem/shared';
import type { ContactView } from '@tandem/shared/api';

type Pause = Pick<ContactView, 'pausedUntil' | 'pausedIndefinitely'>;

/** Whether the bot is paused for a contact at `now`. */
export function isPaused(c: Pause, now: string): boolean {
  return c.pausedIndefinitely || (c.pausedUntil !== null && c.pausedUntil > now);
}

/** Why and until when, in a line. */
export function pauseText(c: Pause & Pick<ContactView, 'pauseReason'>): string {
  const why =
    c.pauseReason === 'app_reply' ? 'A person replied from the Business App' : c.pauseReason === PERSON ? 'Handed over to a person' : 'The bot is paused';
  const until = c.pausedIndefinitely ? ' until someone resumes it' : c.pausedUntil ? ` until ${new Date(c.pausedUntil).toLocaleString()}` : '';
  return `${why}: the bot is quiet${until}.`;
}
