import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { ConfigurationError, ConflictError, type ErrorIssue, NotFoundError, ValidationError } from '@tandem/shared';
import { compileVersion, entryTrigger } from '@tandem/engine/runtime';
import { runtimeOf } from '@tandem/nodes/runtime';
import { startRunJob } from '@tandem/engine/tasks';
import type { Db } from '../db/database';
import { contacts, flowVersions, messages, runSteps, runs, timers } from '../db/schema';
import { loadFlowRow } from './flows';
import { runColumns, type RunRow } from './runView';
import { workspaceNow } from './workspaceClock';
import { enqueue } from '../store/enqueue';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface RunFilter {
  flowId?: string | undefined;
  contactId?: number | undefined;
  status?: RunRow['status'] | undefined;
  /** The step the run is at now. */
  node?: string | undefined;
  limit: number;
  offset: number;
}

/** Runs of the workspace, newest first, with their version numbers. */
export async function listRuns(db: Pick<Db, 'select'>, workspaceId: string, f: RunFilter): Promise<RunRow[]> {
  const rows = await db
    .select(runColumns)
    .from(runs)
    .innerJoin(flowVersions, eq(flowVersions.id, runs.flowVersionId))
    .where(
      and(
        eq(runs.workspaceId, workspaceId),
        f.flowId ? eq(runs.flowId, f.flowId) : undefined,
        f.contactId !== undefined ? eq(runs.contactId, f.contactId) : undefined,
        f.status ? eq(runs.status, f.status) : undefined,
        f.node ? eq(runs.currentNode, f.node) : undefined,
      ),
    )
    .orderBy(desc(runs.id))
    .limit(f.limit)
    .offset(f.offset);
  return rows;
}

/** One run of the workspace, or 404. */
async function loadRun(db: Pick<Db, 'select'>, workspaceId: string, runId: number): Promise<RunRow> {
  const [row] = await db
    .select(runColumns)
    .from(runs)
    .innerJoin(flowVersions, eq(flowVersions.id, runs.flowVersionId))
    .where(and(eq(runs.id, runId), eq(runs.workspaceId, workspaceId)));
  if (!row) throw new NotFoundError('Run');
  return row;
}

/** A run with its step log in order and the messages it sent. */
export async function runDetail(db: Pick<Db, 'select'>, workspaceId: string, runId: number) {
  const run = await loadRun(db, workspaceId, runId);
  const steps = await db.select().from(runSteps).where(eq(runSteps.runId, run.id)).orderBy(asc(runSteps.id));
  const sent = await db
    .select()
    .from(messages)
    .where(and(eq(messages.runId, run.id), eq(messages.workspaceId, workspaceId)))
    .orderBy(asc(messages.at), asc(messages.id));
  return { run, steps, messages: sent };
}

/**
 * Stops an active run, in one transaction with its contact locked (as the engine locks it, so no
 * step of this run is half-way): the run ends as cancelled, its timers go, its messages still
 * queued are skipped instead of sent later, and the step log records who cancelled it.
 */
export async function cancelRun(db: Db, workspaceId: string, runId: number, actor: string): Promise<RunRow> {
  await db.transaction(async (tx) => {
    const [found] = await tx
      .select({ contactId: runs.contactId })
      .from(runs)
      .where(and(eq(runs.id, runId), eq(runs.workspaceId, workspaceId)));
    if (!found) throw new NotFoundError('Run');
    await tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, found.contactId)).for('update');
    const [run] = await tx.select().from(runs).where(eq(runs.id, runId));
    if (run!.status !== 'active') throw new ConflictError('not_active', `The run is not active (it is ${run!.status})`);
    const now = await workspaceNow(tx, workspaceId);
    const reason = `cancelled by ${actor}`;
    await tx
      .update(runs)
      .set({ status: 'cancelled', endedAt: now, endReason: reason, waitingFor: null, waitingEvent: null, updatedAt: now })
      .where(eq(runs.id, runId));
    await tx.delete(timers).where(eq(timers.runId, runId));
    await tx
      .update(messages)
      .set({ status: 'skipped', error: { code: 'run_cancelled', message: reason }, sendAfter: null, updatedAt: sql`now()` })
      .where(and(eq(messages.runId, runId), inArray(messages.status, ['pending', 'held'])));
    await tx
      .insert(runSteps)
      // node-name-ok: the run-log kind 'end' (the run was cancelled), not the end step
      .values({ runId, flowVersionId: run!.flowVersionId, step: run!.step, kind: 'end', nodeId: run!.currentNode, detail: { reason }, at: now });
  });
  return loadRun(db, workspaceId, runId);
}

