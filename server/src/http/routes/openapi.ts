import type { Hono } from 'hono';
import { z } from 'zod';
import { apiErrorSchema, endpoints, type RouteDef } from '@tandem/shared/api';
import type { AppEnv } from '../app';

/** OpenAPI 3.1, generated from the same zod schemas the server validates with. */
function buildOpenApi(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const schema = (s: z.ZodType, io: 'input' | 'output') => {
    const { $schema: _s, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Record<string, unknown>;
    return rest;
  };
  const errorRef = { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  for (const [name, route] of Object.entries(endpoints) as [string, RouteDef][]) {
    const params = schema(route.params, 'input') as { properties?: Record<string, unknown>; required?: string[] };
    const query = schema(route.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
    const parameters = [
      ...Object.entries(params.properties ?? {}).map(([n, s]) => ({ name: n, in: 'path', required: true, schema: s })),
      ...Object.entries(query.properties ?? {}).map(([n, s]) => ({ name: n, in: 'query', required: query.required?.includes(n) ?? false, schema: s })),
    ];
    const hasBody = route.method === 'post' || route.method === 'put' || route.method === 'patch';
    paths[route.path] ??= {};
    paths[route.path]![route.method] = {
      operationId: name,
      summary: route.summary,
      tags: [route.tag],
      ...(route.role ? { description: `Needs the **${route.role}** role in the workspace.` } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(hasBody ? { requestBody: { required: true, content: { 'application/json': { schema: schema(route.body, 'input') } } } } : {}),
      responses: {
        [String(route.status ?? 200)]: {
          description: 'Success',
          content: { [route.mediaType ?? 'application/json']: { schema: schema(route.response, 'output') } },
        },
        400: errorRef,
        401: errorRef,
        404: errorRef,
      },
      ...(route.path.startsWith('/api/auth/login') ? { security: [] } : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tandem API',
      version: '0.1.0',
      description: 'Journeys for WhatsApp coexistence numbers. Authenticate with a workspace API key (Authorization: Bearer tdm_…) or a session cookie.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Workspace API key or the TANDEM_ADMIN_KEY' },
        session: { type: 'apiKey', in: 'cookie', name: 'tandem_session', description: 'Editor session; mutations also need the X-CSRF-Token header' },
      },
      schemas: { Error: schema(apiErrorSchema, 'output') },
    },
    paths,
  };
}

export function openApiRoute(app: Hono<AppEnv>): void {
  let cached: Record<string, unknown> | undefined;
  app.get('/api/openapi.json', (c) => {
    cached ??= buildOpenApi();
    return c.json(cached);
  });
}
