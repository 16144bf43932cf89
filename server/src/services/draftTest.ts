import { and, eq, isNull, min } from 'drizzle-orm';
import { ConfigurationError, NotFoundError } from '@tandem/shared';
import { validateFlow } from '@tandem/engine/compiler';
import type { Db } from '../db/database';
import { flowVersions, flows } from '../db/schema';
import { validationContext } from './flowContext';
import { assertSandbox, resetSimulator } from './simulator';

export interface DraftTest {
  /** The test version's number (−1, −2…: never a published number). */
  version: number;
  createdAt: Date;
}

/**
 * Tests a flow's draft in a sandbox without publishing it: the draft, checked as a publish would
 * check it, is frozen into a test version, and the sandbox runs that version instead of the live
 * one (its triggers, starts and "Go to flow") until the draft is published or the test stops. The
 * test contact starts over, so it meets the draft from its first step. Refused with the errors
 * (422) when the draft has any.
 */
export async function startDraftTest(db: Db, workspaceId: string, flowId: string, waId: string): Promise<DraftTest> {
  await assertSandbox(db, workspaceId);
  const context = await validationContext(db, workspaceId);
  const test = await db.transaction(async (tx) => {
    const [flow] = await tx
      .select()
      .from(flows)
      .where(and(eq(flows.id, flowId), eq(flows.workspaceId, workspaceId), isNull(flows.archivedAt)))
      .for('update');
    if (!flow) throw new NotFoundError('Flow');
    const result = validateFlow(flow.draft, context);
    if (!result.ok) {
      throw new ConfigurationError(
        'The draft has errors: fix them in the Problems panel to test it',
        result.diagnostics
          .filter((d) => d.severity === 'error')
          .map((d) => ({ path: d.nodeId ? ['nodes', d.nodeId, ...(d.path ?? [])] : (d.path ?? []), message: d.message, code: d.code })),
        'flow_invalid',
      );
    }
    const [lowest] = await tx
      .select({ version: min(flowVersions.version) })
      .from(flowVersions)
      .where(and(eq(flowVersions.flowId, flowId), eq(flowVersions.test, true)));
    const version = Math.min(lowest?.version ?? 0, 0) - 1;
    const [row] = await tx
      .insert(flowVersions)
      .values({ flowId, workspaceId, version, document: flow.draft, note: 'Test of the draft', test: true })
      .returning({ id: flowVersions.id, createdAt: flowVersions.createdAt });
    await tx.update(flows).set({ testVersionId: row!.id }).where(eq(flows.id, flowId));
    return { version, createdAt: row!.createdAt };
  });
  await resetSimulator(db, workspaceId, waId);
  return test;
}

/** The sandbox runs the live version of the flow again (runs already on the test version go on). */
export async function stopDraftTest(db: Db, workspaceId: string, flowId: string): Promise<void> {
  await assertSandbox(db, workspaceId);
  const stopped = await db
    .update(flows)
    .set({ testVersionId: null })
    .where(and(eq(flows.id, flowId), eq(flows.workspaceId, workspaceId)))
    .returning({ id: flows.id });
  if (stopped.length === 0) throw new NotFoundError('Flow');
}

/** The draft test a flow is running in its sandbox, if any. */
export async function draftTestOf(db: Db, flow: { testVersionId: number | null }): Promise<DraftTest | null> {
  if (flow.testVersionId === null) return null;
  const [v] = await db
    .select({ version: flowVersions.version, createdAt: flowVersions.createdAt })
    .from(flowVersions)
    .where(eq(flowVersions.id, flow.testVersionId));
  return v ?? null;
}
