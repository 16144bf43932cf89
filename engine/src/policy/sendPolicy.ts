import { HANDOVER_NOTE, PERSON, WINDOW_MS, type HumanReplySettings, type QuietHours } from '@tandem/shared';
import { contentKindOf, templateOf, type OutboundContent } from '@tandem/nodes';
import { wallTime, zonedInstant } from '@tandem/nodes/runtime';
import type { ContactState } from '../runtime/types';
import { humanHold, type HumanHold } from './humanHold';

export interface SendRequest {
  content: OutboundContent;
  /** `agent`: a person replying from Tandem's inbox; pauses for people do not apply to them. */
  purpose?: string;
  contact: ContactState;
  now: Date;
  /** Why the number cannot send (error 131048/368, account_update…), or null. */
  numberPausedReason: string | null;
  quietHours: QuietHours | null;
  timezone: string;
  /** The journey's rule for a person replying from the Business App (the default for messages of no journey). */
  humanReply: HumanReplySettings;
  /** Marketing templates to this contact within the cap's period, and the cap (null = none). */
  marketingSentRecently: number;
  marketingCap: number | null;
  /** Earliest time the next message may go to this contact (pacing of consecutive bubbles). */
  nextSendAt: Date | null;
  /** A template's status in the workspace's synced list (APPROVED, PAUSED, DISABLED…); null when unknown. */
  templateStatus?: string | null;
}

export type SendDecision =
  /** `instead`: the window is closed and the message declares what to send then (a Flow's button template). */
  | { action: 'send'; instead?: OutboundContent }
  | {
      action: 'hold';
      until: Date;
      reason: 'number_paused' | 'human_active' | 'collision_guard' | 'quiet_hours' | 'template_paused' | 'pacing';
      /** Held for a person's App reply: by which rule, since when, until when (null: a keyword or a release). */
      human?: HumanHold;
    }
  | { action: 'window_closed' }
  | { action: 'block'; reason: 'opted_out' | 'frequency_cap' | 'template_unavailable' };

const NUMBER_PAUSE_RECHECK_MS = 10 * 60_000;
/** Meta pauses a low-quality template for 3 or 6 hours; its reinstatement releases held sends at once. */
const TEMPLATE_PAUSE_RECHECK_MS = 60 * 60_000;
/** "Until someone resumes it": a hold with no end of its own. */
export const FOREVER = new Date('9999-12-31T00:00:00Z');
/** Template states WhatsApp refuses to send: the step takes its error output instead of a doomed request. */
const UNSENDABLE_TEMPLATE = new Set(['DISABLED', 'REJECTED', 'DELETED', 'PENDING_DELETION', 'ARCHIVED', 'LOCKED']);

/**
 * The policy gate every outbound message passes, in order: the number may send; no person owns
 * the chat (a handoff) and the journey's own human-reply rule lets it speak after the last App
 * reply (see humanHold); it is not quiet hours for the contact; a
 * free-form message is inside the 24-hour window (App echoes never open it); a template is
 * approved and not paused by Meta; marketing respects the opt-out and the frequency cap;
 * consecutive messages are paced.
 * A held message is sent later, never dropped; the others follow the step's outputs.
 */
export function decideSend(r: SendRequest): SendDecision {
  const now = r.now.getTime();
  if (r.numberPausedReason) return { action: 'hold', until: new Date(now + NUMBER_PAUSE_RECHECK_MS), reason: 'number_paused' };
  const byPerson = r.purpose === 'agent';
  // The handoff's own note ("a teammate will reply") goes out although the handoff paused the bot.
  const handoffNote = r.purpose === HANDOVER_NOTE && r.contact.pauseReason === PERSON;
  if (!byPerson && !handoffNote && r.contact.pausedUntil && r.contact.pausedUntil.getTime() > now)
    return { action: 'hold', until: r.contact.pausedUntil, reason: 'human_active' };
  const human = byPerson ? null : humanHold(r.humanReply, r.contact, r.now);
  if (human) return { action: 'hold', until: human.until ?? FOREVER, reason: human.reason, human };
  if (r.quietHours && !byPerson) {
    const end = quietHoursEnd(r.now, r.quietHours, r.timezone);
    if (end) return { action: 'hold', until: end, reason: 'quiet_hours' };
  }
  const template = templateOf(r.content);
  if (!template) {
    const open = r.contact.lastInboundAt !== null && r.contact.lastInboundAt.getTime() + WINDOW_MS > now;
    if (!open) {
      const instead = contentKindOf(r.content.kind)?.outsideWindow?.(r.content) as OutboundContent | undefined;
      if (!instead || !templateOf(instead)) return { action: 'window_closed' };
      const decided = decideSend({ ...r, content: instead, templateStatus: null });
      return decided.action === 'send' ? { action: 'send', instead } : decided;
    }
  }
  if (template && r.templateStatus) {
    if (UNSENDABLE_TEMPLATE.has(r.templateStatus)) return { action: 'block', reason: 'template_unavailable' };
    if (r.templateStatus === 'PAUSED' || r.templateStatus === 'PENDING')
      return { action: 'hold', until: new Date(now + TEMPLATE_PAUSE_RECHECK_MS), reason: 'template_paused' };
  }
  if (template?.category === 'MARKETING') {
    if (r.contact.marketingConsent === 'opted_out') return { action: 'block', reason: 'opted_out' };
    if (r.marketingCap !== null && r.marketingSentRecently >= r.marketingCap) return { action: 'block', reason: 'frequency_cap' };
  }
  if (r.nextSendAt && r.nextSendAt.getTime() > now) return { action: 'hold', until: r.nextSendAt, reason: 'pacing' };
  return { action: 'send' };
}

/** When quiet hours end, if `now` falls in them in the given time zone (spans midnight when start > end). */
export function quietHoursEnd(now: Date, q: QuietHours, timeZone: string): Date | undefined {
  const w = wallTime(now, timeZone);
  const minutes = w.hour * 60 + w.minute;
  const [sh, sm] = q.start.split(':').map(Number) as [number, number];
  const [eh, em] = q.end.split(':').map(Number) as [number, number];
  const start = sh * 60 + sm;
  const end = eh * 60 + em;
  if (start === end) return undefined;
  const inside = start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
  if (!inside) return undefined;
  const endsTomorrow = start > end && minutes >= start;
  const day = new Date(Date.UTC(w.year, w.month - 1, w.day + (endsTomorrow ? 1 : 0)));
  return zonedInstant(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), eh, em, timeZone);
}
