import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineDeps } from '@tandem/engine/tasks';
import { migrateDatabase, openDatabase, type Database } from '../src/db/database';
import { startEmbeddedPostgres } from '../src/db/embeddedPostgres';
import { createEngineDeps } from '../src/engineDeps';
import { SecretBox, generateKey } from '../src/security/secretBox';
import { createFlow, publishFlow } from '../src/services/flows';
import { createWorkspace } from '../src/services/workspaces';
import { startWorker, type Worker } from '../src/worker/startWorker';
import { startStandInProcess, type StandInProcess } from './standInProcess';

const TOKEN = 'bench-token';
/** The phone number id of the stack's `i`th number (workspace). */
export const benchPhoneNumberId = (i: number) => String(106540352242922 + i);

/** What a benchmark runs against: an embedded Postgres in a temporary folder, migrated, one Cloud API workspace, the stand-in. */
export interface BenchStack {
  database: Database;
  /** Where Postgres listens, for processes of their own (`tandem-server web`, `worker`). */
  pgUrl: string;
  /** TANDEM_SECRET_KEY of the stack (the workspaces' tokens are sealed with it). */
  secretKey: string;
  /** The Postgres data folder, for `startWindow`. */
  pgDataDir: string;
  /** The Cloud API stand-in, in a process of its own (its CPU is not Tandem's). */
  standIn: StandInProcess;
  /** The first number's workspace. */
  workspaceId: string;
  /** Every number's workspace, the `i`th on `benchPhoneNumberId(i)`. */
  workspaceIds: string[];
  deps: EngineDeps;
  q<T>(text: string, params?: unknown[]): Promise<T[]>;
  /** Creates and publishes a flow in the first workspace (or the one given); returns its id and live version. */
  publish(flow: Record<string, unknown>, workspaceId?: string): Promise<{ flowId: string; versionId: number }>;
  /** The worker as `tandem worker` runs it: graphile-worker's runner and the outbox and inbox loops. */
  startWorker(): Promise<Pick<Worker, 'stop'>>;
  /** Stops the workers still running, the stand-in, the pool and Postgres, and removes the temporary folder. */
  close(): Promise<void>;
}

/**
 * Starts the stack as stepsBench does: embedded Postgres on `port` (with pg_stat_statements when
 * `pgStats`) in a temporary folder named after the benchmark, Tandem's and graphile-worker's
 * migrations, `numbers` workspaces (default 1), each a number on the Cloud API stand-in at Meta's
 * highest throughput (1,000 messages/s, or `mps`) with no pacing, and the engine's dependencies. On failure, and on SIGINT / SIGTERM, it cleans up itself.
 */
