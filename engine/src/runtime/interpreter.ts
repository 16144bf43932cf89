import { effectiveReadReceipts, InvariantError, PERSON, type RunEvent } from '@tandem/shared';
import { runtimeOf, type EffectPorts } from '@tandem/nodes/runtime';
import { entryTrigger, VersionCache, type CompiledNode, type CompiledVersion } from './compiledVersion';
import { createFlowMachine, type FlowMachine } from './flowMachine';
import { startRun, stepRun, type StepResult } from './stepRun';
import { applyPatch, isEmptyPatch } from './contactPatch';
import { Outcomes } from './outcomes';
import { describeEvent } from './eventDetail';
import { FOREVER, humanHold } from '../policy';
import type { ContactEvent, EngineStore, EngineTx, HandoffRecord, LockedContact, LogRow, RunRecord, RunSignal } from './ports';

/** What happened to a contact event. */
export type Routed = { to: 'run'; runIds: number[] } | { to: 'started'; runIds: number[] } | { to: 'nobody'; reason: string };

interface Loaded {
  version: CompiledVersion;
  machine: FlowMachine;
}

/**
 * Runs journeys: routes a contact's events to the run waiting for them or to the flows whose
 * triggers match, takes the step, and persists the new state with its log and effects in the
 * caller's transaction. The contact must be locked by the caller, so one contact's events are
 * applied one at a time.
 */
export class Interpreter {
  private readonly versions = new VersionCache();
  private readonly machines = new Map<number, FlowMachine>();
  private readonly outcomes = new Outcomes((versionId) => this.load(versionId));

  constructor(private readonly store: EngineStore) {}

  async load(versionId: number): Promise<Loaded> {
    const version = await this.versions.get(versionId, () => this.store.loadVersion(versionId));
    let machine = this.machines.get(versionId);
    if (!machine) {
      machine = createFlowMachine(version);
      this.machines.set(versionId, machine);
      if (this.machines.size > 500) this.machines.delete(this.machines.keys().next().value!);
    }
    return { version, machine };
  }

  /** An inbound message, a business event or an API start, for a locked contact. */
  async onContactEvent(tx: EngineTx, locked: LockedContact, event: ContactEvent): Promise<Routed> {
    if (event.type === 'message') {
      if (isPaused(locked)) return { to: 'nobody', reason: 'a person is talking with the contact' };
      const waiting = (await activeRuns(tx, locked)).find((r) => r.waitingFor === 'reply');
      if (waiting) {
        // A journey that yields to the person who replied from the App leaves the answer to them.
        if (yieldsToPerson((await this.load(waiting.flowVersionId)).version, locked))
          return { to: 'nobody', reason: 'a person replied from the Business App and the journey waits by its rule' };
        await this.deliver(tx, locked, waiting, { type: 'message.received', message: event.message });
        return { to: 'run', runIds: [waiting.id] };
      }
      const candidates = await this.matchingTriggers(tx, locked, (node, version) => {
        if (yieldsToPerson(version, locked)) return undefined;
        const values = runtimeOf(node.type).matchMessage?.(node.config, { message: event.message, firstContact: event.firstContact });
        return values ? { values, rank: runtimeOf(node.type).specificity?.(node.config) ?? 0 } : undefined;
      });
      for (const c of candidates.sort((a, b) => a.rank - b.rank)) {
        const runId = await this.startIfAllowed(tx, locked, c.loaded, c.node, c.values);
        if (runId !== undefined) return { to: 'started', runIds: [runId] };
      }
      return { to: 'nobody', reason: candidates.length ? 'entry rules' : 'no waiting run or matching trigger' };
    }
    if (event.type === 'event') {
      const active = await activeRuns(tx, locked);
      // Goals and exits first: an exit event ends the run before a step could take it.
      const ended = await this.outcomes.onEvent(tx, locked, active, event.name, event.payload);
      const runs = active.filter((r) => !ended.has(r.id) && r.waitingFor === 'event' && r.waitingEvent === event.name);
      for (const run of runs) await this.deliver(tx, locked, run, { type: 'event.received', name: event.name, payload: event.payload });
      const started: number[] = [];
      const candidates = await this.matchingTriggers(tx, locked, (node) => {
        if (runtimeOf(node.type).startsOn !== 'event') return undefined;
        const mapped = runtimeOf(node.type).mapPayload?.(node.config, event.payload, { name: event.name, receivedAt: locked.now });
        return mapped?.ok ? { values: mapped.values, rank: 0 } : undefined;
      });
      for (const c of candidates) {
        const runId = await this.startIfAllowed(tx, locked, c.loaded, c.node, c.values);
        if (runId !== undefined) started.push(runId);
      }
      if (runs.length) return { to: 'run', runIds: [...runs.map((r) => r.id), ...started] };
      return started.length ? { to: 'started', runIds: started } : { to: 'nobody', reason: 'no waiting run or matching trigger' };
    }
    const live = await liveVersionOf(tx, locked.contact.workspaceId, event.flowId);
    if (!live) return { to: 'nobody', reason: 'the flow is not published' };
    const loaded = await this.load(live.versionId);
    const node = event.triggerNode ? loaded.version.triggers.find((t) => t.id === event.triggerNode) : entryTrigger(loaded.version);
    if (!node) return { to: 'nobody', reason: 'the flow has no trigger' };
    const mapped = runtimeOf(node.type).mapPayload?.(node.config, event.payload, { receivedAt: locked.now }) ?? { ok: true as const, values: event.payload };
    if (!mapped.ok) return { to: 'nobody', reason: `missing fields: ${mapped.missing.join(', ')}` };
    const runId = await this.startIfAllowed(tx, locked, loaded, node, mapped.values);
    return runId === undefined ? { to: 'nobody', reason: 'entry rules' } : { to: 'started', runIds: [runId] };
  }

