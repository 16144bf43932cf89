import { readEnv } from './config/env';
import { createLogger } from './logger';
import { bootstrap } from './processes/bootstrap';
import { runWorker } from './processes/runWorker';

/**
 * Process entry points:
 *   start   web + worker (+ editor) on one port, embedded Postgres unless DATABASE_URL is set
 *   web     webhooks and API only
 *   worker  background jobs only (run several against one Postgres to scale out)
 */
async function main(command: string | undefined): Promise<void> {
  const env = readEnv();
  const logger = createLogger(env.LOG_LEVEL);
  if (command !== 'start' && command !== 'worker' && command !== 'web') {
    process.stderr.write('usage: tandem-server start | web | worker\n');
    process.exitCode = 2;
    return;
  }
  const booted = await bootstrap(env, (m) => logger.info(m));
  const stops: (() => Promise<void>)[] = [];
  if (command === 'start' || command === 'worker') {
    const worker = await runWorker(env, booted, logger);
    stops.push(() => worker.stop());
  }
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight jobs');
    for (const stop of stops.reverse()) await stop().catch((error) => logger.error({ err: error }, 'stop failed'));
    await booted.shutdown();
    logger.info('stopped');
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`tandem: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
