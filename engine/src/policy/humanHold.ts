import type { HumanReplyMode, HumanReplySettings } from '@tandem/shared';

/** What people did in the chat that journeys yield to: read from the contact, judged per journey. */
export interface HumanActivity {
  /** The last reply a person sent live from the Business App (an echo). */
  lastEchoAt: Date | null;
  /** Its text, trimmed and lower-cased (a resume keyword counts when it is the last thing sent). */
  lastEchoText: string | null;
  /** When a teammate last gave the contact back to the bot: App replies before it hold no journey. */
  botReleasedAt: Date | null;
}

/** Why one journey holds its messages back now, and until when (`until` null: until a keyword or a release). */
export type HumanHold =
  | { reason: 'human_active'; mode: Exclude<HumanReplyMode, 'never'>; since: Date; until: Date | null }
  | { reason: 'collision_guard'; mode: HumanReplyMode; since: Date; until: Date };

/** The text a resume keyword is compared as. */
export const echoText = (text: string): string => text.trim().toLowerCase().slice(0, 64);

/**
 * Whether a journey with this human-reply rule holds back a bot message at `now`, judged from the
 * last App reply — whether the journey was running when the reply came or started later:
 * "pause for N minutes" waits N minutes after it; "until keyword" waits until the keyword is the
 * last thing a person sent from the App; "until released" waits for "Back to bot"; "never" only
 * keeps the collision guard, so the bot never talks over a person who just wrote. A release after
 * the last reply ends every hold; so does the journey's own keyword, guard included.
 */
export function humanHold(rule: HumanReplySettings, activity: HumanActivity, now: Date): HumanHold | null {
  const since = activity.lastEchoAt;
  if (!since) return null;
  if (activity.botReleasedAt && activity.botReleasedAt.getTime() >= since.getTime()) return null;
  if (rule.mode === 'until_keyword' && activity.lastEchoText === echoText(rule.resumeKeyword)) return null;
  const at = now.getTime();
  switch (rule.mode) {
    case 'pause_for': {
      const until = since.getTime() + rule.pauseMinutes * 60_000;
      if (until > at) return { reason: 'human_active', mode: rule.mode, since, until: new Date(until) };
      break;
    }
    case 'until_keyword':
    case 'until_release':
      return { reason: 'human_active', mode: rule.mode, since, until: null };
    case 'never':
      break;
  }
  const clear = since.getTime() + rule.collisionGuardSeconds * 1000;
  return clear > at ? { reason: 'collision_guard', mode: rule.mode, since, until: new Date(clear) } : null;
}
