import type { WebhookContact } from './commonSchemas';
import { definedOnly } from './definedOnly';
import type { WebhookParty } from './webhookEvents';

/**
 * Who a message came from or a status went to, per the BSUID rules (facts §1.9): the BSUID is
 * resolved user_id → parent_user_id and the phone number wa_id → from; both are kept when present.
 */
export function resolveParty(contacts: readonly WebhookContact[] | undefined, ids: { phone?: string | undefined; userId?: string | undefined }): WebhookParty {
  const contact = matchContact(contacts ?? [], ids);
  return definedOnly({
    waId: contact?.wa_id ?? ids.phone,
    userId: ids.userId ?? contact?.user_id ?? contact?.parent_user_id,
    parentUserId: contact?.parent_user_id,
    profileName: contact?.profile?.name,
  });
}

/** The `contacts[]` entry for a sender: by phone, then by BSUID, else the only one there is. */
function matchContact(contacts: readonly WebhookContact[], ids: { phone?: string | undefined; userId?: string | undefined }): WebhookContact | undefined {
  return (
    (ids.phone !== undefined ? contacts.find((c) => c.wa_id === ids.phone) : undefined) ??
    (ids.userId !== undefined ? contacts.find((c) => c.user_id === ids.userId || c.parent_user_id === ids.userId) : undefined) ??
    (contacts.length === 1 ? contacts[0] : undefined)
  );
}
