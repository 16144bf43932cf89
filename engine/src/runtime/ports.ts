import type { InboundMessage, ReadReceiptMode, ReadReceiptOverride, TimerKind } from '@tandem/shared';
import type { OutboundContent } from '@tandem/nodes';
import type { HttpRequestSpec } from '@tandem/nodes/runtime';
import type { ContactPatch, ContactState } from './types';
import type { StoredSnapshot, WaitingFor } from './stepRun';
import type { ConversionRecord, ConversionReport, ConversionReportResult, PendingConversionReport } from './conversionPorts';

/**
 * What the engine needs from storage. The server implements it on Postgres (drizzle); every
 * method of `EngineTx` runs inside one transaction, so a step's state, log and effects commit
 * together or not at all.
 */
export interface EngineStore {
  /**
   * Runs `fn` in one transaction. With `consumesJob`, the graphile-worker job that runs it is
   * removed in that same transaction: a worker killed after the commit cannot run the job's steps
   * a second time (for jobs whose effect is not idempotent, such as starting a run).
   */
  transaction<T>(fn: (tx: EngineTx) => Promise<T>, options?: { consumesJob?: string }): Promise<T>;
  /** A published version's document (versions are immutable). */
  loadVersion(versionId: number): Promise<{ flowId: string; document: unknown }>;
  /** A sweep is running: timers created from now on schedule their own sweep. */
  resetSweepSchedule(): Promise<void>;
  /** Due timers, claimed and handed to `fire-timers` jobs; returns how many were claimed. */
  claimDueTimers(limit: number, chunk: number): Promise<number>;
  /** Schedules the next sweep at the earliest remaining timer. */
  scheduleNextSweep(): Promise<void>;
  /** What the `mark-read` job needs about the workspace: its sender and its read-receipt setting. */
  loadReadReceiptTarget(workspaceId: string): Promise<ReadReceiptTarget | undefined>;
  /** A logged Conversions API report with the workspace's dataset and token (decrypted); undefined when unknown. */
  loadConversionReport(reportId: number): Promise<PendingConversionReport | undefined>;
  /** Records how a report went; `retryAt` (with status pending) queues its next attempt. */
  settleConversionReport(reportId: number, result: ConversionReportResult): Promise<void>;
}

export interface ReadReceiptTarget {
  sender: { transport: 'cloud' | 'sandbox'; phoneNumberId: string | null; accessToken: string | null };
  /** The workspace's `readReceipts` setting; undefined when unset (off). */
  setting: ReadReceiptMode | undefined;
}

/** A queued outbound message with what the policy gate and the transport need. */
export interface OutboundJob {
  /** Its contact, read with the claim and locked again by `lockForResults` before its result is recorded (one object for all its messages in a batch). */
  locked: LockedContact;
  messageId: number;
  workspaceId: string;
  contactId: number;
  runId: number | null;
  nodeId: string | null;
  step: number | null;
  flowVersionId: number | null;
  purpose: string;
  content: OutboundContent;
  status: string;
  /** Why the message was held last ('throughput': it waited for the number's send slots), null when never held. */
  heldFor: string | null;
  attempts: number;
  /** The contact's number in E.164, null when only a BSUID is known. */
  to: string | null;
  sender: { transport: 'cloud' | 'sandbox'; phoneNumberId: string | null; accessToken: string | null };
  numberPausedReason: string | null;
  throughputMps: number;
  pairGapMs: number;
  marketingCap: number | null;
  marketingSentRecently: number;
  contact: ContactState;
  nextSendAt: Date | null;
  /** For a template: its status in the workspace's template list (null when it is not listed). */
  templateStatus: string | null;
  now: Date;
  clockOffsetMs: number;
}

export interface OutboundResult {
  status: 'sent' | 'failed' | 'blocked' | 'skipped';
  wamid?: string;
  error?: Record<string, unknown>;
  /** Earliest time the contact may get the next message. */
  paceUntil?: Date;
  /** What went out instead of the queued message (a Flow's template outside the window): the thread shows it. */
  sentInstead?: OutboundContent;
  at: Date;
}

