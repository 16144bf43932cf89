import type { TaskList } from 'graphile-worker';
import { PERSON } from '@tandem/shared';
import type { EngineDeps } from './deps';
import type { StartRunsPayload } from './payloads';
import { applyBusinessEvent } from './businessEvent';
import { sendDueMessages } from './sendMessage';
import { runHttpRequest } from './httpRequest';
import { markMessageRead } from './markRead';
import { reportConversion } from './reportConversion';
import { fireTimers, sweepTimers } from './timers';
import { Breather } from './breather';
import {
  businessEventJob,
  fireTimersJob,
  httpRequestJob,
  markReadJob,
  releaseHandoffJob,
  reportConversionJob,
  sendJob,
  startRunJob,
  startRunsJob,
  timerSweepJob,
} from './jobs';

export interface TaskOptions {
  /** Workspaces whose flows may call private network addresses. */
  allowPrivateNetworks(workspaceId: string): Promise<boolean>;
}

/**
 * The engine's graphile-worker tasks, one per job of ./jobs. Payloads arrive as `unknown` and are
 * parsed with the job's schema; a payload that does not parse is a bug, so the job fails loudly.
 */
export function createTaskList(deps: EngineDeps, options: TaskOptions): TaskList {
  return Object.fromEntries([
    businessEventJob.handle((p, job) => applyBusinessEvent(p, deps, job)),
    // Starting a run is not idempotent: the job is consumed with the start.
    startRunJob.handle(({ contactId, ...start }, job) => startRuns(deps, { ...start, contactIds: [contactId] }, job.id)),
    // A chunk's starts commit together with the job's deletion: all of them once, or (retried) none.
    startRunsJob.handle((p, job) => startRuns(deps, p, job.id)),
    // Sends go through the outbox (sendDueMessages); a send job queued before it only drains it once.
    sendJob.handle(async () => {
      await sendDueMessages(deps, 100);
    }),
    httpRequestJob.handle(async (p) => runHttpRequest(p, deps, await options.allowPrivateNetworks(p.workspaceId))),
    markReadJob.handle((p) => markMessageRead(p, deps)),
    reportConversionJob.handle((p) => reportConversion(p.reportId, deps)),
    timerSweepJob.handle(() => sweepTimers(deps)),
    fireTimersJob.handle((p) => fireTimers(p, deps)),
    releaseHandoffJob.handle((p) =>
      deps.store.transaction(async (tx) => {
        const locked = (await tx.lockContacts([p.contactId])).get(p.contactId);
        if (!locked) return;
        await deps.interpreter.onRunSignal(tx, locked, { type: 'release', runId: p.runId, ...(p.by ? { by: p.by } : {}) });
        // Also when the journey already ended at the handoff ("never" resume): the person is done.
        await tx.closeHandoff(p.runId, locked.now);
        await tx.resumeContact(p.contactId, PERSON);
      }),
    ),
  ]);
}

/** Starts the flow for each contact, in one transaction that also deletes the job asking for it. */
function startRuns(deps: EngineDeps, p: StartRunsPayload, jobId: string): Promise<void> {
  return deps.store.transaction(
    async (tx) => {
      const locked = await tx.lockContacts(p.contactIds);
      await deps.interpreter.prepareStarts(tx, p.workspaceId, p.flowId, p.contactIds);
      const breather = new Breather();
      for (const contactId of p.contactIds) {
        await breather.breathe();
        const contact = locked.get(contactId);
        if (contact)
          await deps.interpreter.onContactEvent(tx, contact, {
            type: 'start',
            flowId: p.flowId,
            payload: p.payload,
            ...(p.triggerNode ? { triggerNode: p.triggerNode } : {}),
          });
      }
    },
    { consumesJob: jobId },
  );
}
