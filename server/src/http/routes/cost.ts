import type { Hono } from 'hono';
import { endpoints } from '@tandem/shared/api';
import type { AppContext } from '../appContext';
import type { AppEnv } from '../app';
import { mountRoute } from '../mountRoute';
import { estimateFlowCost } from '../../services/costEstimate';

export function costRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  mountRoute(app, ctx, endpoints.flowCostEstimate, async ({ params }) => estimateFlowCost(ctx.database.pool, params.workspaceId, params.flowId));
}
