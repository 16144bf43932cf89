import { sql } from 'drizzle-orm';
import type { WaFlowInfo } from '@tandem/shared';
import type { Db } from '../db/database';
import { waFlows } from '../db/schema';
import { demoWaFlows } from './demo/demoWaFlows';
import { flowJsonScreens } from './flowJsonScreens';

/** Adds or updates WhatsApp Flows of a workspace, by Meta's Flow id. */
export async function upsertWaFlows(db: Pick<Db, 'insert'>, workspaceId: string, infos: readonly WaFlowInfo[], source: 'sandbox' | 'meta'): Promise<void> {
  if (!infos.length) return;
  await db
    .insert(waFlows)
    .values(infos.map((f) => ({ workspaceId, flowId: f.id, name: f.name, status: f.status, info: f, source })))
    .onConflictDoUpdate({
      target: [waFlows.workspaceId, waFlows.flowId],
      set: { name: sql`excluded.name`, status: sql`excluded.status`, info: sql`excluded.info`, source: sql`excluded.source`, updatedAt: sql`now()` },
    });
}

/** The example Flows of sandbox workspaces, read from their Flow JSON like synced ones. */
export const sandboxWaFlows: WaFlowInfo[] = demoWaFlows.map((f) => ({
  id: f.id,
  name: f.name,
  status: f.status,
  categories: f.categories,
  screens: flowJsonScreens(f.flowJson),
}));
