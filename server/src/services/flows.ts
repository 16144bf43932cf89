import { and, desc, eq, ilike, isNull, sql } from 'drizzle-orm';
import { ConfigurationError, NotFoundError, ValidationError, type Diagnostic } from '@tandem/shared';
import type { FlowDetail, FlowSummary } from '@tandem/shared/api';
import { loadFlow, validateFlow, type ValidateOptions } from '@tandem/engine/compiler';
import type { Db } from '../db/database';
import { flowVersions, flows } from '../db/schema';
import { newId } from './ids';
import { scheduleBroadcasts } from '../broadcasts/scheduleBroadcasts';
import { validationContext } from './flowContext';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

type FlowRow = typeof flows.$inferSelect;

/** An empty flow a marketer starts from. */
export function emptyDocument(name: string): Record<string, unknown> {
  return { schemaVersion: 1, name, settings: {}, nodes: [], edges: [], notes: [] };
}

/** Refuses documents that are not flow-shaped (a draft may be unfinished, but it must be a flow). */
export function assertFlowShaped(document: unknown): void {
  const loaded = loadFlow(document);
  const fatal = loaded.diagnostics.filter((d) => d.code === 'not-a-flow' || (d.code === 'invalid-document' && d.path?.[0] === 'schemaVersion'));
  if (!loaded.flow || fatal.length) {
    throw new ValidationError(
      'This is not a Tandem flow document',
      (fatal.length ? fatal : loaded.diagnostics).map((d) => ({ path: d.path ?? [], message: d.message, code: d.code })),
      'not_a_flow',
    );
  }
}

export async function createFlow(db: Db, workspaceId: string, document: Record<string, unknown>): Promise<string> {
  assertFlowShaped(document);
  const id = newId('fl');
  const name = typeof document.name === 'string' && document.name.trim() ? document.name.trim() : 'Untitled flow';
  await db.insert(flows).values({ id, workspaceId, name, draft: { ...document, id, name } });
  return id;
}

export async function loadFlowRow(db: Db, workspaceId: string, flowId: string): Promise<FlowRow> {
  const [flow] = await db
    .select()
    .from(flows)
    .where(and(eq(flows.id, flowId), eq(flows.workspaceId, workspaceId), isNull(flows.archivedAt)));
  if (!flow) throw new NotFoundError('Flow');
  return flow;
}

export async function listFlows(db: Db, workspaceId: string, search?: string): Promise<FlowSummary[]> {
  const rows = await db
    .select({
      id: flows.id,
      name: flows.name,
      updatedAt: flows.updatedAt,
      createdAt: flows.createdAt,
      liveVersion: sql<number | null>`(SELECT v.version FROM flow_versions v WHERE v.id = flows.live_version_id)`,
      versionCount: sql<number>`(SELECT count(*)::int FROM flow_versions v WHERE v.flow_id = flows.id AND NOT v.test)`,
    })
    .from(flows)
    .where(and(eq(flows.workspaceId, workspaceId), isNull(flows.archivedAt), search ? ilike(flows.name, `%${search.replace(/[%_\\]/g, '\\$&')}%`) : undefined))
    .orderBy(desc(flows.updatedAt));
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString(), createdAt: r.createdAt.toISOString() }));
}

export async function flowDetail(db: Db, workspaceId: string, flowId: string): Promise<FlowDetail> {
  const flow = await loadFlowRow(db, workspaceId, flowId);
  const versions = await db
    .select()
    .from(flowVersions)
    .where(and(eq(flowVersions.flowId, flowId), eq(flowVersions.test, false)))
    .orderBy(desc(flowVersions.version));
  return {
    id: flow.id,
    name: flow.name,
    draft: flow.draft,
    liveVersion: versions.find((v) => v.id === flow.liveVersionId)?.version ?? null,
    versionCount: versions.length,
    updatedAt: flow.updatedAt.toISOString(),
    createdAt: flow.createdAt.toISOString(),
    versions: versions.map((v) => ({ id: v.id, version: v.version, note: v.note, createdAt: v.createdAt.toISOString(), live: v.id === flow.liveVersionId })),
    test: await draftTestOf(db, flow).then((t) => (t ? { version: t.version, createdAt: t.createdAt.toISOString() } : null)),
  };
}

export async function saveDraft(db: Db, workspaceId: string, flowId: string, document: Record<string, unknown>): Promise<void> {
  assertFlowShaped(document);
  await loadFlowRow(db, workspaceId, flowId);
  const name = typeof document.name === 'string' && document.name.trim() ? document.name.trim() : 'Untitled flow';
  await db
    .update(flows)
    .set({ draft: { ...document, id: flowId, name }, name, updatedAt: sql`now()` })
    .where(eq(flows.id, flowId));
}

/** The draft test a flow is running in its sandbox (see draftTest.ts), if any. */
async function draftTestOf(db: Db, flow: { testVersionId: number | null }): Promise<{ version: number; createdAt: Date } | null> {
  if (flow.testVersionId === null) return null;
  const [v] = await db
    .select({ version: flowVersions.version, createdAt: flowVersions.createdAt })
    .from(flowVersions)
    .where(eq(flowVersions.id, flow.testVersionId));
  return v ?? null;
}

/**
 * Locks a flow's row and checks its draft against the workspace; refused with the errors (422,
 * `refusal` as the message) when it has any. Publishing and testing the draft both start here.
 */
export async function lockValidDraft(tx: Tx, workspaceId: string, flowId: string, context: ValidateOptions, refusal: string) {
  const [flow] = await tx
    .select()
    .from(flows)
    .where(and(eq(flows.id, flowId), eq(flows.workspaceId, workspaceId), isNull(flows.archivedAt)))
    .for('update');
  if (!flow) throw new NotFoundError('Flow');
  const result = validateFlow(flow.draft, context);
  if (!result.ok) {
    throw new ConfigurationError(
      refusal,
      result.diagnostics
        .filter((d) => d.severity === 'error')
        .map((d) => ({ path: d.nodeId ? ['nodes', d.nodeId, ...(d.path ?? [])] : (d.path ?? []), message: d.message, code: d.code })),
      'flow_invalid',
    );
  }
  return { flow, result };
}

/**
 * Publishes the draft as a new immutable version and makes it live. Refused with the errors
 * (422) when the flow has any; warnings are allowed and returned.
 */
export async function publishFlow(
  db: Db,
  workspaceId: string,
  flowId: string,
  note = '',
): Promise<{ versionId: number; version: number; diagnostics: Diagnostic[]; createdAt: Date }> {
  const context = await validationContext(db, workspaceId);
  return db.transaction(async (tx) => {
    const { flow, result } = await lockValidDraft(tx, workspaceId, flowId, context, 'The flow has errors and cannot be published');
    const [last] = await tx
      .select({ version: flowVersions.version })
      .from(flowVersions)
      .where(and(eq(flowVersions.flowId, flowId), eq(flowVersions.test, false)))
      .orderBy(desc(flowVersions.version))
      .limit(1);
    const version = (last?.version ?? 0) + 1;
    const [row] = await tx
      .insert(flowVersions)
      .values({ flowId, workspaceId, version, document: flow.draft, note })
      .returning({ id: flowVersions.id, createdAt: flowVersions.createdAt });
    // The draft is live now: the sandbox stops running a test of it.
    await tx.update(flows).set({ liveVersionId: row!.id, testVersionId: null }).where(eq(flows.id, flowId));
    await scheduleBroadcasts(tx, flowId);
    return { versionId: row!.id, version, diagnostics: result.diagnostics, createdAt: row!.createdAt };
  });
}
