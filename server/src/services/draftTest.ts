import { and, eq, min } from 'drizzle-orm';
import { NotFoundError } from '@tandem/shared';
import type { Db } from '../db/database';
import { flowVersions, flows } from '../db/schema';
import { validationContext } from './flowContext';
import { lockValidDraft } from './flows';
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
    const { flow } = await lockValidDraft(tx, workspaceId, flowId, context, 'The draft has errors: fix them in the Problems panel to test it');
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
