import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import type { Logger } from 'pino';
import type { AppContext } from './appContext';
import { SESSION_COOKIE, resolveCaller, type Caller } from './auth/caller';
import { errorResponse, payloadTooLarge } from './errors';
import { healthRoutes } from './routes/health';
import { openApiRoute } from './routes/openapi';
import { authRoutes } from './routes/auth';
import { workspaceRoutes } from './routes/workspaces';
import { flowRoutes } from './routes/flows';
import { apiRouteGroups } from './routes/groups';
import { coexistenceRoutes } from './routes/coexistence';
import { webhookRoutes } from './routes/webhooks';
import { editorRoutes } from './routes/editor';
import { InboxWriter } from '../store/inboxWriter';

export type AppEnv = { Variables: { caller: Caller | undefined; log: Logger; requestId: string } };

const MB = 1024 * 1024;
/** The largest webhook body accepted (Meta's bodies are far smaller). */
export const WEBHOOK_MAX_BYTES = 4 * MB;

/** The HTTP app: Meta's webhooks, business event hooks, the REST API, OpenAPI, health, and the editor. */
export function createApp(ctx: AppContext, inbox = new InboxWriter(ctx.database.pool)): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    const requestId = /^[\w-]{8,64}$/.test(c.req.header('x-request-id') ?? '') ? c.req.header('x-request-id')! : randomUUID();
    const log = ctx.logger.child({ requestId });
    c.set('requestId', requestId);
    c.set('log', log);
    const started = performance.now();
    await next();
    c.header('X-Request-Id', requestId);
    log.info({ method: c.req.method, path: new URL(c.req.url).pathname, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
  });

  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw payloadTooLarge(maxSize);
      },
    });
  app.use('/webhooks/*', limit(WEBHOOK_MAX_BYTES));
  app.use('/hooks/*', limit(1 * MB));
  app.use('/api/*', limit(10 * MB));
  app.use('/api/*', async (c, next) => {
    c.set(
      'caller',
      await resolveCaller(ctx.database.db, {
        authorization: c.req.header('authorization'),
        sessionToken: getCookie(c, SESSION_COOKIE),
        adminKey: ctx.env.TANDEM_ADMIN_KEY,
      }),
    );
    await next();
  });

  healthRoutes(app, ctx);
  openApiRoute(app);
  webhookRoutes(app, ctx, inbox);
  authRoutes(app, ctx);
  workspaceRoutes(app, ctx);
  flowRoutes(app, ctx);
  coexistenceRoutes(app, ctx);
  for (const group of apiRouteGroups) group(app, ctx);
  app.all('/api/*', (c) => c.json({ error: { code: 'not_found', message: `No endpoint ${c.req.method} ${new URL(c.req.url).pathname}` } }, 404));
  editorRoutes(app, ctx);

  app.onError((error, c) => errorResponse(c, error, (fields, message) => c.get('log')?.error(fields, message)));
  app.notFound((c) => c.json({ error: { code: 'not_found', message: 'Not found' } }, 404));
  return app;
}
