import type { Routed } from '../runtime/interpreter';
import type { EngineDeps } from './deps';
import type { BusinessEventPayload } from './payloads';

/**
 * A business event (cart.abandoned…): wakes runs waiting for it and starts flows it triggers.
 * Run from a job (`job`), the job is consumed with the steps: applied once, even across a crash.
 */
export async function applyBusinessEvent(p: BusinessEventPayload, deps: EngineDeps, job?: { id: string }): Promise<Routed> {
  return deps.store.transaction(
    async (tx) => {
      const { id } = await tx.upsertContact(p.workspaceId, p.contact, new Date());
      const locked = (await tx.lockContacts([id])).get(id)!;
      const routed = await deps.interpreter.onContactEvent(tx, locked, { type: 'event', name: p.name, payload: p.payload });
      deps.logger.info({ workspaceId: p.workspaceId, contactId: id, event: p.name, routed: routed.to }, 'business event applied');
      return routed;
    },
    job ? { consumesJob: job.id } : {},
  );
}
