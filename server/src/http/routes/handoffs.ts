import type { Hono } from 'hono';
import { endpoints } from '@tandem/shared/api';
import type { AppContext } from '../appContext';
import type { AppEnv } from '../app';
import { mountRoute } from '../mountRoute';
import { handoffView, listHandoffs, releaseHandoff, replyHandoff, takeHandoff } from '../../services/handoffs';
import { messageView } from '../../services/messageView';

export function handoffRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  const { db } = ctx.database;

  mountRoute(app, ctx, endpoints.listHandoffs, async ({ params, query }) => ({ handoffs: await listHandoffs(db, params.workspaceId, query.status) }));

  mountRoute(app, ctx, endpoints.takeHandoff, async ({ params, caller }) => {
    await takeHandoff(db, params.workspaceId, params.id, caller.label);
    return handoffView(db, params.workspaceId, params.id);
  });

  mountRoute(app, ctx, endpoints.replyHandoff, async ({ params, body, caller }) =>
    messageView(await replyHandoff(db, params.workspaceId, params.id, body.text, caller.label)),
  );

  mountRoute(app, ctx, endpoints.releaseHandoff, async ({ params, caller }) => {
    await releaseHandoff(db, params.workspaceId, params.id, caller.label);
    return handoffView(db, params.workspaceId, params.id);
  });
}
