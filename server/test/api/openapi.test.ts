import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints, type RouteDef } from '@tandem/shared/api';
import { startApiHarness, type ApiHarness } from '../support/apiHarness';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(async () => h?.close());

type Operation = {
  operationId: string;
  parameters?: { name: string; in: string; schema: { enum?: string[] } }[];
  responses: Record<string, { content?: Record<string, unknown> }>;
};

describe('GET /api/openapi.json', () => {
  it('documents every endpoint the server answers, with its parameters and the media type of its answer', async () => {
    const res = await h.request('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe('3.1.0');
    const paths = res.json.paths as Record<string, Record<string, Operation>>;
    for (const [name, route] of Object.entries(endpoints) as [string, RouteDef][]) {
      const operation = paths[route.path]?.[route.method];
      expect(operation?.operationId, `${route.method.toUpperCase()} ${route.path}`).toBe(name);
      expect(Object.keys(operation!.responses[String(route.status ?? 200)]!.content!)).toEqual([route.mediaType ?? 'application/json']);
    }
    // The dashboard's CSV download is an endpoint of its own, answered as text/csv.
    const csv = paths['/api/workspaces/{workspaceId}/dashboard.csv']!.get!;
    expect(Object.keys(csv.responses['200']!.content!)).toEqual(['text/csv']);
    expect(csv.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(['workspaceId', 'from', 'to']));
    // A filter appears with the values it takes.
    const contacts = paths['/api/workspaces/{workspaceId}/contacts']!.get!;
    expect(contacts.parameters!.find((p) => p.name === 'pausedBy')).toMatchObject({ in: 'query', schema: { enum: ['app'] } });
  });
});