/** A contact locked for this transaction, with the workspace's clock. */
export interface LockedContact {
  contact: ContactState;
  /** The workspace's current time (sandbox workspaces may run ahead). */
  now: Date;
  /** Sandbox clock offset in ms; timers are stored in wall-clock time. */
  clockOffsetMs: number;
  /** The workspace's read-receipt setting; absent: not chosen (off). */
  readReceipts: ReadReceiptMode | undefined;
  /** The contact's active runs as read with the lock, when the lock read them: good for one look only (the step may change them). */
  activeRuns?: RunRecord[] | undefined;
  /** A run read with the lock (the one a signal is for), likewise for one look. */
  signalRun?: RunRecord | undefined;
}

export interface RunRecord {
  id: number;
  workspaceId: string;
  contactId: number;
  flowId: string;
  flowVersionId: number;
  status: 'active' | 'completed' | 'failed' | 'cancelled';
  currentNode: string | null;
  step: number;
  waitingFor: WaitingFor | null;
  waitingEvent: string | null;
  snapshot: StoredSnapshot;
  startedAt: Date;
}

export interface RunUpdate {
  status: RunRecord['status'];
  currentNode: string | null;
  step: number;
  waitingFor: WaitingFor | null;
  waitingEvent: string | null;
  snapshot: StoredSnapshot;
  outcome?: string;
  endReason?: string;
  now: Date;
}

export interface SavedStep {
  run: ({ isNew: true; workspaceId: string; flowId: string; flowVersionId: number } | { isNew: false }) & { id: number; contactId: number } & RunUpdate;
  log: readonly LogRow[];
  clearTimers: boolean;
}

export interface LogRow {
  runId: number;
  flowVersionId: number;
  step: number;
  // node-name-ok: run-log kinds ('end': the run finished), not node types
  kind: 'enter' | 'port' | 'event' | 'effect' | 'end';
  nodeId: string | null;
  port?: string;
  detail?: Record<string, unknown>;
  at: Date;
}

export interface OutboundRecord {
  workspaceId: string;
  contactId: number;
  runId: number | null;
  nodeId: string | null;
  step: number | null;
  purpose: string;
  content: OutboundContent;
  at: Date;
}

export interface TimerRecord {
  runId: number;
  contactId: number;
  workspaceId: string;
  nodeId: string;
  step: number;
  kind: TimerKind;
  /** Workspace time (virtual for sandboxes); the store converts to wall-clock. */
  at: Date;
  /** The timer starts again, this long, whenever the contact writes or a person replies (a handoff's quiet period). */
  restartOnActivityMs?: number;
}

export interface HttpCall {
  runId: number;
  contactId: number;
  workspaceId: string;
  nodeId: string;
  step: number;
  request: HttpRequestSpec;
}

/** A contact's message to mark read (the `mark-read` job), with the flow's read-receipt choice. */
export interface ReadReceiptRecord {
  workspaceId: string;
  contactId: number;
  runId: number;
  nodeId: string;
  wamid: string;
  typing: boolean;
  /** The flow version's `readReceipts` setting (versions are immutable, so it is read when queued). */
  flowSetting: ReadReceiptOverride;
}

export interface HandoffRecord {
  workspaceId: string;
  contactId: number;
  runId: number;
  nodeId: string;
  team: string;
  at: Date;
}

/** Who a webhook or event is about: the WhatsApp id and/or the business-scoped user id. */
export interface ContactIdentity {
  waId?: string;
  userId?: string;
  profileName?: string;
}

export interface InboundRecord {
  workspaceId: string;
  contactId: number;
  wamid: string;
  type: string;
  content: Record<string, unknown>;
  at: Date;
}

/** An inbound message with what it tells about its sender. */
export interface InboundReceipt {
  message: InboundRecord;
  /** `referral`: the Click-to-WhatsApp ad (or post) the message came from, kept on the contact for attribution. */
  contact: { profileName?: string; waId?: string; userId?: string; freeEntryUntil?: Date; referral?: Record<string, unknown> };
}

