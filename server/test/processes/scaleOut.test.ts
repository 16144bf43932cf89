import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCloudApiStandIn, type CloudApiStandIn } from '@tandem/engine/whatsapp/stand-in';
import { migrateDatabase } from '../../src/db/database';
import { SecretBox, generateKey } from '../../src/security/secretBox';
import { createWorkspace } from '../../src/services/workspaces';
import { createFlow, publishFlow } from '../../src/services/flows';
import { signMetaBody } from '../../src/webhooks';
import { testDatabase } from '../support/testDatabase';
import { waitFor } from '../support/engineHarness';
import { freePort, spawnServer, type Spawned } from '../support/processes';
import { inboundBody, PHONE_NUMBER_ID } from '../support/fullHarness';

const CONTACTS = 120;
const SECRET = 'scale-out-app-secret';
const flow = {
  schemaVersion: 1,
  name: 'Welcome',
  settings: { reentry: 'always' },
  nodes: [
    { id: 'hi', type: 'trigger-message', position: { x: 0, y: 0 }, data: { match: 'keywords', keywords: ['hello'] } },
    {
      id: 'ask',
      type: 'bot-question',
      position: { x: 0, y: 0 },
      data: { prompt: { kind: 'text', text: 'Your name?' }, saveTo: { scope: 'vars', name: 'name' }, timeout: { amount: 1, unit: 'hours' } },
    },
    { id: 'thanks', type: 'send-message', position: { x: 0, y: 0 }, data: { message: { kind: 'text', text: 'Thanks {{vars.name}}' } } },
  ],
  edges: [
    { id: 'e1', source: 'hi', sourceHandle: 'next', target: 'ask' },
    { id: 'e2', source: 'ask', sourceHandle: 'next', target: 'thanks' },
  ],
};

let db: Awaited<ReturnType<typeof testDatabase>>;
let standIn: CloudApiStandIn;
const processes: Spawned[] = [];
let webUrl = '';

beforeAll(async () => {
  db = await testDatabase();
  await migrateDatabase(db);
  standIn = await startCloudApiStandIn({ tokens: { [PHONE_NUMBER_ID]: 'scale-token-123' } });
  const key = generateKey();
  const secrets = new SecretBox(key);
  const workspaceId = await createWorkspace(db.db, secrets, {
    name: 'Shop',
    transport: 'cloud',
    phoneNumberId: PHONE_NUMBER_ID,
    accessToken: 'scale-token-123',
    coexistence: false,
    throughputMps: 500,
    settings: { pairGapMs: 0 },
  });
  const flowId = await createFlow(db.db, workspaceId, flow);
  await publishFlow(db.db, workspaceId, flowId);
  const port = await freePort();
  const env = {
    DATABASE_URL: db.url,
    TANDEM_SECRET_KEY: key,
    WHATSAPP_APP_SECRET: SECRET,
    WHATSAPP_API_BASE_URL: standIn.url,
    PORT: String(port),
    LOG_LEVEL: 'info',
    TANDEM_WORKER_CONCURRENCY: '4',
  };
  processes.push(
    spawnServer('web', env),
    spawnServer('worker', { ...env, TANDEM_WORKER_NAME: 'worker-1' }),
    spawnServer('worker', { ...env, TANDEM_WORKER_NAME: 'worker-2' }),
  );
  webUrl = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${webUrl}/readyz`).catch(() => undefined))?.status === 200, 30_000, 'the web process');
});

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  await standIn?.close();
  await db?.drop();
});

async function post(body: unknown) {
  const raw = Buffer.from(JSON.stringify(body));
  const res = await fetch(`${webUrl}/webhooks/whatsapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaBody(raw, SECRET) },
    body: raw,
  });
  expect(res.status).toBe(200);
}

describe('scale-out: one web process and two worker processes on one Postgres', () => {
  it('runs the workers at a lower CPU priority than the web process, so acks come first on a shared box', async () => {
    const [web, ...workers] = processes;
    await waitFor(() => workers.every((w) => w.logs.some((l) => l.msg === 'worker started')), 30_000, 'both workers');
    expect(os.getPriority(web!.child.pid!)).toBe(os.getPriority());
    for (const w of workers) expect(os.getPriority(w.child.pid!)).toBe(Math.max(10, os.getPriority()));
  });

  it("names each process's database connections after its role, so an operator can tell them apart in pg_stat_activity", async () => {
    const workers = processes.slice(1);
    await waitFor(() => workers.every((w) => w.logs.some((l) => l.msg === 'worker started')), 30_000, 'both workers');
    // The web process reads the database to answer /readyz: it holds a connection now.
    expect((await fetch(`${webUrl}/readyz`)).status).toBe(200);
    const r = await db.pool.query<{ name: string }>(
      `SELECT DISTINCT application_name AS name FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'tandem-%' ORDER BY 1`,
    );
    expect(r.rows.map((row) => row.name)).toEqual(['tandem-web', 'tandem-worker']);
  });

  it("spreads the journeys' steps across both workers and runs no step twice", async () => {
    const waId = (i: number) => String(4917000000000 + i);
    for (let i = 0; i < CONTACTS; i++)
      await post(
        inboundBody([{ from: waId(i), id: `wamid.scale.hi.${i}`, type: 'text', text: { body: 'hello' } }], [{ profile: { name: `C${i}` }, wa_id: waId(i) }]),
      );
    await waitFor(() => standIn.acceptedCount() === CONTACTS, 60_000, 'every question');
    for (let i = 0; i < CONTACTS; i++)
      await post(
        inboundBody(
          [{ from: waId(i), id: `wamid.scale.name.${i}`, type: 'text', text: { body: `Name ${i}` } }],
          [{ profile: { name: `C${i}` }, wa_id: waId(i) }],
        ),
      );
    await waitFor(
      async () => (await db.pool.query(`SELECT count(*)::int AS n FROM runs WHERE status = 'completed'`)).rows[0].n === CONTACTS,
      60_000,
      'every run',
    );

    const byWorker = (worker: string) =>
      processes.flatMap((p) => p.logs).filter((l) => l.worker === worker && (l.msg === 'message sent' || l.msg === 'inbound message routed'));
    const w1 = byWorker('worker-1');
    const w2 = byWorker('worker-2');
    console.log(`scale-out: worker-1 ran ${w1.length} step jobs, worker-2 ran ${w2.length}`);
    expect(w1.length).toBeGreaterThan(0);
    expect(w2.length).toBeGreaterThan(0);
    expect(w1.length + w2.length).toBe(4 * CONTACTS);
    const shared = new Set(w1.map((l) => l.runId)).size;
    expect(shared).toBeGreaterThan(0);

    const twice = await db.pool.query(
      `SELECT run_id, step, kind, node_id, count(*) FROM run_steps WHERE kind IN ('enter', 'port') GROUP BY 1, 2, 3, 4 HAVING count(*) > 1`,
    );
    expect(twice.rows).toEqual([]);
    const thanks = standIn.received().filter((r) => (r.body as { text?: { body: string } }).text?.body.startsWith('Thanks'));
    expect(thanks).toHaveLength(CONTACTS);
    expect(new Set(thanks.map((r) => (r.body as { to: string }).to)).size).toBe(CONTACTS);
  });
});