  /**
   * Before a flow starts for many contacts in one transaction (a broadcast's batch): when the live
   * version's re-entry rule asks whether a contact has run it, the answers are read for all of them
   * at once, so the starts make no read each (a read would also write out the batch so far).
   */
  async prepareStarts(tx: EngineTx, workspaceId: string, flowId: string, contactIds: readonly number[]): Promise<void> {
    const live = await liveVersionOf(tx, workspaceId, flowId);
    if (!live || (await this.load(live.versionId)).version.settings.reentry === 'always') return;
    await tx.prefetchRuns(contactIds, flowId);
  }

  /** A timer, an effect's result or a handoff release for one run; stale signals are ignored. */
  async onRunSignal(tx: EngineTx, locked: LockedContact, signal: RunSignal): Promise<boolean> {
    const read = locked.signalRun;
    locked.signalRun = undefined;
    const run = read?.id === signal.runId ? read : await tx.getRun(signal.runId);
    if (run?.status !== 'active' || run.contactId !== locked.contact.id) return false;
    if (signal.type === 'release') {
      if (run.waitingFor !== PERSON) return false;
      return this.deliver(tx, locked, run, { type: 'handoff.released', node: run.currentNode ?? '', ...(signal.by ? { by: signal.by } : {}) });
    }
    if (run.step !== signal.step || run.currentNode !== signal.node) return false;
    if (signal.type === 'timer') return this.deliver(tx, locked, run, { type: 'timer.fired', node: signal.node, timer: signal.timer });
    return this.deliver(tx, locked, run, {
      type: 'effect.result',
      node: signal.node,
      outcome: signal.outcome,
      ...(signal.error ? { error: signal.error } : {}),
      ...(signal.data !== undefined ? { data: signal.data } : {}),
    });
  }

  private async matchingTriggers<T extends { values: Record<string, unknown>; rank: number }>(
    tx: EngineTx,
    locked: LockedContact,
    match: (node: CompiledNode, version: CompiledVersion) => T | undefined,
  ): Promise<(T & { loaded: Loaded; node: CompiledNode })[]> {
    const out: (T & { loaded: Loaded; node: CompiledNode })[] = [];
    for (const live of await tx.liveVersions(locked.contact.workspaceId)) {
      const loaded = await this.load(live.versionId);
      for (const node of loaded.version.triggers) {
        const hit = match(node, loaded.version);
        if (hit) {
          out.push({ ...hit, loaded, node });
          break;
        }
      }
    }
    return out;
  }

  private async startIfAllowed(
    tx: EngineTx,
    locked: LockedContact,
    loaded: Loaded,
    node: CompiledNode,
    values: Record<string, unknown>,
  ): Promise<number | undefined> {
    const { version } = loaded;
    const reentry = version.settings.reentry;
    if (reentry !== 'always' && (await tx.hasRun(locked.contact.id, version.flowId, reentry === 'after_completion'))) return undefined;
    const recentHours = version.settings.entry.skipIfAppConversationWithinHours;
    const lastApp = locked.contact.lastAppReplyAt;
    if (recentHours !== null && lastApp && locked.now.getTime() - lastApp.getTime() < recentHours * 3_600_000) return undefined;
    return this.start(tx, locked, loaded, node.id, values);
  }

