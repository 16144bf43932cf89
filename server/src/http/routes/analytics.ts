import type { Hono } from 'hono';
import { endpoints } from '@tandem/shared/api';
import type { AppContext } from '../appContext';
import type { AppEnv } from '../app';
import { mountRoute } from '../mountRoute';
import { flowAnalytics, flowFunnel } from '../../services/flowAnalytics';

export function analyticsRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  const { db } = ctx.database;

  mountRoute(app, ctx, endpoints.flowAnalytics, async ({ params, query }) => flowAnalytics(db, params.workspaceId, params.flowId, query));

  mountRoute(app, ctx, endpoints.flowFunnel, async ({ params, query }) => flowFunnel(db, params.workspaceId, params.flowId, query));
}
