import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../../src/config/env';
import { openDatabase } from '../../src/db/database';
import { createLogger } from '../../src/logger';
import { runWorker } from '../../src/processes/runWorker';
import { SecretBox, generateKey } from '../../src/security/secretBox';
import { testDatabase } from '../support/testDatabase';

let db: Awaited<ReturnType<typeof testDatabase>>;

beforeAll(async () => {
  db = await testDatabase();
  // A later graphile-worker (a newer Tandem that ran on this database, then was rolled back) left a
  // breaking schema revision: graphile-worker refuses to start its runner on it.
  await db.pool.query(`INSERT INTO graphile_worker.migrations (id, breaking) VALUES (999999, true)`);
});

afterAll(async () => {
  await db?.drop();
});

/** Timers that keep this process alive (an interval left running keeps a failed process from ending). */
const liveTimers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('a worker whose runner cannot start', () => {
  it('fails with the reason and leaves no heartbeat running behind it', async () => {
    const before = liveTimers();
    const database = openDatabase(db.url, 5);
    const booted = { database, secrets: new SecretBox(generateKey()), embedded: false, shutdown: () => database.close() };
    const exitCode = process.exitCode;
    try {
      await expect(runWorker(readEnv({ TANDEM_WORKER_HEARTBEAT_MS: '100' }), booted, createLogger('silent'))).rejects.toThrow(/schema revision 999999/);
    } finally {
      // graphile-worker marks the process as failed (57) when it refuses a schema; the test's process is not that one.
      process.exitCode = exitCode;
      await booted.shutdown();
    }
    expect(liveTimers()).toBe(before);
  });
});
