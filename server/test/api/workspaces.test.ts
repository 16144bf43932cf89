import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '@tandem/shared/api';
import { startApiHarness, type ApiHarness } from '../support/apiHarness';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(async () => h?.close());

const session = async (who: 'viewer' | 'agent' | 'editor' | 'admin' | 'agency') => {
  const s = await h.login(who);
  return { cookie: s.cookie, headers: { 'x-csrf-token': s.csrf } };
};

describe('auth API', () => {
  it('logs in, says who is calling with the CSRF token and workspaces, and logs out', async () => {
    const login = await h.call(endpoints.login, {}, { body: { email: 'Viewer@A.test', password: 'viewer-password-123' } });
    expect(login.status).toBe(200);
    expect(login.json.user).toMatchObject({ email: 'viewer@a.test', name: 'viewer', instanceAdmin: false });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const me = await h.call(endpoints.me, {}, { cookie });
    expect(me.json).toMatchObject({
      user: { email: 'viewer@a.test' },
      apiKey: null,
      csrfToken: login.json.csrfToken,
      workspaces: [{ id: h.a, name: 'Workspace A', role: 'viewer' }],
    });
    const out = await h.call(endpoints.logout, {}, { cookie, headers: { 'x-csrf-token': login.json.csrfToken } });
    expect(out.json).toEqual({ ok: true });
    expect((await h.call(endpoints.me, {}, { cookie })).status).toBe(401);
  });

  it('describes an API key caller by its key and its one workspace', async () => {
    const me = await h.call(endpoints.me, {}, { key: h.keys.b });
    expect(me.json).toMatchObject({ user: null, csrfToken: null, apiKey: { workspaceId: h.b }, workspaces: [{ id: h.b, role: 'editor' }] });
  });
});

describe('workspaces API', () => {
  it('lists the workspaces of the caller with its role in each', async () => {
    const agency = await h.call(endpoints.listWorkspaces, {}, await session('agency'));
    expect(agency.json.workspaces.map((w: { id: string; role: string }) => [w.id, w.role])).toEqual([
      [h.a, 'editor'],
      [h.b, 'editor'],
    ]);
    const key = await h.call(endpoints.listWorkspaces, {}, { key: h.keys.aViewer });
    expect(key.json.workspaces.map((w: { id: string; role: string }) => [w.id, w.role])).toEqual([[h.a, 'viewer']]);
  });

  it('creates a workspace whose creator is its admin; a key cannot', async () => {
    const s = await session('editor');
    const res = await h.call(endpoints.createWorkspace, {}, { ...s, body: { name: 'Brand C' } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ name: 'Brand C', transport: 'sandbox', role: 'admin', coexistence: true, throughputMps: 20, hasAccessToken: false });
    expect((await h.call(endpoints.listMembers, { workspaceId: res.json.id }, s)).json.members).toEqual([
      expect.objectContaining({ email: 'editor@a.test', role: 'admin' }),
    ]);
    expect((await h.call(endpoints.createWorkspace, {}, { key: h.keys.aAdmin, body: { name: 'Brand D' } })).status).toBe(403);
  });

  it('stores credentials encrypted, shows only that a token is set, and audits the change', async () => {
    const token = 'EAAG-secret-access-token-42';
    const res = await h.call(
      endpoints.updateWorkspace,
      { workspaceId: h.b },
      { key: 'test-admin-key-0123456789', body: { accessToken: token, phoneNumberId: '1065403522', settings: { pairGapMs: 0 } } },
    );
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ transport: 'cloud', phoneNumberId: '1065403522', hasAccessToken: true, settings: { pairGapMs: 0 } });
    expect(res.text).not.toContain(token);
    const [row] = (await h.db.pool.query(`SELECT access_token FROM workspaces WHERE id = $1`, [h.b])).rows;
    expect(Buffer.from(row.access_token).toString('latin1')).not.toContain(token);
    const read = await h.call(endpoints.getWorkspace, { workspaceId: h.b }, { key: h.keys.b });
    expect(read.json).toMatchObject({ hasAccessToken: true, role: 'editor' });
    const log = await h.call(endpoints.auditLog, { workspaceId: h.b }, { key: 'test-admin-key-0123456789' });
    expect(log.json.entries[0]).toMatchObject({ action: 'workspace.credentials' });
    expect([...log.json.entries[0].detail.changed].sort()).toEqual(['accessToken', 'phoneNumberId', 'settings']);
    expect((await h.call(endpoints.updateWorkspace, { workspaceId: h.a }, { key: h.keys.a, body: { name: 'x' } })).status).toBe(403);
  });

  it('gives admins the secret that signs business events, the same each time', async () => {
    const first = await h.call(endpoints.hookSecret, { workspaceId: h.a }, { key: h.keys.aAdmin });
    expect(first.status).toBe(200);
    expect(first.json.url).toBe(`http://localhost/hooks/${h.a}/events`);
    expect(first.json.secret.length).toBeGreaterThanOrEqual(40);
    expect((await h.call(endpoints.hookSecret, { workspaceId: h.a }, { key: h.keys.aAdmin })).json.secret).toBe(first.json.secret);
    expect((await h.call(endpoints.hookSecret, { workspaceId: h.a }, { key: h.keys.a })).status).toBe(403);
  });

  it('lists members and adds people: new ones with a first password, known ones by email', async () => {
    const admin = await session('admin');
    const members = await h.call(endpoints.listMembers, { workspaceId: h.a }, admin);
    expect(members.json.members.map((m: { email: string; role: string }) => `${m.email}:${m.role}`).sort()).toEqual([
      'admin@a.test:admin',
      'agency@agency.test:editor',
      'agent@a.test:agent',
      'editor@a.test:editor',
      'viewer@a.test:viewer',
    ]);
    const added = await h.call(
      endpoints.addMember,
      { workspaceId: h.a },
      { ...admin, body: { email: 'new@a.test', role: 'agent', password: 'first-password-1' } },
    );
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ email: 'new@a.test', name: 'new', role: 'agent' });
    const login = await h.call(endpoints.login, {}, { body: { email: 'new@a.test', password: 'first-password-1' } });
    expect(login.status).toBe(200);
    const promoted = await h.call(endpoints.addMember, { workspaceId: h.a }, { ...admin, body: { email: 'viewer@a.test', role: 'editor' } });
    expect(promoted.json.role).toBe('editor');
    const noPassword = await h.call(endpoints.addMember, { workspaceId: h.a }, { ...admin, body: { email: 'other@a.test', role: 'viewer' } });
    expect(noPassword.status).toBe(422);
    expect(noPassword.json.error.code).toBe('password_required');
  });
});
