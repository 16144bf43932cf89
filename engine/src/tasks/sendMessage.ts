import { humanReplySettingsSchema, type HumanReplySettings } from '@tandem/shared';
import { contentKindOf } from '@tandem/nodes';
import { runtimeOf } from '@tandem/nodes/runtime';
import { decideSend } from '../policy/sendPolicy';
import type { HumanHold } from '../policy/humanHold';
import { toCloudMessage } from '../transport/toCloudMessage';
import type { EngineTx, OutboundJob, OutboundResult, RunRecord } from '../runtime/ports';
import type { CloudApiFailure, SendOutcome } from '../whatsapp';
import type { EngineDeps } from './deps';
import { Breather } from './breather';

const MAX_ATTEMPTS = 8;
/** The human-reply rule of a message no journey sends (the settings' defaults). */
const DEFAULT_HUMAN_REPLY = humanReplySettingsSchema.parse({});
const RECHECK_HELD_MS = 6 * 3_600_000;
/** Requests one batch has in flight at most (each holds one of the number's send slots). */
const IN_FLIGHT = 100;
/** A contact who wrote within this long is in a conversation: its messages go before a number's backlog. */
const CONVERSATION_MS = 10 * 60_000;
/** A message in line whose turn finds no slot free waits for the next one if it frees up within this long, else goes to the end of the line. */
const ON_TIME_MS = 100;
/**
 * The line is given turns a little slower than the number's N a second: a slot is free again a
 * second after its request came back, so N slots serve a little under N requests a second, and a
 * line booked at N would fall behind them more every second.
 */
const LINE_SLACK = 1.1;

type Outcome = { outcome: 'ok' | 'error' | 'window_closed' | 'human_active'; error?: { code: string; message: string } };

/** What became of one claimed message: written once every request of the batch has returned. */
type Verdict =
  | { kind: 'finish'; result: OutboundResult; outcome: Outcome; optOutSource?: string }
  | { kind: 'hold'; until: Date; reason: string; detail?: Record<string, unknown> }
  | { kind: 'retry'; afterMs: number; error: Record<string, unknown> }
  | { kind: 'queue'; gapMs: number; afterMs: number }
  | { kind: 'pause_number'; reason: string; until: Date };

/** The verdict that records a result and moves the run on by `outcome`. */
function finish(result: OutboundResult, outcome: Outcome, optOutSource?: string): Verdict {
  return { kind: 'finish', result, outcome, ...(optOutSource ? { optOutSource } : {}) };
}

/** A number's send slots taken for one batch: handed out one per request, given back at the end. */
class Slots {
  readonly used: number[] = [];
  paused = false;
  /** Messages of the batch that go out a second time (131047, then their template): each may take one slot more. */
  private extra = 0;
  private asking: Promise<unknown> = Promise.resolve();
  constructor(
    private readonly free: number[],
    public retryInMs: number,
    /** Takes one more slot, for a message sent twice (131047 then its template) when those taken are used up. */
    private readonly another: () => Promise<{ slots: number[]; retryInMs: number }>,
  ) {}
  async take(): Promise<number | undefined> {
    if (this.free.length === 0 && this.extra > 0) {
      this.extra -= 1;
      // Chains run side by side on one transaction: their asks go one after the other.
      const asked = this.asking.then(() => this.another());
      this.asking = asked.catch(() => undefined);
      const more = await asked;
      this.free.push(...more.slots);
      this.retryInMs = more.retryInMs;
    }
    const slot = this.free.shift();
    if (slot !== undefined) this.used.push(slot);
    return slot;
  }
  /** The next `take` may ask the number for one more slot when the batch's are used up. */
  allowOneMore(): void {
    this.extra += 1;
  }
  get unused(): readonly number[] {
    return this.free;
  }
}

/**
 * Drains the outbox once: claims up to `limit` due messages (each contact's messages to this
 * sender alone, the contact rows not locked), decides each with the send policy, sends those that
 * may go — one request per send slot of the number, one contact's messages in order, different
 * contacts at once — then locks the contacts whose sends came back, records every result and
 * moves the runs on, all in the claim's transaction: one commit for the whole batch. A message
 * that may not go now is held (due again later); one that may not go at all follows its step's
 * outputs. A crash before the commit leaves the batch in the outbox, so a send goes at least once.
 */
