import { PERSON } from '@tandem/shared';
import type { CompiledVersion } from './compiledVersion';
import { contactView } from './contactView';
import { conditionConversions, eventConversions, exitReason, hasOutcomes, withinWindow, type ConversionDecision } from './goals';
import { FOREVER } from '../policy';
import type { EngineTx, LockedContact, RunRecord } from './ports';

type Load = (versionId: number) => Promise<{ version: CompiledVersion }>;

/**
 * Goals and exits of journeys, applied in the caller's transaction: conversions are recorded with
 * the event or step that caused them, and an exit ends the run as a cancel does (its timers go,
 * its queued messages are skipped, the run log says why).
 */
export class Outcomes {
  constructor(private readonly load: Load) {}

  /**
   * A business event for the contact: the goals it meets, for the contact's runs within their
   * goal's window (ended ones too: a purchase often comes after the journey), then the exits it
   * triggers and the condition goals and exits of the active runs. Answers the runs that ended.
   */
  async onEvent(tx: EngineTx, locked: LockedContact, active: readonly RunRecord[], name: string, payload: Record<string, unknown>): Promise<Set<number>> {
    const withOutcomes: { run: RunRecord; version: CompiledVersion }[] = [];
    for (const run of active) {
      const { version } = await this.load(run.flowVersionId);
      if (hasOutcomes(version.settings)) withOutcomes.push({ run, version });
    }
    await this.convertOnEvent(tx, locked, active, name, payload);
    const ended = new Set<number>();
    for (const { run, version } of withOutcomes) {
      const view = contactView(locked.contact, version.contactFields, locked.now);
      await this.record(tx, locked, run, conditionConversions(version.settings, view, locked.now));
      const reason = exitReason(version.settings, { event: name }) ?? exitReason(version.settings, { contact: view, now: locked.now });
      if (reason) {
        await exitRun(tx, locked, run, reason);
        ended.add(run.id);
      }
    }
    return ended;
  }

  /** After a step: the condition goals the contact meets now, and (when the run goes on) a condition exit. Answers whether the run exited. */
  async afterStep(tx: EngineTx, locked: LockedContact, run: RunRecord, version: CompiledVersion): Promise<boolean> {
    if (!hasOutcomes(version.settings)) return false;
    const view = contactView(locked.contact, version.contactFields, locked.now);
    await this.record(tx, locked, run, conditionConversions(version.settings, view, locked.now));
    if (run.status !== 'active') return false;
    const reason = exitReason(version.settings, { contact: view, now: locked.now });
    if (reason) await exitRun(tx, locked, run, reason);
    return reason !== undefined;
  }

  /** Event goals: only when a live version or an active run's version has a goal for this event is the contact's recent history read. */
  private async convertOnEvent(
    tx: EngineTx,
    locked: LockedContact,
    active: readonly RunRecord[],
    name: string,
    payload: Record<string, unknown>,
  ): Promise<void> {
    let widest = 0;
    const versionIds = new Set([...active.map((r) => r.flowVersionId), ...(await tx.liveVersions(locked.contact.workspaceId)).map((v) => v.versionId)]);
    for (const id of versionIds) {
      for (const g of (await this.load(id)).version.settings.goals) if (g.kind === 'event' && g.event === name) widest = Math.max(widest, g.windowHours);
    }
    if (widest === 0) return;
    const runs = await tx.runsSince(locked.contact.id, new Date(locked.now.getTime() - widest * 3_600_000));
    for (const run of runs) {
      const { version } = await this.load(run.flowVersionId);
      const view = contactView(locked.contact, version.contactFields, locked.now);
      await this.record(tx, locked, run, eventConversions(version.settings, name, payload, view, locked.now));
    }
  }

  private async record(tx: EngineTx, locked: LockedContact, run: RunRecord, decisions: readonly ConversionDecision[]): Promise<void> {
    for (const d of decisions) {
      if (!withinWindow(d.goal, run.startedAt, locked.now)) continue;
      const id = await tx.recordConversion({
        workspaceId: run.workspaceId,
        contactId: run.contactId,
        flowId: run.flowId,
        flowVersionId: run.flowVersionId,
        runId: run.id,
        runStartedAt: run.startedAt,
        goal: d.goal.name,
        event: d.event,
        value: d.value,
        currency: d.currency,
        ...(d.goal.report ? { report: d.goal.report } : {}),
        at: locked.now,
      });
      // A goal that says "Report to Meta as" reports each new conversion once (Meta deduplicates on the id too).
      if (id !== undefined && d.goal.report) {
        await tx.queueConversionReport({
          workspaceId: run.workspaceId,
          contactId: run.contactId,
          runId: run.id,
          conversionId: id,
          eventName: d.goal.report,
          value: d.value,
          currency: d.currency,
          eventId: `tandem-conversion-${id}`,
          at: locked.now,
        });
      }
    }
  }
}

/** Ends an active run early, as a cancel does, inside the engine's transaction. */
async function exitRun(tx: EngineTx, locked: LockedContact, run: RunRecord, reason: string): Promise<void> {
  const at = locked.now;
  await tx.saveStep({
    run: {
      isNew: false,
      id: run.id,
      contactId: run.contactId,
      status: 'completed',
      currentNode: run.currentNode,
      step: run.step,
      waitingFor: null,
      waitingEvent: null,
      snapshot: run.snapshot,
      endReason: reason,
      now: at,
    },
    // node-name-ok: the run-log kind 'end' (the run exited), not the end step
    log: [{ runId: run.id, flowVersionId: run.flowVersionId, step: run.step, kind: 'end', nodeId: run.currentNode, detail: { reason }, at }],
    clearTimers: true,
  });
  await tx.skipQueued(run.id, reason);
  // A run that waited for a person gives the contact back: its handoff closes and the pause lifts.
  if (run.waitingFor === PERSON) {
    await tx.closeHandoff(run.id, at);
    await tx.resumeContact(run.contactId, PERSON);
    if (locked.contact.pausedUntil?.getTime() === FOREVER.getTime()) locked.contact = { ...locked.contact, pausedUntil: null };
  }
}
