import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCloudApiStandIn, type CloudApiStandIn } from '@tandem/engine/whatsapp/stand-in';
import { migrateDatabase } from '../../src/db/database';
import { SecretBox, generateKey } from '../../src/security/secretBox';
import { createWorkspace } from '../../src/services/workspaces';
import { createFlow, publishFlow } from '../../src/services/flows';
import { testDatabase } from '../support/testDatabase';
import { waitFor } from '../support/engineHarness';
import { spawnServer } from '../support/processes';

let db: Awaited<ReturnType<typeof testDatabase>>;
let standIn: CloudApiStandIn;
let env: Record<string, string>;
let workspaceId = '';

beforeAll(async () => {
  db = await testDatabase();
  await migrateDatabase(db);
  standIn = await startCloudApiStandIn({ tokens: { '106540352242922': 'graceful-token-1' } });
  const key = generateKey();
  workspaceId = await createWorkspace(db.db, new SecretBox(key), {
    name: 'Shop',
    transport: 'cloud',
    phoneNumberId: '106540352242922',
    accessToken: 'graceful-token-1',
  });
  const flowId = await createFlow(db.db, workspaceId, {
    schemaVersion: 1,
    name: 'Receipt',
    nodes: [
      { id: 'paid', type: 'trigger-event', position: { x: 0, y: 0 }, data: { event: 'order.paid' } },
      { id: 'receipt', type: 'send-template', position: { x: 0, y: 0 }, data: { template: { name: 'receipt', language: 'en', category: 'UTILITY' } } },
    ],
    edges: [{ id: 'e1', source: 'paid', sourceHandle: 'next', target: 'receipt' }],
  });
  await publishFlow(db.db, workspaceId, flowId);
  env = { DATABASE_URL: db.url, TANDEM_SECRET_KEY: key, WHATSAPP_API_BASE_URL: standIn.url, LOG_LEVEL: 'info', TANDEM_WORKER_CONCURRENCY: '2' };
});

afterAll(async () => {
  await standIn?.close();
  await db?.drop();
});

describe('graceful shutdown of a worker', () => {
  it('finishes the send in flight before exiting on SIGTERM', async () => {
    standIn.setLatency(1_500);
    const worker = spawnServer('worker', env);
    await db.pool.query(
      `SELECT graphile_worker.add_job('business-event', json_build_object('workspaceId', $1::text, 'contact', json_build_object('waId', '4930123456'), 'name', 'order.paid', 'payload', '{}'::json))`,
      [workspaceId],
    );
    await waitFor(() => standIn.received().length === 1, 30_000, 'the request to reach the Cloud API');
    const exited = worker.stop('SIGTERM');
    await exited;
    const [message] = (await db.pool.query<{ status: string; wamid: string | null }>(`SELECT status, wamid FROM messages`)).rows;
    expect(message).toMatchObject({ status: 'sent' });
    expect(message!.wamid).toMatch(/^wamid\./);
    const [run] = (await db.pool.query<{ status: string }>(`SELECT status FROM runs`)).rows;
    expect(run!.status).toBe('completed');
    expect(worker.logs.some((l) => l.msg === 'shutting down: finishing in-flight jobs')).toBe(true);
    expect(worker.child.exitCode).toBe(0);
  });
});
