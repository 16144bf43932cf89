import type { Hono } from 'hono';
import { desc, eq } from 'drizzle-orm';
import { endpoints } from '@tandem/shared/api';
import type { AppContext } from '../appContext';
import type { AppEnv } from '../app';
import { mountRoute } from '../mountRoute';
import { auditLog } from '../../db/schema';
import { createApiKey, keyPrefix, listApiKeys, revokeApiKey } from '../../services/apiKeys';

export function adminRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  const { db } = ctx.database;
  const keyView = (k: Awaited<ReturnType<typeof listApiKeys>>[number]) => ({
    id: k.id,
    name: k.name,
    role: k.role,
    prefix: keyPrefix(k.id),
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt ? k.lastUsedAt.toISOString() : null,
  });

  mountRoute(app, ctx, endpoints.listApiKeys, async ({ params }) => ({ keys: (await listApiKeys(db, params.workspaceId)).map(keyView) }));

  mountRoute(app, ctx, endpoints.createApiKey, async ({ params, body, caller }) => {
    const { row, key } = await createApiKey(db, params.workspaceId, body, caller.label);
    return { ...keyView(row), key };
  });

  mountRoute(app, ctx, endpoints.revokeApiKey, async ({ params, caller }) => {
    await revokeApiKey(db, params.workspaceId, params.keyId, caller.label);
    return { ok: true as const };
  });

  mountRoute(app, ctx, endpoints.auditLog, async ({ params, query }) => {
    const rows = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.workspaceId, params.workspaceId))
      .orderBy(desc(auditLog.id))
      .limit(query.limit)
      .offset(query.offset);
    return { entries: rows.map((e) => ({ id: e.id, actor: e.actor, action: e.action, target: e.target, detail: e.detail, at: e.at.toISOString() })) };
  });
}
