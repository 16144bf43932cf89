import type { Logger } from 'pino';
import type { Env } from '../config/env';
import type { Booted } from './bootstrap';
import { createEngineDeps } from '../engineDeps';
import { startWorker, type Worker } from '../worker/startWorker';
import { watchLiveness } from '../worker/liveness';
import { privateNetworksPolicy } from '../worker/privateNetworks';

export interface RunningWorker {
  runner: Worker['runner'];
  stop(): Promise<void>;
}

/** Starts this process's graphile-worker runner with heartbeats; `stop` finishes in-flight jobs first. */
export async function runWorker(env: Env, booted: Booted, logger: Logger): Promise<RunningWorker> {
  const { pool } = booted.database;
  const deps = createEngineDeps(pool, booted.secrets, {
    whatsappApiBaseUrl: env.WHATSAPP_API_BASE_URL,
    whatsappApiVersion: env.WHATSAPP_API_VERSION,
    logger: logger.child({ component: 'engine', worker: env.TANDEM_WORKER_NAME ?? `pid-${process.pid}` }),
  });
  const liveness = watchLiveness(pool, { heartbeatMs: env.TANDEM_WORKER_HEARTBEAT_MS, deadAfterMs: env.TANDEM_WORKER_DEAD_AFTER_MS });
  // A runner that cannot start (the database gone mid-start, an incompatible job schema) must not
  // leave the heartbeat's timer behind: it would keep the failed process alive.
  const worker = await startWorker({
    pool,
    deps,
    events: liveness.events,
    concurrency: env.TANDEM_WORKER_CONCURRENCY,
    tasks: { allowPrivateNetworks: privateNetworksPolicy(pool) },
  }).catch(async (error: unknown) => {
    await liveness.stop();
    throw error;
  });
  logger.info({ concurrency: env.TANDEM_WORKER_CONCURRENCY }, 'worker started');
  return {
    runner: worker.runner,
    async stop() {
      await worker.stop();
      await liveness.stop();
    },
  };
}
