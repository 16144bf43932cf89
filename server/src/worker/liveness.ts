import { EventEmitter } from 'node:events';
import type pg from 'pg';
import type { WorkerEvents } from 'graphile-worker';

export interface LivenessOptions {
  /** How often this process says its worker pool is alive. */
  heartbeatMs: number;
  /** After how long without a heartbeat another process releases a pool's jobs. */
  deadAfterMs: number;
}

/**
 * graphile-worker keeps the jobs of a crashed process locked for four hours. Each process
 * beats for its worker pool (graphile locks jobs by pool id); any process that sees another's
 * heartbeat go stale force-unlocks that pool, so its jobs run again within seconds.
 * Pass `events` to graphile's `run()`; call `stop` on shutdown.
 */
export function watchLiveness(pool: pg.Pool, o: LivenessOptions): { events: WorkerEvents; stop(): Promise<void> } {
  const events = new EventEmitter() as WorkerEvents;
  const mine = new Set<string>();
  events.on('pool:create', ({ workerPool }) => {
    mine.add(workerPool.id);
    void pool
      .query('INSERT INTO worker_heartbeats (worker_id) VALUES ($1) ON CONFLICT (worker_id) DO UPDATE SET seen_at = now()', [workerPool.id])
      .catch(() => {});
  });
  events.on('pool:release', ({ workerPool }) => {
    mine.delete(workerPool.id);
    void pool.query('DELETE FROM worker_heartbeats WHERE worker_id = $1', [workerPool.id]).catch(() => {});
  });
  const beat = async () => {
    if (mine.size) await pool.query('UPDATE worker_heartbeats SET seen_at = now() WHERE worker_id = ANY($1)', [[...mine]]);
    const dead = await pool.query<{ worker_id: string }>(
      `DELETE FROM worker_heartbeats WHERE seen_at < now() - $1 * interval '1 millisecond' AND NOT (worker_id = ANY($2)) RETURNING worker_id`,
      [o.deadAfterMs, [...mine]],
    );
    if (dead.rowCount) await pool.query('SELECT graphile_worker.force_unlock_workers($1)', [dead.rows.map((r) => r.worker_id)]);
  };
  const timer = setInterval(() => void beat().catch(() => {}), o.heartbeatMs);
  return {
    events,
    async stop() {
      clearInterval(timer);
      if (mine.size) await pool.query('DELETE FROM worker_heartbeats WHERE worker_id = ANY($1)', [[...mine]]).catch(() => {});
    },
  };
}
