import type { Hono } from 'hono';
import { endpoints } from '@tandem/shared/api';
import type { AppContext } from '../appContext';
import type { AppEnv } from '../app';
import { mountRoute } from '../mountRoute';
import { listConversionReports } from '../../services/conversionReports';

/** The Conversions API log. */
export function attributionRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  mountRoute(app, ctx, endpoints.listConversionReports, async ({ params, query }) => listConversionReports(ctx.database.db, params.workspaceId, query));
}