export async function sendDueMessages(deps: EngineDeps, limit: number): Promise<{ claimed: number; nextAt: Date | undefined }> {
  return deps.store.transaction(async (tx) => {
    const jobs = await tx.claimOutbound(limit);
    if (jobs.length === 0) return { claimed: 0, nextAt: await tx.nextOutboundAt() };
    const slots = new Map<string, Slots>();
    for (const [workspaceId, own] of groupBy(jobs, (j) => j.workspaceId)) {
      const mps = own[0]!.throughputMps;
      const taken = await tx.takeSendSlots(workspaceId, mps, Math.min(own.length, IN_FLIGHT));
      slots.set(workspaceId, new Slots(taken.slots, taken.retryInMs, () => tx.takeSendSlots(workspaceId, mps, 1)));
    }
    const verdicts = new Map<number, Verdict>();
    try {
      // One contact's messages one after the other (order and pacing); contacts side by side, those
      // in a conversation first: they take the number's free slots before a backlog does.
      const chains = [...groupBy(jobs, (j) => j.contactId).values()].sort((a, b) => Number(inConversation(b[0]!)) - Number(inConversation(a[0]!)));
      await Promise.all(
        chains.map(async (chain) => {
          let paceUntil: Date | null = null;
          for (const [i, claimed] of chain.entries()) {
            // A later message that may go now is decided on the contact as it is after the earlier
            // one came back: a STOP or an App reply that arrived meanwhile counts (one read each).
            const current = i > 0 && !(paceUntil && paceUntil > claimed.now) ? await tx.readContact(claimed.contactId) : undefined;
            const job = current ? { ...claimed, contact: current.contact, now: current.now } : claimed;
            const paced = paceUntil && (!job.nextSendAt || job.nextSendAt < paceUntil) ? { ...job, nextSendAt: paceUntil } : job;
            const verdict = await attempt(paced, deps, slots.get(job.workspaceId)!);
            verdicts.set(job.messageId, verdict);
            if (verdict.kind === 'finish' && verdict.result.paceUntil) paceUntil = verdict.result.paceUntil;
          }
        }),
      );
    } finally {
      for (const [workspaceId, s] of slots) await tx.releaseSendSlots(workspaceId, s.used, s.unused);
    }
    // The contacts whose sends came back are locked now, not during the requests, and read again
    // with their runs: what happened meanwhile (a reply, a step) is where the results take them on.
    const finished = jobs.filter((j) => verdicts.get(j.messageId)!.kind === 'finish');
    let runs = new Map<number, RunRecord>();
    if (finished.length) {
      const read = await tx.lockForResults(
        finished.map((j) => j.contactId),
        finished.flatMap((j) => (j.runId === null ? [] : [j.runId])),
      );
      runs = read.runs;
      for (const job of finished) {
        const locked = read.contacts.get(job.contactId);
        if (locked) job.locked = locked;
      }
    }
    const signalled = new Set<number>();
    const breather = new Breather();
    for (const job of jobs) {
      await breather.breathe();
      await record(tx, deps, job, verdicts.get(job.messageId)!, runs, signalled);
    }
    return { claimed: jobs.length, nextAt: jobs.length < limit ? await tx.nextOutboundAt() : undefined };
  });
}

/** Whether the message's contact wrote within the last few minutes (a bot answering, a person waiting). */
function inConversation(job: OutboundJob): boolean {
  return job.contact.lastInboundAt !== null && job.now.getTime() - job.contact.lastInboundAt.getTime() < CONVERSATION_MS;
}

