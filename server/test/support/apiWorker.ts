import { createEngineDeps } from '../../src/engineDeps';
import { startWorker } from '../../src/worker/startWorker';
import { privateNetworksPolicy } from '../../src/worker/privateNetworks';
import type { ApiHarness } from './apiHarness';
import { waitFor } from './engineHarness';

/**
 * A real graphile-worker with the engine's and the server's tasks on the API harness's database,
 * so API calls can be followed to their effect. Sandbox workspaces send nowhere, so no Cloud API
 * is needed.
 */
export async function startApiWorker(h: ApiHarness) {
  const deps = createEngineDeps(h.db.pool, h.secrets, { whatsappApiBaseUrl: 'http://127.0.0.1:9', whatsappApiVersion: 'v24.0' });
  const runner = await startWorker({
    pool: h.db.pool,
    deps,
    tasks: { allowPrivateNetworks: privateNetworksPolicy(h.db.pool) },
    concurrency: 4,
    pollInterval: 100,
  });
  return {
    /** Waits until no job is due or running (held sends and future timers do not count). */
    async idle(timeoutMs = 20_000) {
      await waitFor(
        async () => {
          const r = await h.db.pool.query<{ n: number }>(
            `SELECT (SELECT count(*)::int FROM graphile_worker._private_jobs WHERE run_at <= now() AND attempts < max_attempts)
              + (SELECT count(*)::int FROM messages WHERE send_after <= now())
              + (SELECT count(*)::int FROM webhook_events WHERE processed_at IS NULL AND next_attempt_at <= now()) AS n`,
          );
          return r.rows[0]!.n === 0;
        },
        timeoutMs,
        'the worker to finish its jobs',
      );
    },
    stop: () => runner.stop(),
  };
}

export type ApiWorker = Awaited<ReturnType<typeof startApiWorker>>;
