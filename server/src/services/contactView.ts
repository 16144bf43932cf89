import { WINDOW_MS } from '@tandem/shared';
import type { ContactView } from '@tandem/shared/api';
import type { contacts } from '../db/schema';

/** Postgres' 'infinity' (a pause until someone resumes the contact) reads as an invalid Date; the API says "infinity". */
const iso = (d: Date | null) => (d === null ? null : Number.isNaN(d.getTime()) ? 'infinity' : d.toISOString());

/** A contact as the API shows it; the 24-hour window is judged on the workspace's clock. */
export function contactView(c: typeof contacts.$inferSelect, now: Date): ContactView {
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
    pausedUntil: iso(c.pausedUntil),
    pauseReason: c.pauseReason,
    createdAt: c.createdAt.toISOString(),
  };
}
