import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { roleRank, type RouteDef, type Role } from '@tandem/shared/api';
import type { AppContext } from './appContext';
import { roleIn, type Caller } from './auth/caller';
import { HttpError, notFound, unauthorized } from './errors';
import type { AppEnv } from './app';

interface HandlerInput<R extends RouteDef> {
  c: Context<AppEnv>;
  ctx: AppContext;
  caller: Caller;
  role: Role | undefined;
  params: z.output<R['params']>;
  query: z.output<R['query']>;
  body: z.output<R['body']>;
}

export type Handler<R extends RouteDef> = (input: HandlerInput<R>) => Promise<z.input<R['response']> | Response>;

const publicRoutes = new Set(['/api/auth/login', '/api/auth/logout']);

/**
 * Binds an endpoint: authentication, the caller's role in the path's workspace (404 when it
 * has none, so other workspaces' ids reveal nothing), CSRF for cookie sessions, JSON-only
 * bodies, zod parsing of params, query and body, and the success status.
 */
export function mountRoute<R extends RouteDef>(app: Hono<AppEnv>, ctx: AppContext, route: R, handler: Handler<R>): void {
  const path = route.path.replace(/\{(\w+)\}/g, ':$1');
  app.on(route.method.toUpperCase(), path, async (c) => {
    const caller = c.get('caller');
    const isPublic = publicRoutes.has(route.path);
    if (!caller && !isPublic) throw unauthorized();
    const rawParams = c.req.param() as Record<string, string>;
    let role: Role | undefined;
    if (route.role !== null && caller) {
      role = rawParams.workspaceId ? await roleIn(ctx.database.db, caller, rawParams.workspaceId) : undefined;
      if (!role) throw notFound('Workspace');
      if (roleRank[role] < roleRank[route.role]) throw new HttpError(403, 'forbidden', `This needs the ${route.role} role in the workspace; you are ${role}`);
    }
    const mutating = route.method !== 'get';
    if (mutating && caller?.kind === 'user' && c.req.header('x-csrf-token') !== caller.csrfToken) {
      throw new HttpError(403, 'csrf', 'Missing or wrong X-CSRF-Token header (GET /api/auth/me gives the token)');
    }
    const params = route.params.parse(rawParams);
    const query = route.query.parse(Object.fromEntries(new URL(c.req.url).searchParams));
    let body: unknown = {};
    if (route.method === 'post' || route.method === 'put' || route.method === 'patch') {
      const text = await c.req.text();
      if (text.trim() !== '') {
        if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
          throw new HttpError(415, 'unsupported_media_type', 'Send JSON with Content-Type: application/json');
        }
        try {
          body = JSON.parse(text);
        } catch {
          throw new HttpError(400, 'invalid_json', 'The body is not valid JSON');
        }
      }
    }
    const result = await handler({
      c,
      ctx,
      caller: caller as Caller,
      role,
      params: params as z.output<R['params']>,
      query: query as z.output<R['query']>,
      body: route.body.parse(body) as z.output<R['body']>,
    });
    if (result instanceof Response) return result;
    return c.json(result as object, (route.status ?? 200) as 200);
  });
}