/** Decides and sends one attempt of a claimed message. */
async function attempt(job: OutboundJob, deps: EngineDeps, slots: Slots): Promise<Verdict> {
  const settings = job.flowVersionId ? (await deps.interpreter.load(job.flowVersionId)).version.settings : undefined;
  const decision = decideSend({
    content: job.content,
    purpose: job.purpose,
    contact: job.contact,
    now: job.now,
    numberPausedReason: job.numberPausedReason ?? (slots.paused ? 'paused during this batch' : null),
    quietHours: settings?.quietHours ?? null,
    timezone: job.contact.timezone ?? settings?.timezone ?? 'UTC',
    humanReply: settings?.humanReply ?? DEFAULT_HUMAN_REPLY,
    marketingSentRecently: job.marketingSentRecently,
    marketingCap: job.marketingCap,
    nextSendAt: job.nextSendAt,
    templateStatus: job.templateStatus,
  });
  const log = { messageId: job.messageId, workspaceId: job.workspaceId, runId: job.runId };
  if (decision.action === 'hold' && decision.reason === 'human_active') {
    const node = job.flowVersionId && job.nodeId ? (await deps.interpreter.load(job.flowVersionId)).version.nodes.get(job.nodeId) : undefined;
    const mode = (node && runtimeOf(node.type).whenHumanActive?.(node.config)) ?? 'hold';
    if (mode === 'skip') return finish({ status: 'skipped', error: { code: 'human_active' }, at: job.now }, { outcome: 'ok' });
    if (mode === 'branch') return finish({ status: 'skipped', error: { code: 'human_active' }, at: job.now }, { outcome: 'human_active' });
  }
  switch (decision.action) {
    case 'hold':
      deps.logger.info({ ...log, reason: decision.reason, until: decision.until.toISOString() }, 'send held');
      // A pause until someone resumes it wakes held messages itself; look again now and then anyway.
      return {
        kind: 'hold',
        until: new Date(Math.min(decision.until.getTime(), job.now.getTime() + RECHECK_HELD_MS)),
        reason: decision.reason,
        ...(decision.human ? { detail: holdDetail(decision.human, settings?.humanReply ?? DEFAULT_HUMAN_REPLY) } : {}),
      };
    case 'window_closed':
      return finish({ status: 'skipped', error: { code: 'window_closed' }, at: job.now }, { outcome: 'window_closed' });
    case 'block': {
      const message =
        decision.reason === 'opted_out'
          ? 'The contact opted out of marketing messages'
          : decision.reason === 'frequency_cap'
            ? 'The marketing frequency cap is reached'
            : `The template cannot be sent: WhatsApp lists it as ${job.templateStatus}`;
      return finish(
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
    return finish({ status: 'failed', error, at: job.now }, { outcome: 'error', error });
  }
  const content = decision.instead ?? job.content;
  const body = toCloudMessage(addressee, content, String(job.messageId));
  if (!body.ok) {
    const error = { code: 'invalid_message', message: `The message cannot be sent as rendered: ${body.problem}` };
    return finish({ status: 'failed', error, at: job.now }, { outcome: 'error', error });
  }
  // No free slot: the number's N requests of this second are taken. A contact in a conversation is
  // due again when one frees up; any other message waits in line, at the number's next free turn.
  // So does a message whose turn came when a slot is about to free up (its turn came a little early).
  if ((await slots.take()) === undefined)
    return inConversation(job) || (job.heldFor === 'throughput' && slots.retryInMs <= ON_TIME_MS)
      ? { kind: 'hold', until: new Date(job.now.getTime() + slots.retryInMs), reason: 'throughput' }
      : { kind: 'queue', gapMs: (LINE_SLACK * 1_000) / job.throughputMps, afterMs: slots.retryInMs };
  // `attempts` counts this message's earlier failures: it grows the retry delay (131056: 4^n s).
  let sent: SendOutcome;
  try {
    sent = await deps.transport.send(body.message, job.sender, { attempt: job.attempts });
  } catch (e) {
    // Not an answer from WhatsApp (the transport failed): try again shortly, like a 5xx.
    deps.logger.warn({ ...log, error: e instanceof Error ? e.message : String(e) }, 'send failed in transport');
    return { kind: 'retry', afterMs: 5_000, error: { code: 'transport', message: 'The request did not complete' } };
  }
  if (sent.ok) {
    deps.logger.info({ ...log, attempt: job.attempts + 1 }, 'message sent');
    const instead = decision.instead ? { sentInstead: decision.instead } : {};
    return finish({ status: 'sent', wamid: sent.wamid, paceUntil: new Date(job.now.getTime() + job.pairGapMs), ...instead, at: job.now }, { outcome: 'ok' });
  }
  return failure(job, sent, deps, slots);
}

async function failure(job: OutboundJob, f: CloudApiFailure, deps: EngineDeps, slots: Slots): Promise<Verdict> {
  const error = { code: String(f.error.code), message: f.error.message, ...(f.error.details ? { details: f.error.details } : {}) };
  deps.logger.warn({ messageId: job.messageId, workspaceId: job.workspaceId, code: f.error.code, handling: f.handling }, 'send failed');
  switch (f.handling) {
    case 'retry':
      if (job.attempts + 1 < MAX_ATTEMPTS) return { kind: 'retry', afterMs: f.retryAfterMs ?? 1_000, error };
      return finish({ status: 'failed', error, at: job.now }, { outcome: 'error', error });
    case 'window_closed':
      // WhatsApp says the window is closed although our clock did not: a message that names what to
      // send then (a Flow's button template) goes out that way, decided once more with the window closed.
      if (job.contact.lastInboundAt !== null && contentKindOf(job.content.kind)?.outsideWindow?.(job.content)) {
        slots.allowOneMore();
        return attempt({ ...job, contact: { ...job.contact, lastInboundAt: null } }, deps, slots);
      }
      return finish({ status: 'skipped', error, at: job.now }, { outcome: 'window_closed' });
    case 'opt_out':
      return finish({ status: 'failed', error, at: job.now }, { outcome: 'error', error }, `whatsapp error ${f.error.code}`);
    case 'pause_number':
      // The rest of this batch for the number is held too.
      slots.paused = true;
      return { kind: 'pause_number', reason: `WhatsApp error ${f.error.code}: ${f.error.message}`, until: new Date(job.now.getTime() + 10 * 60_000) };
    default:
      return finish({ status: 'failed', error, at: job.now }, { outcome: 'error', error });
  }
}

/** Writes one message's verdict and, for a result, moves its run on (the contact is locked, and `runs` read, by `lockForResults`). */
async function record(
  tx: EngineTx,
  deps: EngineDeps,
  job: OutboundJob,
  verdict: Verdict,
  runs: ReadonlyMap<number, RunRecord>,
  signalled: Set<number>,
): Promise<void> {
  switch (verdict.kind) {
    case 'hold':
      return tx.holdOutbound(job.messageId, verdict.until, job.clockOffsetMs, verdict.reason, verdict.detail);
    case 'retry':
      return tx.retryOutbound(job.messageId, verdict.afterMs, verdict.error);
    case 'queue':
      return tx.queueBehindLimit(job.messageId, job.workspaceId, verdict.gapMs, verdict.afterMs);
    case 'pause_number':
      await tx.pauseNumber(job.workspaceId, verdict.reason, job.now);
      return tx.holdOutbound(job.messageId, verdict.until, job.clockOffsetMs, 'number_paused');
    case 'finish':
      break;
  }
  const locked = job.locked;
  await tx.finishOutbound(job.messageId, verdict.result);
  if (verdict.optOutSource) {
    await tx.setConsent(job.contactId, 'opted_out', verdict.optOutSource, job.now);
    locked.contact = { ...locked.contact, marketingConsent: 'opted_out' };
  }
  if (job.runId === null || job.nodeId === null || job.step === null) return;
  // The run as `lockForResults` read it, for its first signal of the batch; a later one reads it again.
  locked.signalRun = signalled.has(job.runId) ? undefined : runs.get(job.runId);
  signalled.add(job.runId);
  await deps.interpreter.onRunSignal(tx, locked, { type: 'effect', runId: job.runId, node: job.nodeId, step: job.step, ...verdict.outcome });
}

/** What the message shows about a hold for a person's App reply: the rule, the reply it counts from, and its end (null: a keyword or a release). */
function holdDetail(h: HumanHold, rule: HumanReplySettings): Record<string, unknown> {
  return {
    rule: h.mode,
    since: h.since.toISOString(),
    until: h.until?.toISOString() ?? null,
    ...(h.mode === 'pause_for' && h.reason === 'human_active' ? { minutes: rule.pauseMinutes } : {}),
    ...(h.mode === 'until_keyword' && h.reason === 'human_active' ? { keyword: rule.resumeKeyword } : {}),
  };
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
