import { and, desc, eq, sql } from 'drizzle-orm';
import { ConfigurationError, NotFoundError, type Diagnostic } from '@tandem/shared';
import { validateFlow } from '@tandem/engine/compiler';
import type { Db } from '../db/database';
import { flowVersions, flows } from '../db/schema';
import { newId } from './ids';

/** Creates a flow with a draft document; the document's own id is replaced by the flow's. */
export async function createFlow(db: Db, workspaceId: string, document: Record<string, unknown>): Promise<string> {
  const id = newId('fl');
  const name = typeof document.name === 'string' && document.name.trim() ? document.name : 'Untitled flow';
  await db.insert(flows).values({ id, workspaceId, name, draft: { ...document, id } });
  return id;
}

/**
 * Publishes the draft as a new immutable version and makes it live. Refused (with the
 * diagnostics) when the flow has errors; warnings are allowed.
 */
export async function publishFlow(db: Db, workspaceId: string, flowId: string, note = ''): Promise<{ versionId: number; version: number; diagnostics: Diagnostic[] }> {
  return db.transaction(async (tx) => {
    const [flow] = await tx.select().from(flows).where(and(eq(flows.id, flowId), eq(flows.workspaceId, workspaceId))).for('update');
    if (!flow) throw new NotFoundError('Flow');
    const flowIds = (await tx.select({ id: flows.id }).from(flows).where(eq(flows.workspaceId, workspaceId))).map((f) => f.id);
    const result = validateFlow(flow.draft, { flowIds });
    if (!result.ok) {
      throw new ConfigurationError(
        'The flow has errors and cannot be published',
        result.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ path: d.nodeId ? ['nodes', d.nodeId] : [], message: d.message, code: d.code })),
        'flow_invalid',
      );
    }
    const [last] = await tx.select({ version: flowVersions.version }).from(flowVersions).where(eq(flowVersions.flowId, flowId)).orderBy(desc(flowVersions.version)).limit(1);
    const version = (last?.version ?? 0) + 1;
    const [row] = await tx.insert(flowVersions).values({ flowId, workspaceId, version, document: flow.draft, note }).returning({ id: flowVersions.id });
    await tx.update(flows).set({ liveVersionId: row!.id, updatedAt: sql`now()` }).where(eq(flows.id, flowId));
    return { versionId: row!.id, version, diagnostics: result.diagnostics };
  });
}
