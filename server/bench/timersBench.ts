import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { startWindow, statementsPerStep } from './measure';
import { drained, failedJobs, pgStatLines, resetPgStat, startBenchStack, until } from './stack';

/**
 * How fast due timers move parked runs, on a real (embedded) Postgres and graphile-worker: N runs
 * wait in a "Wait 1 day" step whose timers are all due now; one `timer-sweep` job hands them to
 * `fire-timers` jobs, and each run leaves the wait for an end step (no send, so the figure is about
 * timers alone). Reports the drain time, timers per second, node and Postgres CPU ms and database
 * round trips per timer, and checks every run got its `timer.fired` exactly once:
 *   RESULT timers=… drain_s=… timers_per_s=… cpu_ms_per_timer=… lost=… duplicated=…
 *   npx -y pnpm@10 bench:timers [timers=100000] [concurrency=16]
 * BENCH_QUERIES=1 also lists the statements run per 100 timers (one fire-timers job), most frequent
 * first; BENCH_PGSTAT=1 what Postgres spent executing each, per timer (pg_stat_statements).
 */
const [timers = 100_000, concurrency = 16] = process.argv.slice(2).map(Number);
const pgStats = process.env.BENCH_PGSTAT === '1';
/** How often completion is checked; the checks' cost is inside the figures, and small (see below). */
const POLL_MS = 50;
/** Timers per `fire-timers` job (CHUNK in engine/src/tasks/timers.ts): statements are listed per chunk. */
const CHUNK = 100;

const flow = {
  schemaVersion: 1,
  name: 'Wait a day',
  settings: { reentry: 'always' },
  nodes: [
    { id: 'hi', type: 'trigger-message', position: { x: 0, y: 0 }, data: { match: 'keywords', keywords: ['hi'] } },
    { id: 'park', type: 'wait', position: { x: 0, y: 0 }, data: { mode: 'duration', duration: { amount: 1, unit: 'days' } } },
    { id: 'done', type: 'end', position: { x: 0, y: 0 }, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'hi', sourceHandle: 'next', target: 'park' },
    { id: 'e2', source: 'park', sourceHandle: 'next', target: 'done' },
  ],
};

