import { afterEach, describe, expect, it, vi } from 'vitest';
import { endpoints } from '@tandem/shared/api';
import { workspaceView } from '../../test/workspaceFixtures';
import { createEditorApi } from './client';
import { createSession } from './session';

const user = { id: 'usr_1', email: 'ana@shop.test', name: 'Ana', instanceAdmin: false };
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A server that knows one login and records what it is sent. */
function fakeServer() {
  const seen: { method: string; url: string; csrf: string | null }[] = [];
  let loggedIn = false;
  let expired = false;
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    if (expired) return json(401, { error: { code: 'unauthorized', message: 'Log in' } });
    const csrf = new Headers(init.headers).get('X-CSRF-Token');
    seen.push({ method: init.method ?? 'GET', url, csrf });
    if (url.endsWith('/api/auth/login')) {
      const body = JSON.parse(String(init.body)) as { password: string };
      if (body.password !== 'right-password') return json(401, { error: { code: 'invalid_credentials', message: 'Wrong email or password' } });
      loggedIn = true;
      return json(200, { user, csrfToken: 'csrf-1' });
    }
    if (url.endsWith('/api/auth/me')) {
      return loggedIn
        ? json(200, { user, apiKey: null, csrfToken: 'csrf-1', workspaces: [workspaceView({ role: 'editor' })] })
        : json(401, { error: { code: 'unauthorized', message: 'Log in' } });
    }
    return json(200, { ok: true });
  });
  return Object.assign(seen, { expire: () => (expired = true) });
}

describe('the session', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is anonymous until a login, then knows the person, their workspaces and roles', async () => {
    fakeServer();
    const session = createSession((csrf) => createEditorApi(csrf, 'http://tandem.test'));
    await session.getState().refresh();
    expect(session.getState().status).toBe('anonymous');
    expect(await session.getState().login('ana@shop.test', 'wrong')).toBe(false);
    expect(session.getState().error).toBe('Wrong email or password');
    expect(await session.getState().login('ana@shop.test', 'right-password')).toBe(true);
    expect(session.getState()).toMatchObject({ status: 'ready', user, workspaces: [{ id: 'ws_1', role: 'editor' }] });
  });

  it('sends the CSRF token with every call once logged in', async () => {
    const seen = fakeServer();
    const session = createSession((csrf) => createEditorApi(csrf, 'http://tandem.test'));
    await session.getState().login('ana@shop.test', 'right-password');
    await session.api(endpoints.deleteFlow, { params: { workspaceId: 'ws_1', flowId: 'fl_1' } });
    expect(seen[0]!.csrf).toBeNull();
    expect(seen.at(-1)).toEqual({ method: 'DELETE', url: 'http://tandem.test/api/workspaces/ws_1/flows/fl_1', csrf: 'csrf-1' });
  });

  it('goes back to the login when the session ends', async () => {
    const server = fakeServer();
    const session = createSession((csrf) => createEditorApi(csrf, 'http://tandem.test'));
    await session.getState().login('ana@shop.test', 'right-password');
    server.expire();
    await expect(session.api(endpoints.listFlows, { params: { workspaceId: 'ws_1' }, query: {} })).rejects.toThrow('Log in');
    expect(session.getState()).toMatchObject({ status: 'anonymous', user: null, error: 'Your session ended; log in again.' });
  });
});
