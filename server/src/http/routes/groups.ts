import type { Hono } from 'hono';
import type { AppContext } from '../appContext';
import type { AppEnv } from '../app';

/** Further route groups (contacts, runs, handoffs, analytics, templates, simulator, admin). */
export const apiRouteGroups: ((app: Hono<AppEnv>, ctx: AppContext) => void)[] = [];
