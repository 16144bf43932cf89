import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints, type RouteDef } from '@tandem/shared/api';
import { startApiHarness, type ApiHarness } from '../support/apiHarness';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(async () => h?.close());

const all = Object.entries(endpoints) as [string, RouteDef][];
const inWorkspace = all.filter(([, r]) => r.path.includes('{workspaceId}'));
const sampleParams = (workspaceId: string) => ({
  workspaceId,
  flowId: 'fl_0000000000000000',
  id: 1,
  version: 1,
  keyId: 'key_0000000000000000',
  userId: 'usr_0000000000000000',
});

describe('access control on every endpoint', () => {
  it.each(all.filter(([, r]) => !['/api/auth/login', '/api/auth/logout'].includes(r.path)))('%s answers 401 without credentials', async (_name, route) => {
    const res = await h.call(route, sampleParams(h.a));
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: { code: 'unauthorized', message: 'Log in or send a valid API key (Authorization: Bearer …)' } });
  });

  it.each(inWorkspace)('%s answers 401 with a wrong API key', async (_name, route) => {
    const res = await h.call(route, sampleParams(h.a), { key: 'tdm_key_0000000000000000_notarealsecretnotarealsecret' });
    expect(res.status).toBe(401);
  });

  it.each(inWorkspace)('%s answers 404 for another workspace, never 403', async (_name, route) => {
    const res = await h.call(route, sampleParams(h.b), { key: h.keys.a });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('not_found');
  });

  it.each(inWorkspace.filter(([, r]) => r.method !== 'get'))('%s refuses a cookie session without the CSRF token', async (_name, route) => {
    const { cookie } = await h.login('admin');
    const res = await h.call(route, sampleParams(h.a), { cookie });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('csrf');
  });

  it.each(inWorkspace.filter(([, r]) => r.role === 'editor' || r.role === 'admin'))(
    '%s refuses a viewer key with 403 (the workspace is theirs)',
    async (_name, route) => {
      const res = await h.call(route, sampleParams(h.a), { key: h.keys.aViewer });
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('forbidden');
    },
  );

  it.each(inWorkspace.filter(([, r]) => r.role === 'admin'))('%s refuses an editor key with 403: it is for admins only', async (_name, route) => {
    const res = await h.call(route, sampleParams(h.a), { key: h.keys.a });
    expect(res.status).toBe(403);
    expect(res.json.error).toEqual({ code: 'forbidden', message: 'This needs the admin role in the workspace; you are editor' });
  });

  it.each(inWorkspace.filter(([, r]) => r.method === 'post' || r.method === 'put' || r.method === 'patch'))(
    '%s answers 400 for a body that is not an object, and 415 for non-JSON',
    async (_name, route) => {
      const path = route.path.replace(/\{(\w+)\}/g, (_, k: string) => String((sampleParams(h.a) as Record<string, unknown>)[k]));
      const notObject = await h.request(route.method.toUpperCase(), path, {
        key: h.keys.aAdmin,
        raw: '[1, 2]',
        headers: { 'content-type': 'application/json' },
      });
      expect([400, 404]).toContain(notObject.status);
      if (notObject.status === 400) expect(notObject.json.error.code).toBe('invalid_input');
      const form = await h.request(route.method.toUpperCase(), path, {
        key: h.keys.aAdmin,
        raw: 'a=1',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(form.status).toBe(415);
    },
  );

  it('every endpoint has a success test in an API test file', () => {
    const sources = readdirSync(import.meta.dirname)
      .filter((f) => f.endsWith('.test.ts') && f !== 'accessControl.test.ts')
      .map((f) => readFileSync(join(import.meta.dirname, f), 'utf8'))
      .join('\n');
    const untested = all.map(([name]) => name).filter((name) => !new RegExp(`endpoints\\.${name}\\b`).test(sources) && !sources.includes(`'${name}'`));
    expect(untested).toEqual([]);
  });
});

describe('errors', () => {
  it('answers malformed JSON with 400 and one error shape, without stack traces', async () => {
    const res = await h.request('POST', `/api/workspaces/${h.a}/flows`, {
      key: h.keys.a,
      raw: '{"document": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: { code: 'invalid_json', message: 'The body is not valid JSON' } });
    expect(res.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('answers field errors with their paths', async () => {
    const res = await h.call(endpoints.createApiKey, { workspaceId: h.a }, { key: h.keys.aAdmin, body: { name: '', role: 'owner' } });
    expect(res.status).toBe(400);
    expect(res.json.error.issues.map((i: { path: string[] }) => i.path.join('.'))).toEqual(['name', 'role']);
  });

  it('answers 413 for a body over the limit', async () => {
    const res = await h.request('POST', `/api/workspaces/${h.a}/flows/import`, {
      key: h.keys.a,
      raw: JSON.stringify({ document: { x: 'y'.repeat(11 * 1024 * 1024) } }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('payload_too_large');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await h.request('GET', '/api/nothing-here', { key: h.keys.a });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('not_found');
  });

  it('never writes tokens or secrets to the logs', async () => {
    await h.login('admin');
    await h.call(endpoints.listFlows, { workspaceId: h.a }, { key: h.keys.a });
    const text = JSON.stringify(h.logs);
    expect(text).not.toContain(h.keys.a.slice(-20));
    expect(text).not.toContain(h.people.admin!.password);
    expect(h.logs.some((l) => l.msg === 'request' && typeof l.requestId === 'string')).toBe(true);
  });
});

describe('authentication', () => {
  it('logs in with email and password into an httpOnly, SameSite cookie session, and out again', async () => {
    const { res, cookie, csrf } = await h.login('editor');
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/tandem_session=.+; Max-Age=1209600; Path=\/; HttpOnly; SameSite=Strict/);
    const me = await h.call(endpoints.me, {}, { cookie });
    expect(me.json).toMatchObject({ user: { email: 'editor@a.test' }, csrfToken: csrf, workspaces: [{ id: h.a, role: 'editor' }] });
    const out = await h.call(endpoints.logout, {}, { cookie, headers: { 'x-csrf-token': csrf } });
    expect(out.json).toEqual({ ok: true });
    expect((await h.call(endpoints.me, {}, { cookie })).status).toBe(401);
  });

  it('refuses a wrong password without saying whether the email exists', async () => {
    const wrong = await h.request('POST', '/api/auth/login', { body: { email: 'editor@a.test', password: 'nope' } });
    const unknown = await h.request('POST', '/api/auth/login', { body: { email: 'nobody@a.test', password: 'nope' } });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.json).toEqual(unknown.json);
  });

  it('lets an agency user see every workspace it belongs to', async () => {
    const { cookie } = await h.login('agency');
    const list = await h.call(endpoints.listWorkspaces, {}, { cookie });
    expect(list.json.workspaces.map((w: { name: string; role: string }) => `${w.name}:${w.role}`)).toEqual(['Workspace A:editor', 'Workspace B:editor']);
  });

  it('accepts the bootstrap admin key everywhere', async () => {
    const res = await h.call(endpoints.getWorkspace, { workspaceId: h.b }, { key: 'test-admin-key-0123456789' });
    expect(res.json).toMatchObject({ id: h.b, role: 'admin' });
  });
});
