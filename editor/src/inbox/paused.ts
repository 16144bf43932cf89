import type { ContactView } from '@tandem/shared/api';

/** Postgres' infinity may also arrive as a far-future date. */
const untilResumed = (until: string) => until === 'infinity' || new Date(until).getUTCFullYear() >= 9000;

/** Whether the bot is paused for a contact at `now`. */
export function isPaused(c: Pick<ContactView, 'pausedUntil'>, now: string): boolean {
  if (!c.pausedUntil) return false;
  return untilResumed(c.pausedUntil) || c.pausedUntil > now;
}

/** Why and until when, in a line. */
export function pauseText(c: Pick<ContactView, 'pausedUntil' | 'pauseReason'>): string {
  const why = c.pauseReason === 'app_reply' ? 'A person replied from the Business App' : c.pauseReason === 'handoff' ? 'Handed over to a person' : 'The bot is paused';
  const until = c.pausedUntil && untilResumed(c.pausedUntil) ? 'until someone resumes it' : c.pausedUntil ? `until ${new Date(c.pausedUntil).toLocaleString()}` : '';
  return `${why}: the bot is quiet ${until}.`.replace(' .', '.');
}
