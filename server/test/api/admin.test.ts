import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '@tandem/shared/api';
import { startApiHarness, type ApiHarness } from '../support/apiHarness';

let h: ApiHarness;
let adminLabel: string;
beforeAll(async () => {
  h = await startApiHarness();
  adminLabel = `key admin key (${/^tdm_(key_[0-9a-z]{16})_/.exec(h.keys.aAdmin)![1]})`;
});
afterAll(async () => h?.close());

const create = (body: Record<string, unknown>) => h.call(endpoints.createApiKey, { workspaceId: h.a }, { key: h.keys.aAdmin, body });
const keys = async () =>
  (await h.call(endpoints.listApiKeys, { workspaceId: h.a }, { key: h.keys.aAdmin })).json.keys as {
    id: string;
    name: string;
    role: string;
    prefix: string;
    lastUsedAt: string | null;
  }[];
const audit = async (query: Record<string, string> = {}) =>
  (await h.call(endpoints.auditLog, { workspaceId: h.a }, { key: h.keys.aAdmin, query })).json.entries as {
    id: number;
    action: string;
    actor: string;
    target: string;
    detail: Record<string, unknown>;
  }[];

describe('API keys', () => {
  it('creates a key shown once, that works at once with its role; only its hash is stored', async () => {
    const res = await create({ name: 'CRM sync', role: 'viewer' });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ name: 'CRM sync', role: 'viewer', lastUsedAt: null, prefix: `tdm_${res.json.id}` });
    expect(res.json.id).toMatch(/^key_[0-9a-z]{16}$/);
    expect(res.json.key).toMatch(new RegExp(`^tdm_${res.json.id}_[A-Za-z0-9_-]{32}$`));
    const secret = res.json.key.slice(`tdm_${res.json.id}_`.length);

    const me = await h.call(endpoints.getWorkspace, { workspaceId: h.a }, { key: res.json.key });
    expect(me.json).toMatchObject({ id: h.a, role: 'viewer' });
    expect((await h.call(endpoints.createFlow, { workspaceId: h.a }, { key: res.json.key, body: {} })).status).toBe(403);

    const stored = await h.db.pool.query(`SELECT encode(secret_hash, 'hex') AS hash FROM api_keys WHERE id = $1`, [res.json.id]);
    expect(stored.rows[0].hash).toHaveLength(64);
    expect(JSON.stringify(stored.rows)).not.toContain(secret);
    const listed = await h.call(endpoints.listApiKeys, { workspaceId: h.a }, { key: h.keys.aAdmin });
    expect(listed.text).not.toContain(secret);
    expect(listed.json.keys.find((k: { id: string }) => k.id === res.json.id)).toEqual({
      id: res.json.id,
      name: 'CRM sync',
      role: 'viewer',
      prefix: `tdm_${res.json.id}`,
      createdAt: res.json.createdAt,
      lastUsedAt: expect.any(String),
    });
    expect((await audit())[0]).toMatchObject({
      action: 'api_key.create',
      actor: adminLabel,
      target: res.json.id,
      detail: { name: 'CRM sync', role: 'viewer' },
    });
  });

  it('makes editor keys by default, and lists newest first', async () => {
    const res = await create({ name: 'Zapier' });
    expect(res.json.role).toBe('editor');
    expect((await keys())[0]!.name).toBe('Zapier');
  });

  it('revokes a key: it stops working at once and leaves the list', async () => {
    const { json } = await create({ name: 'Temporary', role: 'admin' });
    expect((await h.call(endpoints.listApiKeys, { workspaceId: h.a }, { key: json.key })).status).toBe(200);
    const res = await h.call(endpoints.revokeApiKey, { workspaceId: h.a, keyId: json.id }, { key: h.keys.aAdmin });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true });
    const after = await h.call(endpoints.listApiKeys, { workspaceId: h.a }, { key: json.key });
    expect(after.status).toBe(401);
    expect((await keys()).map((k) => k.id)).not.toContain(json.id);
    expect((await audit())[0]).toMatchObject({ action: 'api_key.revoke', actor: adminLabel, target: json.id, detail: { name: 'Temporary' } });
    const again = await h.call(endpoints.revokeApiKey, { workspaceId: h.a, keyId: json.id }, { key: h.keys.aAdmin });
    expect(again.status).toBe(404);
    expect(again.json.error.message).toBe('API key not found');
  });

  it("cannot revoke another workspace's key through this one", async () => {
    const bKeyId = /^tdm_(key_[0-9a-z]{16})_/.exec(h.keys.b)![1]!;
    const res = await h.call(endpoints.revokeApiKey, { workspaceId: h.a, keyId: bKeyId }, { key: h.keys.aAdmin });
    expect(res.status).toBe(404);
    expect((await h.call(endpoints.getWorkspace, { workspaceId: h.b }, { key: h.keys.b })).status).toBe(200);
  });

  it('lets a person (cookie session) with the admin role create keys, but not an editor', async () => {
    const admin = await h.login('admin');
    const made = await h.call(
      endpoints.createApiKey,
      { workspaceId: h.a },
      { cookie: admin.cookie, headers: { 'x-csrf-token': admin.csrf }, body: { name: 'By hand' } },
    );
    expect(made.status).toBe(201);
    expect((await audit())[0]).toMatchObject({ action: 'api_key.create', actor: 'admin@a.test' });
    const editor = await h.login('editor');
    const refused = await h.call(
      endpoints.createApiKey,
      { workspaceId: h.a },
      { cookie: editor.cookie, headers: { 'x-csrf-token': editor.csrf }, body: { name: 'Nope' } },
    );
    expect(refused.status).toBe(403);
  });
});

describe('audit log', () => {
  it("lists the workspace's entries newest first, by pages, and nothing of other workspaces", async () => {
    const all = await audit();
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((a, b) => b - a));
    expect(await audit({ limit: '2', offset: '1' })).toEqual(all.slice(1, 3));
    const b = await h.call(endpoints.auditLog, { workspaceId: h.b }, { key: 'test-admin-key-0123456789' });
    expect(b.json.entries).toEqual([]);
  });
});
