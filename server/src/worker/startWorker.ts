import type pg from 'pg';
import { Logger, run, type Runner, type WorkerEvents } from 'graphile-worker';
import { createTaskList, timerSweepJob, type EngineDeps, type TaskOptions } from '@tandem/engine/tasks';
import { serverTasks } from './serverTasks';

export interface WorkerOptions {
  pool: pg.Pool;
  deps: EngineDeps;
  tasks: TaskOptions;
  concurrency: number;
  /** How often idle workers look for jobs scheduled in the future (new jobs arrive by LISTEN/NOTIFY). */
  pollInterval?: number;
  logger?: Logger;
  events?: WorkerEvents;
}

const silentWorkerLogger = new Logger(() => () => {});

/**
 * Starts a graphile-worker runner with the engine's tasks. A safety sweep runs every minute in
 * case a timer's own sweep job was lost; otherwise nothing polls while runs are parked.
 */
export async function startWorker(o: WorkerOptions): Promise<Runner> {
  return run({
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
}
