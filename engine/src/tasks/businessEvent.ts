import type { Routed } from '../runtime/interpreter';
import { identityKey } from '../runtime/ports';
import type { EngineDeps } from './deps';
import type { BusinessEventPayload } from './payloads';

/**
 * A business event (cart.abandoned…): wakes runs waiting for it and starts flows it triggers.
 * Run from a job (`job`), the job is consumed with the steps: applied once, even across a crash.
 */
export async function applyBusinessEvent(p: BusinessEventPayload, deps: EngineDeps, job?: { id: string }): Promise<Routed> {
  return deps.store.transaction(
    async (tx) => {
      // A known contact is locked with its active runs in one statement; a new one is created first.
      const key = identityKey(p.contact);
      let locked = (await tx.lockContactsByIdentity(p.workspaceId, [p.contact])).get(key);
      if (!locked) {
        await tx.createContacts(p.workspaceId, [{ identity: p.contact, at: new Date() }]);
        locked = (await tx.lockContactsByIdentity(p.workspaceId, [p.contact])).get(key);
        if (!locked) throw new Error('the event’s contact could not be created: its identifiers belong to different contacts');
      }
      const id = locked.contact.id;
      const routed = await deps.interpreter.onContactEvent(tx, locked, { type: 'event', name: p.name, payload: p.payload });
      deps.logger.info({ workspaceId: p.workspaceId, contactId: id, event: p.name, routed: routed.to }, 'business event applied');
      return routed;
    },
    job ? { consumesJob: job.id } : {},
  );
}
