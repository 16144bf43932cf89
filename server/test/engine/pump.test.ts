import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '@tandem/engine/tasks';
import { startPump, type Pump } from '../../src/worker/pump';
import { waitFor } from '../support/engineHarness';
import { testDatabase } from '../support/testDatabase';

let db: Awaited<ReturnType<typeof testDatabase>>;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => db?.drop());

/** A pump over an in-memory count of waiting rows; each round takes all of them and records how many. */
async function countingPump(channel: string, gatherMs: number) {
  const state = { waiting: 0, batches: [] as number[] };
  const pump: Pump = await startPump({
    name: channel,
    pool: db.pool,
    channel,
    loops: 1,
    logger: silentLogger,
    gatherMs,
    drain: async () => {
      if (state.waiting > 0) state.batches.push(state.waiting);
      state.waiting = 0;
      return { more: false };
    },
  });
  return { state, pump };
}

describe('the loops that drain the inbox and the outbox', () => {
  it('let rows notified one after the other gather, and take them in one batch', async () => {
    const { state, pump } = await countingPump('pump_gather_test', 1_000);
    try {
      for (let n = 0; n < 3; n++) {
        state.waiting++;
        await db.pool.query('NOTIFY pump_gather_test');
      }
      await waitFor(() => state.batches.length > 0, 10_000, 'a batch');
      expect(state.batches).toEqual([3]);
    } finally {
      await pump.stop();
    }
  });

  it('stop at once while a loop lets rows gather', async () => {
    const { state, pump } = await countingPump('pump_stop_test', 60_000);
    state.waiting++;
    await db.pool.query('NOTIFY pump_stop_test');
    // Stopping does not wait out the minute; the gathered row stays for the next process.
    await pump.stop();
    expect(state.batches).toEqual([]);
  });
});