const FIRST_WA_ID = 495_000_000_000;
const loads = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main(): Promise<string> {
  const stack = await startBenchStack({ name: 'timers', port: 54393, concurrency, pgStats });
  try {
    const { q, workspaceId } = stack;
    const { flowId, versionId } = await stack.publish(flow);
    console.log(`timers benchmark: node ${process.version}, worker concurrency ${concurrency}, embedded Postgres 17, load ${loads()}`);

    // One run driven to the wait by the real engine ("hi" as a parsed webhook would deliver it): its row and timer are the template.
    let runner = await stack.startWorker();
    await q(
      `SELECT graphile_worker.add_job('apply-events', json_build_object('workspaceId', $1::text, 'events', json_build_array(json_build_object(
         'eventType', 'inbound', 'wamid', 'wamid.sample', 'from', json_build_object('waId', $2::text),
         'at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
         'type', 'text', 'kind', 'text', 'text', 'hi', 'content', json_build_object('body', 'hi')))))`,
      [workspaceId, String(FIRST_WA_ID)],
    );
    let sampleId = 0;
    await until(async () => {
      const [row] = await q<{ id: number }>(
        `SELECT r.id FROM runs r JOIN timers t ON t.run_id = r.id WHERE r.flow_id = $1 AND r.status = 'active' AND r.current_node = 'park'`,
        [flowId],
      );
      sampleId = row?.id ?? 0;
      return row !== undefined;
    });
    await drained(stack);
    // Stopped while the copies go in, so no sweep (the per-minute safety one included) starts before the clock does.
    await runner.stop();

    // N-1 copies of the sample (contact, run at the wait, timer); then every timer, the sample's too, is due now.
    const t0 = performance.now();
    await q(
      `WITH c AS (
         INSERT INTO contacts (workspace_id, wa_id, phone)
         SELECT $1, ($3::bigint + n)::text, '+' || ($3::bigint + n)::text FROM generate_series(1, $2::int - 1) n RETURNING id
       ), r AS (
         INSERT INTO runs (workspace_id, contact_id, flow_id, flow_version_id, status, current_node, waiting_for, waiting_event, step, snapshot, started_at)
         SELECT s.workspace_id, c.id, s.flow_id, s.flow_version_id, s.status, s.current_node, s.waiting_for, s.waiting_event, s.step, s.snapshot, now()
         FROM c CROSS JOIN runs s WHERE s.id = $4 RETURNING id, contact_id
       )
       INSERT INTO timers (run_id, kind, node_id, step, contact_id, workspace_id, fire_at, restart_ms)
       SELECT r.id, t.kind, t.node_id, t.step, r.contact_id, t.workspace_id, now(), t.restart_ms FROM r CROSS JOIN timers t WHERE t.run_id = $4`,
      [workspaceId, timers, FIRST_WA_ID, sampleId],
    );
    await q('UPDATE timers SET fire_at = now() WHERE run_id = $1', [sampleId]);
    await q('VACUUM ANALYZE contacts, runs, timers, run_steps, graphile_worker._private_jobs');
    const [parked] = await q<{ runs: number; timers: number }>(
      `SELECT (SELECT count(*)::int FROM runs WHERE flow_id = $1 AND status = 'active' AND current_node = 'park') AS runs,
              (SELECT count(*)::int FROM timers WHERE fire_at <= now()) AS timers`,
      [flowId],
    );
    console.log(`parked ${parked!.runs} runs at the wait with ${parked!.timers} due timers in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    runner = await stack.startWorker();
    if (pgStats) await resetPgStat(stack);
    const waiting = async () =>
      (
        await q<{ n: number }>(`SELECT count(*)::int AS n FROM runs WHERE flow_version_id = $1 AND current_node = 'park' AND status = 'active'`, [versionId])
      )[0]!.n;
    const timersLeft = async () => (await q<{ n: number }>('SELECT count(*)::int AS n FROM timers'))[0]!.n;
    const jobsLeft = async () => (await q<{ n: number }>('SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE run_at <= now()'))[0]!.n;
    const window = startWindow(stack.pgDataDir);
    const start = performance.now();
    // What the last timer's `setTimer` would have queued: the keyed sweep, due now.
    await q(`SELECT graphile_worker.add_job('timer-sweep', '{}'::json, job_key := 'timer-sweep')`);
    let claimedAt: number | undefined;
    let firstJobsDoneAt: number | undefined;
    // Done when no run is left at the wait. That count walks 100,000 index entries (~10 ms of Postgres a
    // time), so it runs only once the sweep claimed every timer and the job queue (small, cheap to count) is empty.
    await until(async () => {
      if (claimedAt === undefined && (await timersLeft()) === 0) claimedAt = performance.now();
      if (claimedAt === undefined || (await jobsLeft()) > 0) return false;
      firstJobsDoneAt ??= performance.now();
      return (await waiting()) === 0;
    }, POLL_MS);
    const seconds = (performance.now() - start) / 1000;
    await drained(stack);
    const m = window.end(timers);
    const endLoad = loads();
    await runner.stop();

    // Exactly once: one `timer.fired` event per run, and every run completed.
    const [check] = await q<{ runs: number; completed: number; lost: number; duplicated: number; extra: number }>(
      `SELECT count(*)::int AS runs, count(*) FILTER (WHERE status = 'completed')::int AS completed,
              count(*) FILTER (WHERE fired = 0)::int AS lost, count(*) FILTER (WHERE fired > 1)::int AS duplicated,
              COALESCE(sum(fired - 1) FILTER (WHERE fired > 1), 0)::int AS extra
       FROM (SELECT r.id, r.status, count(s.id) AS fired FROM runs r
             LEFT JOIN run_steps s ON s.run_id = r.id AND s.kind = 'event' AND s.detail ->> 'type' = 'timer.fired'
             WHERE r.flow_id = $1 GROUP BY r.id, r.status) x`,
      [flowId],
    );
    const stillWaiting = await waiting();
    const failed = await failedJobs(stack);
    const lost = check!.lost + Math.max(0, timers - check!.runs);

    const s = (at: number | undefined) => (at === undefined ? '?' : ((at - start) / 1000).toFixed(1));
    const cpu = m.nodeCpuMsPerStep + m.pgCpuMsPerStep;
    console.log(
      `${timers} due timers drained in ${seconds.toFixed(2)} s → ${(timers / seconds).toFixed(0)} timers/s · ` +
        `CPU ${cpu.toFixed(2)} ms/timer (node ${m.nodeCpuMsPerStep.toFixed(2)}, Postgres ${m.pgCpuMsPerStep.toFixed(2)}) · ` +
        `${m.roundTripsPerStep.toFixed(1)} round trips/timer · load ${m.loadavg} at start, ${endLoad} at end`,
    );
    console.log(
      `  all timers claimed by the sweep (${Math.ceil(timers / CHUNK)} fire-timers jobs queued) after ${s(claimedAt)} s; job queue empty after ${s(firstJobsDoneAt)} s`,
    );
    console.log(
      `  check: ${check!.runs} runs, ${check!.completed} completed, ${stillWaiting} still at the wait; ` +
        `${lost} without a timer.fired, ${check!.duplicated} with more than one (${check!.extra} extra)` +
        (failed.length ? `; failed jobs: ${failed.map((f) => `${f.task} ×${f.n} (${f.error})`).join(', ')}` : '; no failed jobs'),
    );
    const perChunk = statementsPerStep(timers / CHUNK);
    if (perChunk.length) console.log(`  statements per ${CHUNK} timers (one fire-timers job):`);
    for (const line of perChunk) console.log(`  ${line}`);
    if (pgStats) {
      console.log('  Postgres execution time per timer (pg_stat_statements, nested statements included):');
      for (const line of await pgStatLines(stack, timers)) console.log(`  ${line}`);
    }
    return `RESULT timers=${timers} drain_s=${seconds.toFixed(2)} timers_per_s=${(timers / seconds).toFixed(0)} cpu_ms_per_timer=${cpu.toFixed(2)} lost=${lost} duplicated=${check!.duplicated}`;
  } finally {
    await stack.close();
  }
}

console.log(await main());