  private async start(
    tx: EngineTx,
    locked: LockedContact,
    { version, machine }: Loaded,
    triggerNode: string,
    values: Record<string, unknown>,
  ): Promise<number> {
    const runId = await tx.newRunId();
    const result = startRun(version, machine, String(runId), triggerNode, values, { now: locked.now, contact: locked.contact });
    const run: RunRecord = {
      id: runId,
      workspaceId: locked.contact.workspaceId,
      contactId: locked.contact.id,
      flowId: version.flowId,
      flowVersionId: version.versionId,
      status: 'active',
      currentNode: null,
      step: 0,
      waitingFor: null,
      waitingEvent: null,
      snapshot: result.snapshot,
      startedAt: locked.now,
    };
    await this.persist(tx, locked, run, { version, machine }, result, { type: 'start', trigger: triggerNode }, true);
    return runId;
  }

  private async deliver(tx: EngineTx, locked: LockedContact, run: RunRecord, event: RunEvent): Promise<boolean> {
    const loaded = await this.load(run.flowVersionId);
    const result = stepRun(loaded.version, loaded.machine, run.snapshot, event, { now: locked.now, contact: locked.contact });
    if (!result.changed) return false;
    await this.persist(tx, locked, run, loaded, result, describeEvent(event));
    return true;
  }

  private async persist(
    tx: EngineTx,
    locked: LockedContact,
    run: RunRecord,
    loaded: Loaded,
    result: StepResult,
    event: Record<string, unknown>,
    isNew = false,
  ): Promise<void> {
    const at = locked.now;
    const rows: LogRow[] = [
      { runId: run.id, flowVersionId: run.flowVersionId, step: run.step, kind: 'event', nodeId: run.currentNode, detail: event, at },
      ...result.log.map((l) => ({
        runId: run.id,
        flowVersionId: run.flowVersionId,
        step: l.step,
        kind: l.kind,
        nodeId: l.node,
        ...(l.port ? { port: l.port } : {}),
        at,
      })),
    ];
    const done = result.status === 'done';
    const lastPort = [...result.log].reverse().find((l) => l.kind === 'port');
    const endReason = done ? endReasonOf(loaded.version, result, lastPort) : undefined;
    if (done)
      rows.push({
        runId: run.id,
        flowVersionId: run.flowVersionId,
        step: result.step,
        // node-name-ok: the run-log kind 'end' (the run finished), not the end step
        kind: 'end',
        nodeId: result.currentNode,
        detail: { reason: endReason, ...(result.outcome ? { outcome: result.outcome } : {}) },
        at,
      });
    const update = {
      status: done ? 'completed' : 'active',
      currentNode: result.currentNode,
      step: result.step,
      waitingFor: result.waiting.for,
      waitingEvent: result.waiting.event ?? null,
      snapshot: result.snapshot,
      ...(result.outcome ? { outcome: result.outcome } : {}),
      ...(endReason ? { endReason } : {}),
      now: at,
    } as const;
    const left = done || result.step !== run.step;
    await tx.saveStep({
      run: isNew
        ? { isNew, id: run.id, workspaceId: run.workspaceId, contactId: run.contactId, flowId: run.flowId, flowVersionId: run.flowVersionId, ...update }
        : { isNew, id: run.id, contactId: run.contactId, ...update },
      log: rows,
      clearTimers: left && mayHaveTimers(loaded.version, run.currentNode),
    });
    if (!isEmptyPatch(result.contactPatch)) {
      await tx.patchContact(locked.contact.id, result.contactPatch, at);
      locked.contact = applyPatch(locked.contact, result.contactPatch);
    }
    // Leaving a step that waited for a person closes the handoff and lifts its pause.
    if (left && run.waitingFor === PERSON) {
      await tx.closeHandoff(run.id, at);
      await tx.resumeContact(run.contactId, PERSON);
      if (locked.contact.pausedUntil?.getTime() === FOREVER.getTime()) locked.contact = { ...locked.contact, pausedUntil: null };
    }
    const after: RunRecord = {
      ...run,
      status: done ? 'completed' : 'active',
      currentNode: result.currentNode,
      step: result.step,
      waitingFor: result.waiting.for,
      waitingEvent: result.waiting.event ?? null,
      snapshot: result.snapshot,
    };
    const followUps: RunEvent[] = [];
    for (const effect of result.effects) {
      const base = { workspaceId: run.workspaceId, contactId: run.contactId, runId: run.id, nodeId: effect.node, step: effect.step };
      switch (effect.type) {
        case 'send':
          await tx.queueSend({ ...base, purpose: effect.purpose, content: effect.content, at });
          break;
        case 'timer':
          if (effect.step === result.step && !done)
            await tx.setTimer(
              {
                ...base,
                kind: effect.timer,
                at: new Date(effect.at),
                ...(effect.restartOnActivityMs !== undefined ? { restartOnActivityMs: effect.restartOnActivityMs } : {}),
              },
              locked.clockOffsetMs,
            );
          break;
        case 'timer-missed':
          if (effect.step === result.step) followUps.push({ type: 'effect.result', node: effect.node, outcome: 'missed' });
          break;
        case 'http':
          await tx.queueHttp({ ...base, request: effect.request });
          break;
        case 'node': {
          const type = loaded.version.nodes.get(effect.node)?.type;
          const handler = type ? runtimeOf(type).effects?.[effect.name] : undefined;
          if (!handler) throw new InvariantError(`step ${effect.node} emitted the effect "${effect.name}" its node type does not declare`);
          await handler.run(handler.payload.parse(effect.payload), this.effectPorts(tx, locked, { ...base, at }, loaded.version));
          break;
        }
      }
    }
    for (const event of followUps) await this.deliver(tx, locked, after, event);
    // A follow-up's own step checks the goals and exits after it.
    if (followUps.length === 0) await this.outcomes.afterStep(tx, locked, after, loaded.version);
  }

