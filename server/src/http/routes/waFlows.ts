import type { Hono } from 'hono';
import { asc, eq } from 'drizzle-orm';
import { ConfigurationError, waFlowInfoSchema } from '@tandem/shared';
import { endpoints } from '@tandem/shared/api';
import { CloudApiClient } from '@tandem/engine/whatsapp';
import type { AppContext } from '../appContext';
import type { AppEnv } from '../app';
import { mountRoute } from '../mountRoute';
import { notFound } from '../errors';
import { waFlows, workspaces } from '../../db/schema';
import { syncWaFlows } from '../../services/syncWaFlows';
import { sandboxWaFlows, upsertWaFlows } from '../../services/waFlows';

/** The workspace's WhatsApp Flows, and their sync from the WhatsApp Business Account (like templates). */
export function waFlowRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  const { db } = ctx.database;

  mountRoute(app, ctx, endpoints.listWaFlows, async ({ params }) => {
    const rows = await db.select().from(waFlows).where(eq(waFlows.workspaceId, params.workspaceId)).orderBy(asc(waFlows.name), asc(waFlows.flowId));
    // The columns win over the stored info, as for templates.
    const view = (r: typeof waFlows.$inferSelect) => ({
      ...waFlowInfoSchema.parse({ ...r.info, id: r.flowId, name: r.name, status: r.status }),
      source: r.source,
      updatedAt: r.updatedAt.toISOString(),
    });
    return { waFlows: rows.map(view) };
  });

  mountRoute(app, ctx, endpoints.syncWaFlows, async ({ c, params }) => {
    const [w] = await db.select().from(workspaces).where(eq(workspaces.id, params.workspaceId));
    if (!w) throw notFound('Workspace');
    if (w.transport === 'sandbox') {
      await upsertWaFlows(db, w.id, sandboxWaFlows, 'sandbox');
      return { synced: sandboxWaFlows.length, unreadable: [] };
    }
    if (!w.wabaId || !w.accessToken) throw new ConfigurationError('Set the WhatsApp Business Account id and the access token first', [], 'not_connected');
    const client = new CloudApiClient({ baseUrl: ctx.env.WHATSAPP_API_BASE_URL, apiVersion: ctx.env.WHATSAPP_API_VERSION });
    const result = await syncWaFlows(db, w.id, client, w.wabaId, ctx.secrets.decrypt(w.accessToken));
    c.get('log').info({ workspaceId: w.id, synced: result.synced, unreadable: result.unreadable.length }, 'WhatsApp Flows synced');
    return result;
  });
}