/**
 * Asks the worker to start a flow for a contact (created when new), through the trigger the
 * engine will use: the API trigger, else the first one. The payload is checked against that
 * trigger first, so a missing required field is a 422 now rather than a silent no-start later.
 */
export async function requestRunStart(
  db: Db,
  workspaceId: string,
  flowId: string,
  contact: { waId?: string | undefined; userId?: string | undefined },
  payload: Record<string, unknown>,
  triggerNode?: string,
): Promise<void> {
  const flow = await loadFlowRow(db, workspaceId, flowId);
  // The engine starts the version the sandbox tests, when there is one (see liveVersions).
  const versionId = flow.testVersionId ?? flow.liveVersionId;
  if (versionId === null) throw new ConflictError('not_published', 'The flow has no live version: publish it first');
  const [version] = await db.select().from(flowVersions).where(eq(flowVersions.id, versionId));
  const compiled = compileVersion(version!.id, flow.id, version!.document);
  const trigger = triggerNode ? compiled.triggers.find((t) => t.id === triggerNode) : entryTrigger(compiled);
  if (!trigger && triggerNode)
    throw new ValidationError(
      `The live version has no trigger step "${triggerNode}"`,
      [{ path: ['trigger'], message: 'Not a trigger step of the live version' }],
      'unknown_trigger',
    );
  if (!trigger) throw new ConfigurationError('The flow has no trigger to start from', [], 'no_trigger');
  const mapped = runtimeOf(trigger.type).mapPayload?.(trigger.config, payload, { receivedAt: new Date() });
  if (mapped && !mapped.ok) {
    const issues: ErrorIssue[] = mapped.missing.map((path) => ({ path: ['payload', ...path.split('.')], message: "Required by the flow's start step" }));
    throw new ConfigurationError(`The payload lacks required fields: ${mapped.missing.join(', ')}`, issues, 'missing_fields');
  }
  await db.transaction(async (tx) => {
    const contactId = await findOrCreateContact(tx, workspaceId, contact);
    await enqueue(tx, startRunJob, { workspaceId, contactId, flowId: flow.id, payload, ...(triggerNode ? { triggerNode: trigger.id } : {}) });
  });
}

async function findOrCreateContact(tx: Tx, workspaceId: string, ref: { waId?: string | undefined; userId?: string | undefined }): Promise<number> {
  const find = async () => {
    const rows = await tx
      .select({ id: contacts.id, waId: contacts.waId })
      .from(contacts)
      .where(
        and(
          eq(contacts.workspaceId, workspaceId),
          or(ref.waId ? eq(contacts.waId, ref.waId) : undefined, ref.userId ? eq(contacts.userId, ref.userId) : undefined),
        ),
      );
    return (rows.find((r) => ref.waId && r.waId === ref.waId) ?? rows[0])?.id;
  };
  const found = await find();
  if (found !== undefined) return found;
  await tx
    .insert(contacts)
    .values({ workspaceId, waId: ref.waId ?? null, userId: ref.userId ?? null, phone: ref.waId ? `+${ref.waId}` : null })
    .onConflictDoNothing();
  return (await find())!;
}
