import type { Hono } from 'hono';
import type { AppContext } from '../appContext';
import type { AppEnv } from '../app';

/** Liveness (the process answers) and readiness (database reachable, migrations done). */
export function healthRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const ready = await ctx.ready().catch(() => false);
    return c.json({ status: ready ? 'ready' : 'not_ready' }, ready ? 200 : 503);
  });
}
