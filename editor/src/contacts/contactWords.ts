import type { ContactView } from '@tandem/shared/api';
import { momentText } from '../analytics/timeWords';
import { actorWords } from '../team/auditWords';

/** The name people know the contact by: their WhatsApp profile, else the names they gave, else the number. */
export function contactName(c: Pick<ContactView, 'id' | 'profileName' | 'attributes' | 'waId'>): string {
  if (c.profileName?.trim()) return c.profileName.trim();
  const given = [c.attributes.first_name, c.attributes.last_name].filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(' ');
  if (given) return given;
  return c.waId ? `+${c.waId}` : `Contact #${c.id}`;
}

/** The number as people dial it ("+4915111110001"); the business-scoped id when WhatsApp hides the number. */
export function contactNumber(c: Pick<ContactView, 'phone' | 'waId' | 'userId'>): string {
  if (c.phone) return c.phone.startsWith('+') ? c.phone : `+${c.phone}`;
  if (c.waId) return `+${c.waId}`;
  return c.userId ? `WhatsApp user ${c.userId}` : 'No number';
}

export interface WindowStatus {
  open: boolean;
  /** One line: "Open until 3 Dec, 14:05 (22 hours left)". */
  text: string;
  /** What it means for sending. */
  detail: string;
}

/** The 24-hour customer service window on the workspace's clock (the sandbox clock in a sandbox). */
export function windowStatus(c: Pick<ContactView, 'windowOpen' | 'windowExpiresAt' | 'lastInboundAt'>, now: string | Date): WindowStatus {
  if (c.windowOpen && c.windowExpiresAt) {
    // The clock shown may lag the last message by a poll: the window never has more than 24 hours left.
    const from = Math.max(new Date(now).getTime(), c.lastInboundAt ? Date.parse(c.lastInboundAt) : 0);
    return {
      open: true,
      text: `Open until ${momentText(c.windowExpiresAt)} (${leftText(Date.parse(c.windowExpiresAt) - from)} left)`,
      detail: 'They wrote in the last 24 hours: journeys and teammates may send any message.',
    };
  }
  if (c.windowExpiresAt) {
    return {
      open: false,
      text: `Closed since ${momentText(c.windowExpiresAt)}`,
      detail: 'Only approved templates reach them until they write again.',
    };
  }
  return { open: false, text: 'Closed: they have not written yet', detail: 'Only approved templates reach them until they write.' };
}

/** Time left in a window, in hours and minutes ("23 hours 5 minutes", "40 minutes"). */
function leftText(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const h = hours ? `${hours} ${hours === 1 ? 'hour' : 'hours'}` : '';
  const m = minutes ? `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}` : '';
  return [h, m].filter(Boolean).join(' ') || 'less than a minute';
}

/** A free entry point (they came from a Click-to-WhatsApp ad): until when every message is free; undefined when none is open. */
export function freeEntryText(c: Pick<ContactView, 'freeEntryUntil'>, now: string | Date): string | undefined {
  if (!c.freeEntryUntil || Date.parse(c.freeEntryUntil) <= new Date(now).getTime()) return undefined;
  return `They came from an ad: every message, templates included, is free until ${momentText(c.freeEntryUntil)}.`;
}

const ATTRIBUTION_MS = 7 * 24 * 3_600_000;

/**
 * The ad the contact came from, in words: which ad and when, and whether Meta can still be told of
 * their conversions (a click id came with it; Meta attributes for 7 days after the click).
 */
export function adClickText(c: Pick<ContactView, 'adClick'>, now: string | Date): { text: string; detail: string } | undefined {
  const ad = c.adClick;
  if (!ad) return undefined;
  const what = ad.sourceType === 'post' ? 'a post' : 'an ad';
  const name = ad.headline ? ` “${ad.headline}”` : '';
  const id = ad.sourceId ? ` (${ad.sourceType === 'post' ? 'post' : 'ad'} ${ad.sourceId})` : '';
  const text = `Came from ${what}${name}${id} on ${momentText(ad.at)}`;
  if (!ad.clickId) return { text, detail: 'Meta sent no click id with it (an ad in Status does not), so conversions cannot be reported to Meta.' };
  const until = Date.parse(ad.at) + ATTRIBUTION_MS;
  return until > new Date(now).getTime()
    ? { text, detail: `Conversions are reported to Meta's Conversions API until ${momentText(new Date(until).toISOString())}.` }
    : { text, detail: "More than 7 days ago: Meta no longer attributes this contact's conversions to the ad." };
}

export const consentLabels: Record<ContactView['marketingConsent'], string> = {
  unknown: 'Not asked yet',
  opted_in: 'Agreed to marketing',
  opted_out: 'Opted out of marketing',
};

/** How a consent change came, in words (the server keeps `consent_source` as `keyword STOP`, `api: <who>`…). */
export function consentSourceWords(source: string | null, consent: ContactView['marketingConsent']): string {
  if (source === null) return 'How it came was not recorded';
  const keyword = /^keyword (.+)$/.exec(source);
  if (keyword) return `They wrote “${keyword[1]}”`;
  const by = /^(api|import): (.+)$/.exec(source);
  if (by) return by[1] === 'api' ? `Changed by ${actorWords(by[2]!)}` : `Imported from a file by ${actorWords(by[2]!)}`;
  switch (source) {
    case 'opt-out button':
      return 'They tapped the opt-out button of a marketing message';
    case 'whatsapp preferences':
      return consent === 'opted_out'
        ? 'They stopped marketing messages from you in WhatsApp’s own settings'
        : 'They allowed marketing messages from you again in WhatsApp’s own settings';
    case 'whatsapp error 131050':
      return 'WhatsApp refused a marketing message: they had stopped marketing from you in WhatsApp';
    case 'flow':
      return 'A journey step recorded it';
    default:
      return source;
  }
}
