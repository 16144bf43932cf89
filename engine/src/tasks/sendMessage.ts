import { contentKindOf } from '@tandem/nodes';
import { runtimeOf } from '@tandem/nodes/runtime';
import { decideSend } from '../policy/sendPolicy';
import { toCloudMessage } from '../transport/toCloudMessage';
import type { OutboundJob, OutboundResult } from '../runtime/ports';
import type { CloudApiFailure, SendOutcome } from '../whatsapp';
import type { EngineDeps } from './deps';

const MAX_ATTEMPTS = 8;
const RECHECK_HELD_MS = 6 * 3_600_000;
/** How long a send may wait in the worker for a throughput slot before it is rescheduled instead. */
const MAX_SLOT_WAIT_MS = 2_000;

type Outcome = { outcome: 'ok' | 'error' | 'window_closed' | 'human_active'; error?: { code: string; message: string } };

/**
 * The `send` job: policy gate, throughput governor, Cloud API (or sandbox), then the result
 * and the run's next step in one transaction. A message that may not go now is held and
 * retried later; one that may not go at all follows the step's outputs.
 */
export async function sendMessage(messageId: number, deps: EngineDeps): Promise<void> {
  const job = await deps.store.loadOutbound(messageId);
  if (!job || (job.status !== 'pending' && job.status !== 'held')) return;
  return attempt(job, deps);
}

/** Decides and sends one attempt of a loaded message. */
async function attempt(job: OutboundJob, deps: EngineDeps): Promise<void> {
  const messageId = job.messageId;
  const settings = job.flowVersionId ? (await deps.interpreter.load(job.flowVersionId)).version.settings : undefined;
  const decision = decideSend({
    content: job.content,
    purpose: job.purpose,
    contact: job.contact,
    now: job.now,
    numberPausedReason: job.numberPausedReason,
    quietHours: settings?.quietHours ?? null,
    timezone: job.contact.timezone ?? settings?.timezone ?? 'UTC',
    collisionGuardSeconds: settings?.humanReply.collisionGuardSeconds ?? 60,
    marketingSentRecently: job.marketingSentRecently,
    marketingCap: job.marketingCap,
    nextSendAt: job.nextSendAt,
    templateStatus: job.templateStatus,
  });
  const log = { messageId, workspaceId: job.workspaceId, runId: job.runId };
  if (decision.action === 'hold' && decision.reason === 'human_active') {
    const node = job.flowVersionId && job.nodeId ? (await deps.interpreter.load(job.flowVersionId)).version.nodes.get(job.nodeId) : undefined;
    const mode = (node && runtimeOf(node.type).whenHumanActive?.(node.config)) ?? 'hold';
    if (mode === 'skip') return finish(deps, job, { status: 'skipped', error: { code: 'human_active' }, at: job.now }, { outcome: 'ok' });
    if (mode === 'branch') return finish(deps, job, { status: 'skipped', error: { code: 'human_active' }, at: job.now }, { outcome: 'human_active' });
  }
  switch (decision.action) {
    case 'hold':
      deps.logger.info({ ...log, reason: decision.reason, until: decision.until.toISOString() }, 'send held');
      // A pause until someone resumes it wakes held messages itself; look again now and then anyway.
      return deps.store.holdOutbound(
        messageId,
        new Date(Math.min(decision.until.getTime(), job.now.getTime() + RECHECK_HELD_MS)),
        job.clockOffsetMs,
        decision.reason,
      );
    case 'window_closed':
      return finish(deps, job, { status: 'skipped', error: { code: 'window_closed' }, at: job.now }, { outcome: 'window_closed' });
    case 'block': {
      const message =
        decision.reason === 'opted_out'
          ? 'The contact opted out of marketing messages'
          : decision.reason === 'frequency_cap'
            ? 'The marketing frequency cap is reached'
            : `The template cannot be sent: WhatsApp lists it as ${job.templateStatus}`;
      return finish(
        deps,
        job,
        { status: 'blocked', error: { code: decision.reason, message }, at: job.now },
        { outcome: 'error', error: { code: decision.reason, message } },
      );
    }
    case 'send':
      break;
  }

  // A phone number when we have one; a user known only by a username gets their business-scoped id.
  const addressee = job.to ? { to: job.to } : job.contact.userId ? { recipient: job.contact.userId } : undefined;
  if (!addressee) {
    const error = { code: 'no_address', message: 'The contact has neither a phone number nor a WhatsApp user id' };
    return finish(deps, job, { status: 'failed', error, at: job.now }, { outcome: 'error', error });
  }
  const content = decision.instead ?? job.content;
  const body = toCloudMessage(addressee, content, String(messageId));
  if (!body.ok) {
    const error = { code: 'invalid_message', message: `The message cannot be sent as rendered: ${body.problem}` };
    return finish(deps, job, { status: 'failed', error, at: job.now }, { outcome: 'error', error });
  }
  const slot = await waitForSlot(deps, job);
  if (slot === undefined) return;
  let sent: SendOutcome;
  try {
    // `attempts` counts this message's earlier failures: it grows the retry delay (131056: 4^n s).
    sent = await deps.transport.send(body.message, job.sender, { attempt: job.attempts });
  } finally {
    await deps.store.releaseSendSlot(job.workspaceId, slot);
  }
  if (sent.ok) {
    const paceUntil = new Date(job.now.getTime() + job.pairGapMs);
    deps.logger.info({ ...log, attempt: job.attempts + 1 }, 'message sent');
    const instead = decision.instead ? { sentInstead: decision.instead } : {};
    return finish(deps, job, { status: 'sent', wamid: sent.wamid, paceUntil, ...instead, at: job.now }, { outcome: 'ok' });
  }
  return handleFailure(deps, job, sent);
}

