import type { TaskList } from 'graphile-worker';
import { PERSON } from '@tandem/shared';
import type { EngineDeps } from './deps';
import { applyBusinessEvent } from './businessEvent';
import { sendMessage } from './sendMessage';
import { runHttpRequest } from './httpRequest';
import { markMessageRead } from './markRead';
import { fireTimers, sweepTimers } from './timers';
import {
  businessEventPayloadSchema,
  fireTimersPayloadSchema,
  httpPayloadSchema,
  markReadPayloadSchema,
  releaseHandoffPayloadSchema,
  sendPayloadSchema,
  startRunPayloadSchema,
} from './payloads';

export interface TaskOptions {
  /** Workspaces whose flows may call private network addresses. */
  allowPrivateNetworks(workspaceId: string): Promise<boolean>;
}

/**
 * The engine's graphile-worker tasks. Payloads arrive as `unknown` and are parsed; a payload
 * that does not parse is a bug, so the job fails loudly instead of retrying for ever.
 */
export function createTaskList(deps: EngineDeps, options: TaskOptions): TaskList {
  return {
    'business-event': async (payload) => {
      await applyBusinessEvent(businessEventPayloadSchema.parse(payload), deps);
    },
    'start-run': async (payload) => {
      const p = startRunPayloadSchema.parse(payload);
      await deps.store.transaction(async (tx) => {
        const locked = (await tx.lockContacts([p.contactId])).get(p.contactId);
        if (locked)
          await deps.interpreter.onContactEvent(tx, locked, {
            type: 'start',
            flowId: p.flowId,
            payload: p.payload,
            ...(p.triggerNode ? { triggerNode: p.triggerNode } : {}),
          });
      });
    },
    send: async (payload) => sendMessage(sendPayloadSchema.parse(payload).messageId, deps),
    // node-name-ok: the job of the HTTP effect; queued jobs already carry this name
    'http-request': async (payload) => {
      const p = httpPayloadSchema.parse(payload);
      await runHttpRequest(p, deps, await options.allowPrivateNetworks(p.workspaceId));
    },
    'mark-read': async (payload) => markMessageRead(markReadPayloadSchema.parse(payload), deps),
    'timer-sweep': async () => sweepTimers(deps),
    'fire-timers': async (payload) => fireTimers(fireTimersPayloadSchema.parse(payload), deps),
    'release-handoff': async (payload) => {
      const p = releaseHandoffPayloadSchema.parse(payload);
      await deps.store.transaction(async (tx) => {
        const locked = (await tx.lockContacts([p.contactId])).get(p.contactId);
        if (!locked) return;
        await deps.interpreter.onRunSignal(tx, locked, { type: 'release', runId: p.runId, ...(p.by ? { by: p.by } : {}) });
        // Also when the journey already ended at the handoff ("never" resume): the person is done.
        await tx.closeHandoff(p.runId, locked.now);
        await tx.resumeContact(p.contactId, PERSON);
      });
    },
  };
}