  /** What a node effect's handler may do, for the run and step that emitted it, in this transaction. */
  private effectPorts(tx: EngineTx, locked: LockedContact, base: Omit<HandoffRecord, 'team'> & { step: number }, version: CompiledVersion): EffectPorts {
    return {
      openHandoff: ({ team }) => tx.openHandoff({ ...base, team }),
      acknowledge: async (wamid, { typing }) => {
        const flowSetting = version.settings.readReceipts;
        // Decided here, so a journey that marks nothing read queues no job.
        if (effectiveReadReceipts(flowSetting, locked.readReceipts) === 'off') return;
        await tx.queueReadReceipt({
          workspaceId: base.workspaceId,
          contactId: base.contactId,
          runId: base.runId,
          nodeId: base.nodeId,
          wamid,
          typing,
          flowSetting,
        });
      },
      reportConversion: ({ eventName, value, currency }) =>
        tx.queueConversionReport({
          workspaceId: base.workspaceId,
          contactId: base.contactId,
          runId: base.runId,
          eventName,
          value,
          currency,
          eventId: `tandem-run-${base.runId}-step-${base.step}`,
          at: base.at,
        }),
      pauseContactUntilReleased: async (reason) => {
        await tx.pauseContact(base.contactId, 'infinity', reason);
        locked.contact = { ...locked.contact, pausedUntil: FOREVER };
      },
      startFlow: async (flowId, vars) => {
        const live = await liveVersionOf(tx, base.workspaceId, flowId);
        if (!live) return;
        const next = await this.load(live.versionId);
        const trigger = entryTrigger(next.version);
        if (trigger) await this.start(tx, locked, next, trigger.id, vars);
      },
    };
  }
}

/** The version of the flow contacts enter now; undefined when it is not published. */
async function liveVersionOf(tx: EngineTx, workspaceId: string, flowId: string): Promise<{ flowId: string; versionId: number } | undefined> {
  return (await tx.liveVersions(workspaceId)).find((v) => v.flowId === flowId);
}

/** The contact's active runs: as the lock read them, once; after that, from the database. */
async function activeRuns(tx: EngineTx, locked: LockedContact): Promise<RunRecord[]> {
  const read = locked.activeRuns;
  locked.activeRuns = undefined;
  return read ?? tx.activeRuns(locked.contact.id);
}

function isPaused(locked: LockedContact): boolean {
  return locked.contact.pausedUntil !== null && locked.contact.pausedUntil.getTime() > locked.now.getTime();
}

/** Whether the journey's human-reply rule keeps it quiet now, after a person replied from the App (the collision guard only delays sends). */
function yieldsToPerson(version: CompiledVersion, locked: LockedContact): boolean {
  return humanHold(version.settings.humanReply, locked.contact, locked.now)?.reason === 'human_active';
}

/** Only steps that declare timers (question timeouts, waits, handoffs) need them cleared when left. */
function mayHaveTimers(version: CompiledVersion, node: string | null): boolean {
  const type = node ? version.nodes.get(node)?.type : undefined;
  return type !== undefined && runtimeOf(type).armsTimers === true;
}

function endReasonOf(version: CompiledVersion, result: StepResult, lastPort: { node: string | null; port?: string } | undefined): string {
  const node = result.currentNode ? version.nodes.get(result.currentNode) : undefined;
  const declared = node ? runtimeOf(node.type).endReason : undefined;
  if (declared) return declared;
  return lastPort ? `output "${lastPort.port}" of ${lastPort.node} is not connected` : 'ended';
}
