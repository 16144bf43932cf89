import type { z } from 'zod';
import type { EngineDeps } from './deps';
import { Breather } from './breather';
import type { fireTimersPayloadSchema } from './payloads';

const CLAIM_LIMIT = 5_000;
const CHUNK = 100;

/**
 * The `timer-sweep` job: hands every due timer to `fire-timers` jobs (in chunks, so many workers
 * share a burst), then schedules itself for the next due timer. Parked runs cost no job rows.
 */
export async function sweepTimers(deps: EngineDeps): Promise<void> {
  await deps.store.resetSweepSchedule();
  while ((await deps.store.claimDueTimers(CLAIM_LIMIT, CHUNK)) === CLAIM_LIMIT) {
    // a big burst: keep claiming until it is drained
  }
  await deps.store.scheduleNextSweep();
}

/**
 * The `fire-timers` job: each timer wakes its run, unless the run moved on (then it is a no-op).
 * The chunk's contacts are locked together and stepped in one transaction: one commit per chunk.
 */
export async function fireTimers(p: z.infer<typeof fireTimersPayloadSchema>, deps: EngineDeps): Promise<void> {
  await deps.store.transaction(async (tx) => {
    const locked = await tx.lockContacts(p.timers.map((t) => t.contactId));
    const runs = await tx.getRuns(p.timers.map((t) => t.runId));
    const breather = new Breather();
    for (const t of p.timers) {
      await breather.breathe();
      const contact = locked.get(t.contactId);
      if (!contact) continue;
      // The run as read after the lock, for its first timer; a run's second timer reads it again.
      contact.signalRun = runs.get(t.runId);
      runs.delete(t.runId);
      await deps.interpreter.onRunSignal(tx, contact, { type: 'timer', runId: t.runId, node: t.nodeId, step: t.step, timer: t.kind });
    }
  });
}