async function handleFailure(deps: EngineDeps, job: OutboundJob, f: CloudApiFailure): Promise<void> {
  const error = { code: String(f.error.code), message: f.error.message, ...(f.error.details ? { details: f.error.details } : {}) };
  const log = { messageId: job.messageId, workspaceId: job.workspaceId, code: f.error.code, handling: f.handling };
  deps.logger.warn(log, 'send failed');
  switch (f.handling) {
    case 'retry':
      if (job.attempts + 1 < MAX_ATTEMPTS) return deps.store.retryOutbound(job.messageId, f.retryAfterMs ?? 1_000, error);
      return finish(deps, job, { status: 'failed', error, at: job.now }, { outcome: 'error', error });
    case 'window_closed':
      // WhatsApp says the window is closed although our clock did not: a message that names what to
      // send then (a Flow's button template) goes out that way, decided once more with the window closed.
      if (job.contact.lastInboundAt !== null && contentKindOf(job.content.kind)?.outsideWindow?.(job.content))
        return attempt({ ...job, contact: { ...job.contact, lastInboundAt: null } }, deps);
      return finish(deps, job, { status: 'skipped', error, at: job.now }, { outcome: 'window_closed' });
    case 'opt_out':
      return finish(deps, job, { status: 'failed', error, at: job.now }, { outcome: 'error', error }, `whatsapp error ${f.error.code}`);
    case 'pause_number':
      await deps.store.transaction((tx) => tx.pauseNumber(job.workspaceId, `WhatsApp error ${f.error.code}: ${f.error.message}`, job.now));
      return deps.store.holdOutbound(job.messageId, new Date(job.now.getTime() + 10 * 60_000), job.clockOffsetMs, 'number_paused');
    default:
      return finish(deps, job, { status: 'failed', error, at: job.now }, { outcome: 'error', error });
  }
}

/** Waits briefly for a throughput slot; reschedules the send (and answers undefined) when the wait would be long. */
async function waitForSlot(deps: EngineDeps, job: OutboundJob): Promise<number | undefined> {
  let waited = 0;
  for (;;) {
    const slot = await deps.store.acquireSendSlot(job.workspaceId, job.throughputMps);
    if (slot.ok) return slot.slot;
    if (waited + slot.retryInMs > MAX_SLOT_WAIT_MS) {
      await deps.store.holdOutbound(job.messageId, new Date(job.now.getTime() + waited + slot.retryInMs), job.clockOffsetMs, 'throughput');
      return undefined;
    }
    await new Promise((resolve) => setTimeout(resolve, slot.retryInMs));
    waited += slot.retryInMs;
  }
}

/** Records the result and moves the run on, in one transaction with the contact locked. */
async function finish(deps: EngineDeps, job: OutboundJob, result: OutboundResult, outcome: Outcome, optOutSource?: string): Promise<void> {
  await deps.store.transaction(async (tx) => {
    const locked = job.runId === null ? (await tx.lockContacts([job.contactId])).get(job.contactId) : await tx.lockContactForRun(job.contactId, job.runId);
    await tx.finishOutbound(job.messageId, result);
    if (optOutSource) {
      await tx.setConsent(job.contactId, 'opted_out', optOutSource, job.now);
      if (locked) locked.contact = { ...locked.contact, marketingConsent: 'opted_out' };
    }
    if (!locked || job.runId === null || job.nodeId === null || job.step === null) return;
    await deps.interpreter.onRunSignal(tx, locked, { type: 'effect', runId: job.runId, node: job.nodeId, step: job.step, ...outcome });
  });
}
