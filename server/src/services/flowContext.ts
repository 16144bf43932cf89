import { and, eq, isNull } from 'drizzle-orm';
import { templateInfoSchema, waFlowInfoSchema, type AttributeDecl, type TemplateInfo, type WaFlowInfo } from '@tandem/shared';
import type { ValidateOptions } from '@tandem/engine/compiler';
import type { Db } from '../db/database';
import { flows, templates, waFlows, workspaces } from '../db/schema';
import { workspaceNow } from './workspaceClock';

/**
 * What the checker should know about a workspace: its templates, flows, WhatsApp Flows, declared
 * attributes and clock. The WhatsApp Flows are always given (empty when it has none), so a step
 * sending a Flow the workspace lacks is flagged.
 */
export async function validationContext(db: Db, workspaceId: string): Promise<ValidateOptions> {
  const [w] = await db.select({ settings: workspaces.settings }).from(workspaces).where(eq(workspaces.id, workspaceId));
  const flowIds = (
    await db
      .select({ id: flows.id })
      .from(flows)
      .where(and(eq(flows.workspaceId, workspaceId), isNull(flows.archivedAt)))
  ).map((f) => f.id);
  const known = await workspaceTemplates(db, workspaceId);
  const waFlowRows = await db
    .select({ info: waFlows.info, flowId: waFlows.flowId, name: waFlows.name, status: waFlows.status })
    .from(waFlows)
    .where(eq(waFlows.workspaceId, workspaceId));
  const knownWaFlows: WaFlowInfo[] = waFlowRows.flatMap((r) => {
    const parsed = waFlowInfoSchema.safeParse({ ...r.info, id: r.flowId, name: r.name, status: r.status });
    return parsed.success ? [parsed.data] : [];
  });
  const attributes = (Array.isArray(w?.settings.attributes) ? w.settings.attributes : []) as AttributeDecl[];
  return { flowIds, attributes, now: await workspaceNow(db, workspaceId), waFlows: knownWaFlows, ...(known.length ? { templates: known } : {}) };
}

/** The templates a workspace knows, as the checker and clone-to-brand read them. */
export async function workspaceTemplates(db: Db, workspaceId: string): Promise<TemplateInfo[]> {
  const rows = await db.select({ info: templates.info }).from(templates).where(eq(templates.workspaceId, workspaceId));
  return rows.flatMap((r) => {
    const parsed = templateInfoSchema.safeParse(r.info);
    return parsed.success ? [parsed.data] : [];
  });
}
