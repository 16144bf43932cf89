import { WINDOW_MS } from '@tandem/shared';
import { FOREVER } from '@tandem/engine/runtime';
import type { ContactView, JourneyHold } from '@tandem/shared/api';
import type { contacts } from '../db/schema';

const iso = (d: Date | null) => (d === null ? null : d.toISOString());
/** A pause until someone resumes the contact is stored as a far-future date (or Postgres' infinity, an invalid Date). */
const indefinite = (d: Date | null) => d !== null && (Number.isNaN(d.getTime()) || d.getTime() >= FOREVER.getTime());

/** A contact as the API shows it; the 24-hour window is judged on the workspace's clock; `holds` come from journeyHolds. */
export function contactView(c: typeof contacts.$inferSelect, now: Date, holds: JourneyHold[] = []): ContactView {
  const expires = c.lastInboundAt ? new Date(c.lastInboundAt.getTime() + WINDOW_MS) : null;
  return {
    id: c.id,
    waId: c.waId,
    userId: c.userId,
    phone: c.phone,
    profileName: c.profileName,
    attributes: c.attributes,
    tags: c.tags,
    timezone: c.timezone,
    marketingConsent: c.marketingConsent,
    consentChangedAt: iso(c.consentChangedAt),
    consentSource: c.consentSource,
    lastInboundAt: iso(c.lastInboundAt),
    windowOpen: expires !== null && expires.getTime() > now.getTime(),
    windowExpiresAt: iso(expires),
    freeEntryUntil: iso(c.freeEntryUntil),
    lastAppReplyAt: iso(c.lastAppReplyAt),
    pausedUntil: indefinite(c.pausedUntil) ? null : iso(c.pausedUntil),
    pausedIndefinitely: indefinite(c.pausedUntil),
    pauseReason: c.pauseReason,
    holds,
    adClick: adClickOf(c.referral, c.referralAt),
    createdAt: c.createdAt.toISOString(),
  };
}

/** The stored referral (as parsed from the webhook, camelCase) in the API's words. */
function adClickOf(referral: Record<string, unknown> | null, at: Date | null): ContactView['adClick'] {
  if (!referral || !at) return null;
  const text = (key: string) => (typeof referral[key] === 'string' && referral[key] !== '' ? (referral[key] as string) : null);
  return {
    sourceType: text('sourceType'),
    sourceId: text('sourceId'),
    headline: text('headline'),
    sourceUrl: text('sourceUrl'),
    clickId: text('ctwaClid') !== null,
    at: at.toISOString(),
  };
}
