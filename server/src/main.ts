import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import type { Logger } from 'pino';
import { readEnv, type Env } from './config/env';
import { createLogger } from './logger';
import { bootstrap, type Booted } from './processes/bootstrap';
import { runWorker } from './processes/runWorker';
import { runWeb } from './processes/runWeb';
import { firstStartBanner } from './processes/firstStartBanner';
import { seedIfEmpty } from './services/seed';

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
  const booted = await bootstrap(env, (m) => logger.info(m), command);
  const stops: (() => Promise<void>)[] = [];
  let stopped: Promise<void> | undefined;
  const stopAll = () =>
    (stopped ??= (async () => {
      for (const stop of stops.reverse()) await stop().catch((error) => logger.error({ err: error }, 'stop failed'));
      await booted.shutdown();
    })());
  // Signal handlers come before the parts start: a signal during start-up lets the part that is
  // starting finish, then stops everything (SIGHUP too, when the terminal closes; otherwise the
  // embedded Postgres would outlive the process).
  let starting: Promise<void> = Promise.resolve();
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight jobs');
    await starting.catch(() => {});
    await stopAll();
    logger.info('stopped');
  };
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, () => void shutdown(signal));
  starting = startParts(command, env, booted, logger, stops);
  try {
    await starting;
  } catch (error) {
    // A part that cannot start ends the whole process, after stopping what did start
    // (the embedded Postgres would otherwise keep it alive).
    await stopAll();
    throw error;
  }
}

async function startParts(command: 'start' | 'web' | 'worker', env: Env, booted: Booted, logger: Logger, stops: (() => Promise<void>)[]): Promise<void> {
  const seeded =
    command === 'start'
      ? await seedIfEmpty(booted.database.db, booted.secrets, { email: env.TANDEM_ADMIN_EMAIL, password: env.TANDEM_ADMIN_PASSWORD })
      : undefined;
  if (command === 'start' || command === 'web') {
    const web = await runWeb(env, booted, logger);
    stops.push(() => web.stop());
    if (seeded) process.stdout.write(firstStartBanner(web.url, seeded.email, seeded.password));
    if (command === 'start') process.stdout.write(`Tandem is running at ${web.url}  (health: ${web.url}/healthz, API: ${web.url}/api/openapi.json)\n`);
  }
  if (command === 'worker') lowerPriority(env.TANDEM_WORKER_NICE, logger);
  if (command === 'start' || command === 'worker') {
    const worker = await runWorker(env, booted, logger);
    stops.push(() => worker.stop());
  }
}

/**
 * Lowers this process's CPU priority to `nice` (raising it back would need privileges, so it only
 * goes down). Linux keeps a nice value per thread: every thread of the process is lowered (V8's
 * and libuv's helper threads too), elsewhere the process.
 */
function lowerPriority(nice: number, logger: Logger): void {
  if (nice === 0) return;
  try {
    const threads = existsSync('/proc/self/task') ? readdirSync('/proc/self/task').map(Number) : [0];
    for (const id of threads) if (os.getPriority(id) < nice) os.setPriority(id, nice);
    logger.info({ nice, threads: threads.length }, 'worker CPU priority lowered: webhook acks come first on a shared box');
  } catch (error) {
    logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'could not lower the worker CPU priority');
  }
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`tandem: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
