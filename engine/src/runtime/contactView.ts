import { WINDOW_MS } from '@tandem/shared';
import type { ContactState } from './types';

/** The contact as expressions and messages see it: `contact.<field>`. Absent known fields are null. */
export function contactView(contact: ContactState, fields: readonly string[], now: Date): Record<string, unknown> {
  const windowExpires = contact.lastInboundAt ? new Date(contact.lastInboundAt.getTime() + WINDOW_MS) : null;
  const view: Record<string, unknown> = {};
  for (const f of fields) view[f] = null;
  Object.assign(view, contact.attributes, {
    id: String(contact.id),
    wa_id: contact.waId,
    user_id: contact.userId,
    phone: contact.phone ?? (contact.waId ? `+${contact.waId}` : null),
    profile_name: contact.profileName,
    tags: contact.tags,
    timezone: contact.timezone,
    marketing_opt_in: contact.marketingConsent !== 'opted_out',
    created_at: contact.createdAt,
    last_inbound_at: contact.lastInboundAt,
    window_open: windowExpires !== null && windowExpires.getTime() > now.getTime(),
    window_expires_at: windowExpires,
    free_entry_until: contact.freeEntryUntil,
    last_app_reply_at: contact.lastAppReplyAt,
  });
  return view;
}