export async function startBenchStack(o: {
  name: string;
  port: number;
  concurrency: number;
  pgStats?: boolean;
  numbers?: number;
  /** The stand-in's lower CPU priority (nice value), for benchmarks where it shares the cores with what they time. */
  standInNice?: number;
  /** Each number's throughput, messages a second (default 1,000, Meta's highest). */
  mps?: number;
}): Promise<BenchStack> {
  const dir = mkdtempSync(join(tmpdir(), `tandem-bench-${o.name}-`));
  chmodSync(dir, 0o755);
  const cleanups: (() => Promise<void>)[] = [async () => rmSync(dir, { recursive: true, force: true })];
  const workers = new Set<Pick<Worker, 'stop'>>();
  const close = async () => {
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
    for (const worker of workers) await worker.stop().catch((error: unknown) => console.error('cleanup:', error));
    workers.clear();
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error('cleanup:', error));
    cleanups.length = 0;
  };
  const interrupted = (signal: NodeJS.Signals) => {
    console.error(`${signal}: stopping and cleaning up`);
    void close().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  // A reader that stops early (`| head`) must not kill the benchmark before it cleans up.
  process.stdout.on('error', () => {});
  try {
    const pgFlags = o.pgStats
      ? ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.track=all', '-c', 'pg_stat_statements.track_planning=on']
      : [];
    // BENCH_PG_SETTINGS="name=value name=value": Postgres settings to try, e.g. "wal_buffers=32MB".
    const tried = (process.env.BENCH_PG_SETTINGS ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .flatMap((setting) => ['-c', setting]);
    const pg = await startEmbeddedPostgres(dir, o.port, 'tandem', [...pgFlags, ...tried]);
    cleanups.push(() => pg.stop());
    const database = openDatabase(pg.url, o.concurrency + 10);
    cleanups.push(() => database.close());
    const numbers = Array.from({ length: o.numbers ?? 1 }, (_, i) => benchPhoneNumberId(i));
    const standIn = await startStandInProcess(Object.fromEntries(numbers.map((pnid) => [pnid, TOKEN])), o.standInNice);
    cleanups.push(() => standIn.close());
    await migrateDatabase(database);
    const secretKey = generateKey();
    const secrets = new SecretBox(secretKey);
    const workspaceIds: string[] = [];
    for (const [i, phoneNumberId] of numbers.entries()) {
      workspaceIds.push(
        await createWorkspace(database.db, secrets, {
          name: i === 0 ? 'Bench' : `Bench ${i + 1}`,
          transport: 'cloud',
          phoneNumberId,
          accessToken: TOKEN,
          coexistence: false,
          throughputMps: o.mps ?? 1_000,
          settings: { pairGapMs: 0 },
        }),
      );
    }
    const workspaceId = workspaceIds[0]!;
    const deps = createEngineDeps(database.pool, secrets, { whatsappApiBaseUrl: standIn.url, whatsappApiVersion: 'v24.0' });
    const q = async <T>(text: string, params: unknown[] = []) => (await database.pool.query(text, params)).rows as T[];
    return {
      database,
      pgUrl: pg.url,
      secretKey,
      pgDataDir: join(dir, 'pg'),
      standIn,
      workspaceId,
      workspaceIds,
      deps,
      q,
      async publish(flow, into = workspaceId) {
        const flowId = await createFlow(database.db, into, flow);
        const { versionId } = await publishFlow(database.db, into, flowId);
        return { flowId, versionId };
      },
      async startWorker() {
        const started = await startWorker({
          pool: database.pool,
          deps,
          concurrency: o.concurrency,
          tasks: { allowPrivateNetworks: async () => false },
          pollInterval: 200,
        });
        const worker = {
          async stop() {
            workers.delete(worker);
            await started.stop();
          },
        };
        workers.add(worker);
        return worker;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Resolves once `done()` holds, checking every `everyMs` (observing completion, not timing by sleeping). */
export async function until(done: () => boolean | Promise<boolean>, everyMs = 20): Promise<void> {
  while (!(await done())) await new Promise((r) => setTimeout(r, everyMs));
}

/** Waits until nothing is due: no graphile job (queued or running), no message in the outbox, no webhook body in the inbox. */
export async function drained(stack: BenchStack): Promise<void> {
  const due = async () =>
    (
      await stack.q<{ n: number }>(
        `SELECT (SELECT count(*)::int FROM graphile_worker._private_jobs WHERE run_at <= now()) + (SELECT count(*)::int FROM messages WHERE send_after <= now())
           + (SELECT count(*)::int FROM webhook_events WHERE processed_at IS NULL) AS n`,
      )
    )[0]!.n;
  await until(async () => (await due()) === 0);
}

/** Jobs that failed at least once (their last error is kept while they wait for a retry). */
export async function failedJobs(stack: BenchStack): Promise<{ task: string; n: number; error: string }[]> {
  return stack.q(
    `SELECT t.identifier AS task, count(*)::int AS n, min(j.last_error) AS error
     FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
     WHERE j.last_error IS NOT NULL GROUP BY t.identifier`,
  );
}

/** With BENCH_PGSTAT=1 the statements Postgres spent most time executing, per unit of work (with the WAL they wrote). */
export async function pgStatLines(stack: BenchStack, units: number): Promise<string[]> {
  const top = await stack.q<{ calls: number; ms: number; plan: number; rows: number; wal: number; query: string }>(
    `SELECT calls::float AS calls, total_exec_time AS ms, total_plan_time AS plan, rows::float AS rows, wal_bytes::float AS wal,
            left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS query
     FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%' ORDER BY total_exec_time + total_plan_time DESC LIMIT 15`,
  );
  // Per unit of work: executing, planning, calls, WAL; per call: time and rows.
  return top.map(
    (t) =>
      `${(t.ms / units).toFixed(3).padStart(7)} ms + plan ${(t.plan / units).toFixed(3)} ms  ${(t.calls / units).toFixed(2).padStart(5)}×  ` +
      `${(t.wal / units / 1024).toFixed(1).padStart(4)} kB WAL  ` +
      `(${((t.ms + t.plan) / t.calls).toFixed(2).padStart(6)} ms, ${(t.rows / t.calls).toFixed(0).padStart(3)} rows a call)  ${t.query}`,
  );
}

export async function resetPgStat(stack: BenchStack): Promise<void> {
  await stack.q('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  await stack.q('SELECT pg_stat_statements_reset()');
}

/**
 * Samples what the active Postgres connections of Tandem's processes (named `tandem-<role>`) are
 * doing, every few milliseconds until `stop`: on CPU, or waiting, and for what (pg_stat_activity's
 * wait events, e.g. IO:WalSync, a commit waiting for its WAL flush). `stop` answers one line per
 * role: the share of its busy samples per state, the largest first.
 */
export function sampleWaits(stack: BenchStack, everyMs = 3): { stop(): Promise<string[]> } {
  const counts = new Map<string, Map<string, number>>();
  let sampling = true;
  const loop = (async () => {
    while (sampling) {
      const rows = await stack.q<{ role: string; state: string }>(
        `SELECT application_name AS role, coalesce(wait_event_type || ':' || wait_event, 'on CPU') AS state
         FROM pg_stat_activity WHERE application_name LIKE 'tandem-%' AND state = 'active'`,
      );
      for (const { role, state } of rows) {
        const byState = counts.get(role) ?? new Map<string, number>();
        byState.set(state, (byState.get(state) ?? 0) + 1);
        counts.set(role, byState);
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      sampling = false;
      await loop;
      return [...counts].sort().map(([role, byState]) => {
        const total = [...byState.values()].reduce((a, b) => a + b, 0);
        const shares = [...byState].sort((a, b) => b[1] - a[1]).slice(0, 6);
        return `${role}'s busy connections (${total} samples): ${shares.map(([state, n]) => `${state} ${((100 * n) / total).toFixed(0)}%`).join(', ')}`;
      });
    },
  };
}

/**
 * With BENCH_WALSTATS=1: where the WAL written between `start` and `stop` went, per table or index
 * (pg_walinspect's block references: the block's data and its full-page images, kB per unit of
 * work), the largest first, then the share of full-page images in all of it.
 */
export async function walBreakdown(stack: BenchStack): Promise<{ stop(units: number): Promise<string[]> }> {
  await stack.q('CREATE EXTENSION IF NOT EXISTS pg_walinspect');
  const [{ lsn: from }] = (await stack.q<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')) as [{ lsn: string }];
  const tupleCounts = () =>
    stack.q<{ rel: string; ins: number; upd: number; hot: number; del: number }>(
      `SELECT relname AS rel, n_tup_ins::float AS ins, n_tup_upd::float AS upd, n_tup_hot_upd::float AS hot, n_tup_del::float AS del FROM pg_stat_user_tables`,
    );
  const before = new Map((await tupleCounts()).map((r) => [r.rel, r]));
  return {
    async stop(units) {
      await stack.q('SELECT pg_stat_force_next_flush()');
      const tuples = (await tupleCounts())
        .map((r) => {
          const b = before.get(r.rel);
          return { rel: r.rel, ins: r.ins - (b?.ins ?? 0), upd: r.upd - (b?.upd ?? 0), hot: r.hot - (b?.hot ?? 0), del: r.del - (b?.del ?? 0) };
        })
        .filter((r) => r.ins + r.upd + r.del > 0)
        .sort((a, b) => b.ins + b.upd + b.del - (a.ins + a.upd + a.del));
      const rows = await stack.q<{ rel: string; blocks: number; data: number; fpi: number; records: number }>(
        `SELECT coalesce(c.relname, b.relfilenode::text) AS rel, count(*)::float AS blocks,
                sum(b.block_data_length)::float AS data, sum(b.block_fpi_length)::float AS fpi,
                count(DISTINCT b.start_lsn)::float AS records
         FROM pg_get_wal_block_info($1::pg_lsn, pg_current_wal_lsn()) b
         LEFT JOIN pg_class c ON c.relfilenode = b.relfilenode AND b.reldatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
         GROUP BY 1 ORDER BY sum(b.block_data_length + b.block_fpi_length) DESC LIMIT 16`,
        [from],
      );
      const [total] = await stack.q<{ bytes: number; fpi: number; records: number }>(
        `SELECT sum(combined_size)::float AS bytes, sum(fpi_size)::float AS fpi, sum(count)::float AS records
         FROM pg_get_wal_stats($1::pg_lsn, pg_current_wal_lsn(), false)`,
        [from],
      );
      const kb = (n: number) => (n / units / 1024).toFixed(2).padStart(5);
      return [
        `WAL per unit: ${kb(total!.bytes)} kB in ${(total!.records / units).toFixed(1)} records, full-page images ${kb(total!.fpi)} kB`,
        ...rows.map((r) => `  ${kb(r.data + r.fpi)} kB (fpi ${kb(r.fpi)})  ${(r.records / units).toFixed(2).padStart(5)} records  ${r.rel}`),
        'rows per unit (pg_stat_user_tables; an update that is not HOT writes an entry in every index):',
        ...tuples.map(
          (r) =>
            `  ${r.rel.padEnd(24)} inserted ${(r.ins / units).toFixed(2)} · updated ${(r.upd / units).toFixed(2)} (HOT ${(r.hot / units).toFixed(2)}) · deleted ${(r.del / units).toFixed(2)}`,
        ),
      ];
    },
  };
}
