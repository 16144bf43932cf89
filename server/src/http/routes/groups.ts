import type { Hono } from 'hono';
import type { AppContext } from '../appContext';
import type { AppEnv } from '../app';
import { templateRoutes } from './templates';
import { waFlowRoutes } from './waFlows';
import { contactRoutes } from './contacts';
import { runRoutes } from './runs';
import { handoffRoutes } from './handoffs';
import { analyticsRoutes } from './analytics';
import { simulatorRoutes } from './simulator';
import { adminRoutes } from './admin';
import { costRoutes } from './cost';
import { dashboardRoutes } from './dashboard';
import { attributionRoutes } from './attribution';

/** Further route groups (templates, WhatsApp Flows, contacts, runs, handoffs, analytics, simulator, admin, cost, dashboard, Conversions API log). */
export const apiRouteGroups: ((app: Hono<AppEnv>, ctx: AppContext) => void)[] = [
  templateRoutes,
  waFlowRoutes,
  contactRoutes,
  runRoutes,
  handoffRoutes,
  analyticsRoutes,
  simulatorRoutes,
  adminRoutes,
  costRoutes,
  dashboardRoutes,
  attributionRoutes,
];