export interface EngineTx {
  /** Finds or creates the contact (without locking it); `created` is true for a first contact. */
  /**
   * Creates the workspace's contacts these identities name that do not exist yet, in one
   * statement, and answers the `identityKey`s it created; a contact that exists (or that another
   * transaction creates meanwhile) is left as it is. Lock them next with `lockContactsByIdentity`.
   */
  createContacts(workspaceId: string, contacts: readonly { identity: ContactIdentity; at: Date }[]): Promise<Set<string>>;
  /**
   * Stores messages contacts sent, in one statement, and answers the wamids that were new (a known
   * wamid is a webhook retry: nothing changes). A new one opens the 24-hour window (and the 72-hour
   * free entry point for ads), updates the contact's names, and restarts the timers that restart on
   * activity (a handoff's quiet period).
   */
  recordInbound(messages: readonly InboundReceipt[]): Promise<Set<string>>;
  /** Locks contacts in id order (no deadlocks) and reads them with the workspace clock. */
  lockContacts(ids: readonly number[]): Promise<Map<number, LockedContact>>;
  /** Locks one contact and reads one of its runs along (`signalRun`), for a signal to that run. */
  lockContactForRun(contactId: number, runId: number): Promise<LockedContact | undefined>;
  /**
   * Locks the workspace's contacts these identities name, keyed by `identityKey`; unknown ones are
   * absent. The business-scoped user id decides first, the WhatsApp id next: when the two belong
   * to different contacts, the user id's contact is the one.
   */
  lockContactsByIdentity(workspaceId: string, identities: readonly ContactIdentity[]): Promise<Map<string, LockedContact>>;
  /** Active runs of a contact, most recent first. */
  activeRuns(contactId: number): Promise<RunRecord[]>;
  getRun(runId: number): Promise<RunRecord | undefined>;
  /** Several runs in one read, by id. */
  getRuns(runIds: readonly number[]): Promise<Map<number, RunRecord>>;
  /** The contact's runs started at or after `since`, whatever their status, most recent first (goals count after a run ended). */
  runsSince(contactId: number, since: Date): Promise<RunRecord[]>;
  /**
   * Records a run's conversion of a goal once (a second one for the same run and goal is ignored),
   * credited from the contact's messages since the run started; answers its id when it was new.
   */
  recordConversion(conversion: ConversionRecord): Promise<number | undefined>;
  /** Logs a Conversions API report and queues its job (or logs why it is skipped), in this transaction. */
  queueConversionReport(report: ConversionReport): Promise<void>;
  /** The run's messages still queued are skipped, not sent (the run ended early). */
  skipQueued(runId: number, reason: string): Promise<void>;
  /** Versions contacts enter now, per flow. */
  liveVersions(workspaceId: string): Promise<{ flowId: string; versionId: number }[]>;
  /** Whether the contact has a run of the flow (only active ones when `activeOnly`). */
  hasRun(contactId: number, flowId: string, activeOnly: boolean): Promise<boolean>;
  /**
   * Reads at once, for each of these contacts, whether it has a run of the flow (and an active
   * one): the next `hasRun` of each for that flow answers without a round trip of its own. A
   * contact whose runs this transaction saves meanwhile is read again.
   */
  prefetchRuns(contactIds: readonly number[], flowId: string): Promise<void>;
  /** Reserves the id of a run about to start (the id seeds its split variants). */
  newRunId(): Promise<number>;
  /**
   * A step's run state, its log lines and, when it left a step that armed timers, the removal of
   * the run's timers: one write (a new run is inserted, an existing one updated).
   */
  saveStep(step: SavedStep): Promise<void>;
  patchContact(contactId: number, patch: ContactPatch, at: Date): Promise<void>;
  /** Stores an outbound message in the outbox, due now: the sender loops are woken at commit. */
  queueSend(message: OutboundRecord): Promise<void>;
  setTimer(timer: TimerRecord, clockOffsetMs: number): Promise<void>;
  queueHttp(call: HttpCall): Promise<void>;
  /** Queues the `mark-read` job for a message a step took; it runs after the commit and never holds up the step. */
  queueReadReceipt(receipt: ReadReceiptRecord): Promise<void>;
  openHandoff(handoff: HandoffRecord): Promise<void>;
  /** Records what happened to a queued message (it leaves the outbox). */
  finishOutbound(messageId: number, result: OutboundResult): Promise<void>;
  /**
   * Claims up to `limit` due messages of the outbox, oldest first, with their contacts as they are
   * now. The messages stay locked until the transaction ends, and so does each contact's place in
   * the outbox (no other sender claims its messages meanwhile: one contact's messages go in
   * order); the contacts' rows are not locked, so the requests to WhatsApp hold up no inbound
   * message or step of theirs. Rows another transaction holds are skipped, never waited for.
   */
  claimOutbound(limit: number): Promise<OutboundJob[]>;
  /**
   * Locks the contacts whose sends came back (in id order) and reads them again with these runs,
   * as they are after whatever happened while the requests were out: the results move the runs on
   * from there.
   */
  lockForResults(contactIds: readonly number[], runIds: readonly number[]): Promise<{ contacts: Map<number, LockedContact>; runs: Map<number, RunRecord> }>;
  /**
   * The contact as it is now (committed, not locked), with the workspace's time: a contact's next
   * message in a send batch is decided on it, so a STOP or an App reply that came while the
   * contact's earlier message was out counts. Undefined when the contact is gone.
   */
  readContact(contactId: number): Promise<{ contact: ContactState; now: Date } | undefined>;
  /** When the earliest message still waiting in the outbox is due (wall clock); undefined when none waits. */
  nextOutboundAt(): Promise<Date | undefined>;
  /**
   * Takes up to `count` of the number's N send slots whose last request finished over a second
   * ago; with `retryInMs`, when the next one frees up (if fewer were free than asked).
   */
  takeSendSlots(workspaceId: string, mps: number, count: number): Promise<{ slots: number[]; retryInMs: number }>;
  /**
   * The requests sent on the `used` slots are finished: each one's second starts now (the `unused`
   * ones are free again). A request reaches WhatsApp before its answer comes back, so two requests
   * on one slot arrive at least a second apart and WhatsApp never sees more than N in any second,
   * however slow the network or worker.
   */
  releaseSendSlots(workspaceId: string, used: readonly number[], unused: readonly number[]): Promise<void>;
  /** Keeps a message queued and due again at `until` (workspace time); `detail` is shown with the reason. */
  holdOutbound(messageId: number, until: Date, clockOffsetMs: number, reason: string, detail?: Record<string, unknown>): Promise<void>;
  /**
   * The number's send slots are all taken: the message waits in line behind its number's
   * throughput, due at the number's next free turn (one every `gapMs`, after those queued before
   * it; the first no sooner than `afterMs` from now). A backlog is written once and drains in order.
   */
  queueBehindLimit(messageId: number, workspaceId: string, gapMs: number, afterMs: number): Promise<void>;
  /** Counts a failed attempt; the message is due again after `afterMs`. */
  retryOutbound(messageId: number, afterMs: number, error: Record<string, unknown>): Promise<void>;
  /** Stops all sends of a number (errors 131048, 368, account_update…) until someone resumes it. */
  pauseNumber(workspaceId: string, reason: string, at: Date): Promise<void>;
  /** A person is talking to the contact: automation waits until `until` (Infinity: until resumed). */
  pauseContact(contactId: number, until: Date | 'infinity', reason: string): Promise<void>;
  /** Lets the bot talk again (only when paused for `reason`, if given) and sends what was held. */
  resumeContact(contactId: number, reason?: string): Promise<void>;
  /** Closes a run's open handoff when the run leaves the handoff step. */
  closeHandoff(runId: number, at: Date): Promise<void>;
  /** Records marketing consent with its source, for the audit trail. */
  setConsent(contactId: number, consent: 'opted_in' | 'opted_out', source: string, at: Date): Promise<void>;
}

/** Events from outside a run that the engine routes to runs or triggers. */
export type ContactEvent =
  | { type: 'message'; message: InboundMessage; firstContact: boolean }
  | { type: 'event'; name: string; payload: Record<string, unknown> }
  | { type: 'start'; flowId: string; payload: Record<string, unknown> /** A broadcast names its schedule trigger. */; triggerNode?: string };

/** Events addressed to one run at one step; ignored when the run has moved on. */
export type RunSignal =
  | { type: 'timer'; runId: number; node: string; step: number; timer: TimerKind }
  | {
      type: 'effect';
      runId: number;
      node: string;
      step: number;
      outcome: 'ok' | 'error' | 'window_closed' | 'human_active';
      error?: { code: string; message: string };
      data?: unknown;
    }
  | { type: 'release'; runId: number; by?: string };

/** How a message names its sender: the WhatsApp id when it has one, else the business-scoped user id. */
export function identityKey(identity: { waId?: string | undefined; userId?: string | undefined }): string {
  return identity.waId ? `wa:${identity.waId}` : `user:${identity.userId ?? ''}`;
}
