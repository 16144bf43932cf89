import { identityKey } from '../runtime/ports';
import type { EngineDeps } from './deps';
import type { InboundPayload } from './payloads';
import { Breather } from './breather';

const FREE_ENTRY_MS = 72 * 3_600_000;
/** Meta replays webhooks for up to 7 days after an outage: older messages are kept, not answered. */
export const STALE_AFTER_MS = 24 * 3_600_000;

/**
 * Inbound messages of a batch of webhooks (built in this process from parsed bodies, so not parsed
 * again): stored in their threads in one statement (duplicates by wamid dropped), the window
 * opened, and each routed to the waiting run or a matching trigger — all in one transaction with
 * the contacts locked, so one contact's messages apply one at a time, in order.
 */
export async function ingestInbound(payload: InboundPayload, deps: EngineDeps): Promise<void> {
  await deps.store.transaction(async (tx) => {
    // Known senders are found and locked (with their active runs) in one statement; new ones are
    // created in one more, then locked the same way.
    const identities = payload.messages.map((m) => m.contact);
    const locked = await tx.lockContactsByIdentity(payload.workspaceId, identities);
    const unknown = payload.messages.filter((m) => !locked.has(identityKey(m.contact)));
    let created = new Set<string>();
    if (unknown.length) {
      created = await tx.createContacts(
        payload.workspaceId,
        unknown.map((m) => ({ identity: m.contact, at: new Date(m.message.at) })),
      );
      for (const [key, l] of await tx.lockContactsByIdentity(
        payload.workspaceId,
        unknown.map((m) => m.contact),
      ))
        locked.set(key, l);
    }
    const resolved = payload.messages.map((item) => {
      const entry = locked.get(identityKey(item.contact));
      // Every sender is found by one of its identifiers or was just created: a miss is a race with
      // another transaction's change of identifiers, and the batch is tried again.
      if (!entry) throw new Error(`the sender of ${item.message.wamid} was neither found nor created`);
      return { entry, firstContact: false, item };
    });
    resolved.sort((a, b) => a.item.message.at.localeCompare(b.item.message.at));
    // A contact this batch created: its first message (in time) is its first contact.
    for (const r of resolved) {
      if (created.delete(identityKey(r.item.contact))) r.firstContact = true;
    }
    // Every message of the batch is stored in one statement; known wamids (webhook retries) come back as not fresh.
    const fresh = await tx.recordInbound(
      resolved.map(
        ({
          entry: {
            contact: { id: contactId },
          },
          item,
        }) => {
          const at = new Date(item.message.at);
          const fromAd = item.message.referral?.sourceType === 'ad';
          return {
            message: { workspaceId: payload.workspaceId, contactId, wamid: item.message.wamid, type: item.type, content: item.content, at },
            contact: {
              ...(item.contact.profileName ? { profileName: item.contact.profileName } : {}),
              ...(item.contact.waId ? { waId: item.contact.waId } : {}),
              ...(item.contact.userId ? { userId: item.contact.userId } : {}),
              ...(fromAd ? { freeEntryUntil: new Date(at.getTime() + FREE_ENTRY_MS) } : {}),
              ...(item.message.referral ? { referral: item.message.referral } : {}),
            },
          };
        },
      ),
    );
    const breather = new Breather();
    for (const { entry, firstContact, item } of resolved) {
      await breather.breathe();
      if (!fresh.has(item.message.wamid)) continue;
      // The same wamid twice in one batch: the first one counts.
      fresh.delete(item.message.wamid);
      const contactId = entry.contact.id;
      const at = new Date(item.message.at);
      entry.contact = {
        ...entry.contact,
        lastInboundAt: entry.contact.lastInboundAt && entry.contact.lastInboundAt > at ? entry.contact.lastInboundAt : at,
        ...(item.contact.profileName ? { profileName: item.contact.profileName } : {}),
      };
      if (!item.route) continue;
      if (entry.now.getTime() - at.getTime() > STALE_AFTER_MS) {
        deps.logger.warn({ workspaceId: payload.workspaceId, contactId, wamid: item.message.wamid }, 'stale inbound message stored without routing');
        continue;
      }
      const routed = await deps.interpreter.onContactEvent(tx, entry, { type: 'message', message: item.message, firstContact });
      deps.logger.info({ workspaceId: payload.workspaceId, contactId, routed: routed.to }, 'inbound message routed');
    }
  });
}
