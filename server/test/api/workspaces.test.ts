import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '@tandem/shared/api';
import { startCloudApiStandIn, type CloudApiStandIn } from '@tandem/engine/whatsapp/stand-in';
import { ADMIN_KEY, startApiHarness, type ApiHarness } from '../support/apiHarness';
import { readEnv } from '../../src/config/env';
import { createApp } from '../../src/http/app';
import { createWorkspace } from '../../src/services/workspaces';

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

describe('members: roles and removal', () => {
  /** A workspace of its own with one admin (the test's session) and an agent. */
  const team = async () => {
    const admin = await session('admin');
    const id = (await h.call(endpoints.createWorkspace, {}, { ...admin, body: { name: `Team ${Math.random()}` } })).json.id as string;
    const agent = await h.call(endpoints.addMember, { workspaceId: id }, { ...admin, body: { email: 'agent@a.test', role: 'agent' } });
    return { id, admin, adminId: h.people.admin!.id, agentId: agent.json.id as string };
  };
  const auditOf = async (workspaceId: string) => (await h.call(endpoints.auditLog, { workspaceId }, { key: 'test-admin-key-0123456789' })).json.entries;

  it('says whether adding a person created their login', async () => {
    const { id, admin } = await team();
    const known = await h.call(
      endpoints.addMember,
      { workspaceId: id },
      { ...admin, body: { email: 'viewer@a.test', role: 'viewer', password: 'ignored-password-1' } },
    );
    expect(known.json).toMatchObject({ email: 'viewer@a.test', role: 'viewer', created: false });
    const fresh = await h.call(
      endpoints.addMember,
      { workspaceId: id },
      { ...admin, body: { email: 'fresh@a.test', role: 'editor', password: 'first-password-2' } },
    );
    expect(fresh.json).toMatchObject({ email: 'fresh@a.test', role: 'editor', created: true });
    expect((await h.call(endpoints.login, {}, { body: { email: 'viewer@a.test', password: 'ignored-password-1' } })).status).toBe(401);
  });

  it("changes a member's role at once, and audits it with the old and new role", async () => {
    const { id, admin, agentId } = await team();
    const res = await h.call(endpoints.updateMember, { workspaceId: id, userId: agentId }, { ...admin, body: { role: 'editor' } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: agentId, email: 'agent@a.test', role: 'editor' });
    const agent = await session('agent');
    expect((await h.call(endpoints.getWorkspace, { workspaceId: id }, agent)).json.role).toBe('editor');
    expect((await auditOf(id))[0]).toMatchObject({
      action: 'member.role',
      actor: 'admin@a.test',
      target: 'agent@a.test',
      detail: { from: 'agent', to: 'editor' },
    });
  });

  it('removes a member: their session no longer reaches the workspace, and it is audited', async () => {
    const { id, admin, agentId } = await team();
    const agent = await session('agent');
    expect((await h.call(endpoints.getWorkspace, { workspaceId: id }, agent)).status).toBe(200);
    const res = await h.call(endpoints.removeMember, { workspaceId: id, userId: agentId }, admin);
    expect(res.json).toEqual({ ok: true });
    expect((await h.call(endpoints.getWorkspace, { workspaceId: id }, agent)).status).toBe(404);
    expect((await h.call(endpoints.listMembers, { workspaceId: id }, admin)).json.members.map((m: { email: string }) => m.email)).toEqual(['admin@a.test']);
    expect((await auditOf(id))[0]).toMatchObject({ action: 'member.remove', target: 'agent@a.test', detail: { role: 'agent' } });
    expect((await h.call(endpoints.removeMember, { workspaceId: id, userId: agentId }, admin)).status).toBe(404);
  });

  it('refuses with 409 to demote or remove the last admin, also by adding them again with another role', async () => {
    const { id, admin, adminId } = await team();
    const demote = await h.call(endpoints.updateMember, { workspaceId: id, userId: adminId }, { ...admin, body: { role: 'editor' } });
    expect(demote.status).toBe(409);
    expect(demote.json.error).toEqual({
      code: 'last_admin',
      message: 'This is the only admin of the workspace: make someone else an admin before changing their role',
    });
    const remove = await h.call(endpoints.removeMember, { workspaceId: id, userId: adminId }, admin);
    expect(remove.status).toBe(409);
    expect(remove.json.error.message).toBe('This is the only admin of the workspace: make someone else an admin before removing them');
    expect((await h.call(endpoints.addMember, { workspaceId: id }, { ...admin, body: { email: 'admin@a.test', role: 'viewer' } })).status).toBe(409);
    expect((await h.call(endpoints.getWorkspace, { workspaceId: id }, admin)).json.role).toBe('admin');
  });

  it('lets an admin step down once another admin exists', async () => {
    const { id, admin, adminId, agentId } = await team();
    await h.call(endpoints.updateMember, { workspaceId: id, userId: agentId }, { ...admin, body: { role: 'admin' } });
    const res = await h.call(endpoints.updateMember, { workspaceId: id, userId: adminId }, { ...admin, body: { role: 'editor' } });
    expect(res.json.role).toBe('editor');
    expect((await h.call(endpoints.listMembers, { workspaceId: id }, admin)).status).toBe(403);
  });

  it('answers 404 for someone who is not a member, and 400 for a role that does not exist', async () => {
    const { id, admin, agentId } = await team();
    expect((await h.call(endpoints.updateMember, { workspaceId: id, userId: h.people.editor!.id }, { ...admin, body: { role: 'viewer' } })).status).toBe(404);
    const bad = await h.call(endpoints.updateMember, { workspaceId: id, userId: agentId }, { ...admin, body: { role: 'owner' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toEqual(['role']);
  });

  it('lets only admins see or change the team, whatever role a person has', async () => {
    for (const who of ['viewer', 'agent', 'editor'] as const) {
      const s = await session(who);
      expect((await h.call(endpoints.listMembers, { workspaceId: h.a }, s)).status).toBe(403);
      expect((await h.call(endpoints.updateMember, { workspaceId: h.a, userId: h.people[who]!.id }, { ...s, body: { role: 'admin' } })).status).toBe(403);
      expect((await h.call(endpoints.removeMember, { workspaceId: h.a, userId: h.people.admin!.id }, s)).status).toBe(403);
      expect((await h.call(endpoints.listApiKeys, { workspaceId: h.a }, s)).status).toBe(403);
    }
  });
});

describe('changing one’s password', () => {
  const change = (s: { cookie: string; headers: Record<string, string> }, body: Record<string, unknown>) =>
    h.call(endpoints.changePassword, {}, { ...s, body });
  /** A person of their own, so a changed password does not reach other tests. */
  const person = async (email: string, password = 'old-password-123') => {
    await h.call(endpoints.addMember, { workspaceId: h.b }, { key: 'test-admin-key-0123456789', body: { email, role: 'viewer', password } });
    const login = async (pw = password) => {
      const res = await h.call(endpoints.login, {}, { body: { email, password: pw } });
      return { status: res.status, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, headers: { 'x-csrf-token': res.json?.csrfToken as string } };
    };
    return { login };
  };

  it('changes it: the new one logs in, the old one no longer does, other sessions end and this one stays', async () => {
    const p = await person('changer@b.test');
    const here = await p.login();
    const elsewhere = await p.login();
    const res = await change(here, { currentPassword: 'old-password-123', newPassword: 'new-password-456' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true, otherSessionsEnded: 1 });
    expect((await h.call(endpoints.me, {}, { cookie: here.cookie })).status).toBe(200);
    expect((await h.call(endpoints.me, {}, { cookie: elsewhere.cookie })).status).toBe(401);
    expect((await p.login('old-password-123')).status).toBe(401);
    expect((await p.login('new-password-456')).status).toBe(200);
  });

  it('refuses a wrong current password without signing the person out', async () => {
    const p = await person('wrong@b.test');
    const s = await p.login();
    const res = await change(s, { currentPassword: 'not-my-password', newPassword: 'new-password-456' });
    expect(res.status).toBe(403);
    expect(res.json.error).toMatchObject({ code: 'wrong_password', message: 'Your current password is not right', issues: [{ path: ['currentPassword'] }] });
    expect((await h.call(endpoints.me, {}, { cookie: s.cookie })).status).toBe(200);
    expect((await p.login()).status).toBe(200);
  });

  it('says a new password is too short, or the same as the current one', async () => {
    const p = await person('short@b.test');
    const s = await p.login();
    const short = await change(s, { currentPassword: 'old-password-123', newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(short.json.error.issues).toEqual([expect.objectContaining({ path: ['newPassword'], message: 'Use at least 10 characters' })]);
    const same = await change(s, { currentPassword: 'old-password-123', newPassword: 'old-password-123' });
    expect(same.status).toBe(422);
    expect(same.json.error.code).toBe('same_password');
  });

  it('stops guessing a login after 10 wrong passwords for an e-mail, even with the right one; other e-mails still log in', async () => {
    const p = await person('target@b.test');
    const other = await person('bystander@b.test');
    for (let i = 0; i < 10; i++) expect((await p.login(`guess-${i}`)).status).toBe(401);
    const blocked = await h.call(endpoints.login, {}, { body: { email: 'Target@B.test', password: 'old-password-123' } });
    expect(blocked.status).toBe(429);
    expect(blocked.json.error).toEqual({ code: 'too_many_attempts', message: 'Too many wrong passwords for this e-mail. Try again in 15 minutes.' });
    expect((await other.login()).status).toBe(200);
    // An e-mail without an account is counted the same way: the answers do not tell them apart.
    for (let i = 0; i < 10; i++) expect((await h.call(endpoints.login, {}, { body: { email: 'nobody@b.test', password: `guess-${i}` } })).status).toBe(401);
    expect((await h.call(endpoints.login, {}, { body: { email: 'nobody@b.test', password: 'guess' } })).status).toBe(429);
  });

  it('stops guessing after 5 wrong current passwords, even with the right one, for a while', async () => {
    const p = await person('guesser@b.test');
    const s = await p.login();
    for (let i = 0; i < 5; i++) expect((await change(s, { currentPassword: `guess-${i}`, newPassword: 'new-password-456' })).status).toBe(403);
    const blocked = await change(s, { currentPassword: 'old-password-123', newPassword: 'new-password-456' });
    expect(blocked.status).toBe(429);
    expect(blocked.json.error).toEqual({ code: 'too_many_attempts', message: 'Too many wrong passwords. Try again in 15 minutes.' });
    expect((await p.login()).status).toBe(200);
  });

  it('is for people only: an API key has no password', async () => {
    const res = await h.call(endpoints.changePassword, {}, { key: h.keys.aAdmin, body: { currentPassword: 'x', newPassword: 'new-password-456' } });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('people_only');
  });

  it('never writes the passwords to the logs', async () => {
    const p = await person('quiet@b.test', 'quiet-old-password');
    await change(await p.login(), { currentPassword: 'quiet-old-password', newPassword: 'quiet-new-password' });
    const text = JSON.stringify(h.logs);
    expect(text).not.toContain('quiet-old-password');
    expect(text).not.toContain('quiet-new-password');
  });
});

describe('workspace settings: defaults for new flows', () => {
  it('stores the default time zone and quiet hours, and new flows start with them', async () => {
    const admin = await session('admin');
    const id = (await h.call(endpoints.createWorkspace, {}, { ...admin, body: { name: 'Paris shop' } })).json.id as string;
    const res = await h.call(
      endpoints.updateWorkspace,
      { workspaceId: id },
      { ...admin, body: { settings: { defaultTimezone: 'Europe/Paris', defaultQuietHours: { start: '21:00', end: '08:30' } } } },
    );
    expect(res.json.settings).toMatchObject({ defaultTimezone: 'Europe/Paris', defaultQuietHours: { start: '21:00', end: '08:30' } });
    const flow = await h.call(endpoints.createFlow, { workspaceId: id }, { ...admin, body: { name: 'Welcome' } });
    expect(flow.json.draft.settings).toEqual({ timezone: 'Europe/Paris', quietHours: { start: '21:00', end: '08:30' } });
    const own = await h.call(
      endpoints.createFlow,
      { workspaceId: id },
      { ...admin, body: { document: { schemaVersion: 1, name: 'Own', settings: { timezone: 'Asia/Tokyo' }, nodes: [], edges: [] } } },
    );
    expect(own.json.draft.settings).toEqual({ timezone: 'Asia/Tokyo', quietHours: { start: '21:00', end: '08:30' } });
    expect((await h.call(endpoints.auditLog, { workspaceId: id }, admin)).json.entries[0]).toMatchObject({ action: 'workspace.settings' });
  });

  it('refuses an unknown time zone or a time that is not HH:mm, naming the field', async () => {
    const admin = await session('admin');
    const res = await h.call(
      endpoints.updateWorkspace,
      { workspaceId: h.a },
      { ...admin, body: { settings: { defaultTimezone: 'Mars/Olympus', defaultQuietHours: { start: '9pm', end: '08:00' } } } },
    );
    expect(res.status).toBe(400);
    expect(res.json.error.issues.map((i: { path: string[]; message: string }) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'settings.defaultTimezone: Unknown time zone: use an IANA name such as Europe/Berlin',
      'settings.defaultQuietHours.start: Use a 24-hour time such as 09:30',
    ]);
  });
});

describe('connecting a number', () => {
  const NUMBER = '106540352242922';
  const TOKEN = 'EAAGconnection-test-token-1';
  let standIn: CloudApiStandIn;
  /** The app whose Graph API is the stand-in (Meta), or an address where nothing listens. */
  const appOn = (baseUrl: string) =>
    createApp({
      database: h.db,
      secrets: h.secrets,
      env: readEnv({ DATABASE_URL: h.db.url, TANDEM_ADMIN_KEY: ADMIN_KEY, WHATSAPP_API_BASE_URL: baseUrl, LOG_LEVEL: 'silent' }),
      logger: pino({ level: 'silent' }),
      ready: async () => true,
    });
  const test = async (workspaceId: string, app = appOn(standIn.url)) => {
    const res = await app.request(endpoints.testConnection.path.replace('{workspaceId}', workspaceId), {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
    });
    return { status: res.status, text: await res.clone().text(), json: (await res.json()) as Record<string, unknown> };
  };
  let jasper: string;
  /** The connected workspace, with these credentials saved through the API. */
  const connected = async (over: { phoneNumberId?: string; accessToken?: string; displayPhoneNumber?: string } = {}) => {
    const body = { phoneNumberId: NUMBER, accessToken: TOKEN, displayPhoneNumber: '', ...over };
    expect((await h.call(endpoints.updateWorkspace, { workspaceId: jasper }, { key: ADMIN_KEY, body })).status).toBe(200);
    return jasper;
  };

  beforeAll(async () => {
    standIn = await startCloudApiStandIn({
      tokens: { [NUMBER]: TOKEN, '200000000000001': 'EAAGother-number-token' },
      phoneNumbers: { [NUMBER]: { display_phone_number: '+1 631-555-5555', verified_name: "Jasper's Market" } },
    });
    jasper = await createWorkspace(h.db.db, h.secrets, { name: 'Jasper', transport: 'cloud' });
  });
  afterAll(() => standIn?.close());

  it('switches a sandbox to the Cloud API with the number and token, showing only that a token is set', async () => {
    const admin = await session('admin');
    const id = (await h.call(endpoints.createWorkspace, {}, { ...admin, body: { name: 'Going live' } })).json.id as string;
    const res = await h.call(
      endpoints.updateWorkspace,
      { workspaceId: id },
      {
        ...admin,
        body: { phoneNumberId: '106540350000001', wabaId: '102290129340398', displayPhoneNumber: '+1 631-555-0001', accessToken: TOKEN, coexistence: true },
      },
    );
    expect(res.json).toMatchObject({ transport: 'cloud', phoneNumberId: '106540350000001', wabaId: '102290129340398', hasAccessToken: true });
    expect(res.text).not.toContain(TOKEN);
    const bad = await h.call(endpoints.updateWorkspace, { workspaceId: id }, { ...admin, body: { phoneNumberId: '+1 631 555' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0]).toMatchObject({ path: ['phoneNumberId'], message: 'Phone number ids are digits' });
  });

  it('refuses with 409 a phone number id another workspace already uses', async () => {
    await connected();
    const admin = await session('admin');
    const id = (await h.call(endpoints.createWorkspace, {}, { ...admin, body: { name: 'Copycat' } })).json.id as string;
    const res = await h.call(endpoints.updateWorkspace, { workspaceId: id }, { ...admin, body: { phoneNumberId: NUMBER } });
    expect(res.status).toBe(409);
    expect(res.json.error).toEqual({ code: 'number_in_use', message: 'Another workspace is already connected to this phone number ID' });
  });

  it("reports the number's verified name and display number when Meta accepts the token", async () => {
    const res = await test(await connected({ displayPhoneNumber: '+1 631-555-5555' }));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      ok: true,
      message: "Connected: Meta knows this number as Jasper's Market, +1 631-555-5555.",
      verifiedName: "Jasper's Market",
      displayPhoneNumber: '+1 631-555-5555',
      qualityRating: 'GREEN',
      codeVerificationStatus: 'VERIFIED',
      notes: [],
    });
    const asked = standIn.received().at(-1)!;
    expect(asked).toMatchObject({ method: 'GET', path: `/v24.0/${NUMBER}` });
  });

  it('says the token is invalid or expired (Meta error 190), without echoing it', async () => {
    const res = await test(await connected({ accessToken: 'EAAGexpired-token-0000' }));
    expect(res.json).toMatchObject({ ok: false, problem: 'token_invalid', metaCode: 190 });
    expect(res.json.message).toContain('Meta refused the access token: it is wrong, expired or was revoked');
    expect(res.text).not.toContain('EAAGexpired-token-0000');
  });

  it('says the phone number id is wrong (Meta error 100)', async () => {
    const res = await test(await connected({ phoneNumberId: '200000000000001', accessToken: 'EAAGother-number-token' }));
    expect(res.json).toMatchObject({ ok: false, problem: 'wrong_id', metaCode: 100 });
    expect(res.json.message).toContain('Copy the phone number ID (not the phone number itself)');
  });

  it('says the token may not use the number (Meta error 10 or 200)', async () => {
    const id = await connected();
    for (const code of [10, 200]) {
      standIn.failNext(code);
      expect((await test(id)).json).toMatchObject({ ok: false, problem: 'no_permission', metaCode: code });
    }
  });

  it('says Meta cannot be reached', async () => {
    const down = await startCloudApiStandIn();
    const url = down.url;
    await down.close();
    const res = await test(await connected(), appOn(url));
    expect(res.json).toMatchObject({ ok: false, problem: 'unreachable', metaCode: null });
    expect(res.json.message).toContain('Meta could not be reached from this server');
  });

  it('asks for the missing parts before calling Meta', async () => {
    const before = standIn.received().length;
    const res = await test(h.a);
    expect(res.json).toEqual({
      ok: false,
      problem: 'not_set_up',
      metaCode: null,
      message: 'Enter the phone number ID and the access token first, then test again.',
    });
    expect(standIn.received()).toHaveLength(before);
  });

  it('notes a saved display number that is not the one Meta has', async () => {
    const res = await test(await connected({ displayPhoneNumber: '+44 20 7946 0000' }));
    expect(res.json).toMatchObject({ ok: true });
    expect(res.json.notes).toEqual(['The display number saved here (+44 20 7946 0000) is not the one Meta has (+1 631-555-5555). Check the phone number ID.']);
  });

  it("gives admins the webhook address and verify token for Meta's app dashboard", async () => {
    const res = await h.call(endpoints.webhookSetup, { workspaceId: h.a }, await session('admin'));
    expect(res.json).toEqual({ url: 'http://localhost/webhooks/whatsapp', verifyToken: 'test-verify-token', appSecretSet: true });
    const check = await h.request('GET', `/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${res.json.verifyToken}&hub.challenge=1158201444`);
    expect(check).toMatchObject({ status: 200, text: '1158201444' });
    expect((await h.call(endpoints.webhookSetup, { workspaceId: h.a }, await session('editor'))).status).toBe(403);
    expect((await h.call(endpoints.testConnection, { workspaceId: h.a }, await session('editor'))).status).toBe(403);
  });
});
