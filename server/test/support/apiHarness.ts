import pino from 'pino';
import { endpoints, type RouteDef } from '@tandem/shared/api';
import { readEnv } from '../../src/config/env';
import { createApp } from '../../src/http/app';
import { SecretBox, generateKey } from '../../src/security/secretBox';
import { createWorkspace } from '../../src/services/workspaces';
import { addMembership, createUser } from '../../src/services/users';
import { upsertTemplate } from '../../src/services/templates';
import { demoTemplates } from '../../src/services/demo/demoTemplates';
import { apiKeys } from '../../src/db/schema';
import { randomToken, sha256 } from '../../src/security/tokens';
import { newId } from '../../src/services/ids';
import { testDatabase } from './testDatabase';

export const ADMIN_KEY = 'test-admin-key-0123456789';
const APP_SECRET = 'test-app-secret';
const VERIFY_TOKEN = 'test-verify-token';

/** An answer of the app: status, parsed JSON (or the text when it is not JSON), headers. */
export interface HarnessResponse {
  status: number;
  json: any;
  headers: Headers;
  text: string;
}

/**
 * The real Hono app on a real database, driven with `app.request()`. Two workspaces (A and B),
 * people with each role in A, an agency user in both, and an editor API key per workspace.
 */
export async function startApiHarness() {
  const db = await testDatabase();
  const secrets = new SecretBox(generateKey());
  const env = readEnv({
    DATABASE_URL: db.url,
    TANDEM_ADMIN_KEY: ADMIN_KEY,
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
    LOG_LEVEL: 'silent',
  });
  const logs: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => logs.push(JSON.parse(line) as Record<string, unknown>) });
  const app = createApp({ database: db, secrets, env, logger, ready: async () => true });

  const a = await createWorkspace(db.db, secrets, { name: 'Workspace A', transport: 'sandbox' });
  const b = await createWorkspace(db.db, secrets, { name: 'Workspace B', transport: 'sandbox' });
  for (const t of demoTemplates) await upsertTemplate(db.db, a, t, 'sandbox');
  const people: Record<string, { email: string; password: string; id: string }> = {};
  for (const role of ['viewer', 'agent', 'editor', 'admin'] as const) {
    const email = `${role}@a.test`;
    const password = `${role}-password-123`;
    const id = await createUser(db.db, { email, name: role, password });
    await addMembership(db.db, id, a, role);
    people[role] = { email, password, id };
  }
  const agencyId = await createUser(db.db, { email: 'agency@agency.test', name: 'Agency', password: 'agency-password-123' });
  await addMembership(db.db, agencyId, a, 'editor');
  await addMembership(db.db, agencyId, b, 'editor');
  people.agency = { email: 'agency@agency.test', password: 'agency-password-123', id: agencyId };

  const makeKey = async (workspaceId: string, role: 'viewer' | 'agent' | 'editor' | 'admin') => {
    const id = newId('key');
    const secret = randomToken(24);
    await db.db.insert(apiKeys).values({ id, workspaceId, name: `${role} key`, role, secretHash: sha256(secret) });
    return `tdm_${id}_${secret}`;
  };
  const keys = { a: await makeKey(a, 'editor'), aAdmin: await makeKey(a, 'admin'), aViewer: await makeKey(a, 'viewer'), b: await makeKey(b, 'editor') };

  async function request(
    method: string,
    path: string,
    options: { key?: string; body?: unknown; raw?: string; headers?: Record<string, string>; cookie?: string } = {},
  ): Promise<HarnessResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.key) headers.authorization = `Bearer ${options.key}`;
    if (options.cookie) headers.cookie = options.cookie;
    let body: string | undefined = options.raw;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: response.status, json, headers: response.headers, text };
  }

  /** Calls an endpoint by its definition with a key (or none). */
  function call<R extends RouteDef>(
    route: R,
    params: Record<string, string | number>,
    options: { key?: string; body?: unknown; query?: Record<string, string>; cookie?: string; headers?: Record<string, string> } = {},
  ) {
    const path = route.path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(String(params[k])));
    const qs = options.query ? `?${new URLSearchParams(options.query)}` : '';
    const hasBody = route.method !== 'get' && route.method !== 'delete';
    return request(route.method.toUpperCase(), `${path}${qs}`, { ...options, ...(hasBody ? { body: options.body ?? {} } : {}) });
  }

  async function login(who: keyof typeof people) {
    const res = await request('POST', '/api/auth/login', { body: { email: people[who]!.email, password: people[who]!.password } });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    return { cookie, csrf: res.json.csrfToken as string, res };
  }

  return { db, app, env, secrets, logs, a, b, people, keys, request, call, login, endpoints, close: () => db.drop() };
}

export type ApiHarness = Awaited<ReturnType<typeof startApiHarness>>;
