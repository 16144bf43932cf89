import type pg from 'pg';
import { Logger, run, type Runner, type WorkerEvents } from 'graphile-worker';
import { createTaskList, sendDueMessages, silentLogger, timerSweepJob, type EngineDeps, type TaskOptions } from '@tandem/engine/tasks';
import { drainWebhookInbox } from '../ingest/processWebhook';
import { INBOX_CHANNEL, OUTBOX_CHANNEL } from '../store/outbox';
import { serverTasks } from './serverTasks';
import { startPump, type Pump } from './pump';

export interface WorkerOptions {
  pool: pg.Pool;
  deps: EngineDeps;
  tasks: TaskOptions;
  concurrency: number;
  /** How often idle workers look for jobs scheduled in the future (new jobs arrive by LISTEN/NOTIFY). */
  pollInterval?: number;
  logger?: Logger;
  events?: WorkerEvents;
  /** Loops per table (outbox, webhook inbox) in this process; default 2. */
  loops?: number;
}

/** A worker process's engine: graphile-worker's runner and the loops of the outbox and the webhook inbox. */
export interface Worker {
  runner: Runner;
  /** Finishes the jobs and batches in hand, then stops. */
  stop(): Promise<void>;
}

/** Messages one sender batch claims at most. */
export const OUTBOX_BATCH = 100;
/** Loops per table (outbox, webhook inbox) in each worker process. */
export const LOOPS = 2;
/**
 * How long an idle loop lets rows gather after a notification before it claims them (a reply
 * goes out at most twice this later). At 500 webhooks/s, each one a new conversation answered
 * by a question, it cut Postgres' CPU per webhook from 1.97 to 1.26 ms (bench:webhooks).
 */
const GATHER_MS = 25;

const silentWorkerLogger = new Logger(() => () => {});

/**
 * Starts a graphile-worker runner with the engine's tasks, and the loops that drain the outbox
 * (sends) and the webhook inbox in batches. A safety sweep runs every minute in case a timer's own
 * sweep job was lost; otherwise nothing polls while runs are parked.
 */
export async function startWorker(o: WorkerOptions): Promise<Worker> {
  const runner = await run({
    pgPool: o.pool,
    concurrency: o.concurrency,
    noHandleSignals: true,
    pollInterval: o.pollInterval ?? 1_000,
    taskList: { ...createTaskList(o.deps, o.tasks), ...serverTasks(o.pool, o.deps) },
    crontab: `* * * * * ${timerSweepJob.name} ?max=1`,
    // Fetch and complete jobs in batches: fewer round trips per job when the queue is busy.
    preset: { worker: { localQueue: { size: o.concurrency + 1 }, completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
    logger: o.logger ?? silentWorkerLogger,
    ...(o.events ? { events: o.events } : {}),
  });
  const logger = o.deps.logger ?? silentLogger;
  const loops = o.loops ?? LOOPS;
  const pumps: Pump[] = [];
  try {
    pumps.push(
      await startPump({
        name: 'outbox',
        pool: o.pool,
        channel: OUTBOX_CHANNEL,
        loops,
        logger,
        gatherMs: GATHER_MS,
        drain: async () => {
          const r = await sendDueMessages(o.deps, OUTBOX_BATCH);
          return { more: r.claimed === OUTBOX_BATCH, nextAt: r.nextAt };
        },
      }),
    );
    pumps.push(
      await startPump({
        name: 'webhook inbox',
        pool: o.pool,
        channel: INBOX_CHANNEL,
        loops,
        logger,
        gatherMs: GATHER_MS,
        drain: () => drainWebhookInbox(o.pool, o.deps),
      }),
    );
  } catch (error) {
    await Promise.all(pumps.map((p) => p.stop()));
    await runner.stop();
    throw error;
  }
  return {
    runner,
    async stop() {
      await Promise.all(pumps.map((p) => p.stop()));
      await runner.stop();
    },
  };
}
