import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { startRunsJob } from '@tandem/engine/tasks';
import { runBroadcast } from '../src/broadcasts/runBroadcast';
import { broadcastJob } from '../src/worker/serverJobs';
import { startWindow, statementsPerStep, type Window } from './measure';
import { drained, failedJobs, pgStatLines, resetPgStat, startBenchStack, until, walBreakdown, type BenchStack } from './stack';

/**
 * Broadcasts on a real (embedded) Postgres and graphile-worker: a "Schedule / broadcast" trigger,
 * fired now, followed by a marketing template, with N contacts who accept marketing.
 *  1. Enqueue: a broadcast to all N contacts, its `broadcast` job's pages run back to back by the
 *     benchmark (runBroadcast, no worker), so the `start-runs` jobs it queues stay queued: the time
 *     until the last page committed (the firing is counted) and every contact is in a start-runs job;
 *     those jobs are then dropped. (A worker running only `broadcast` jobs would pay graphile-worker's
 *     job fetch scanning past the growing backlog of start-runs it does not run.)
 *  2. Complete: a broadcast to the first M contacts (tagged; its pages still walk all N) with the
 *     whole worker: the time until all its start-runs are queued and until all M templates reached
 *     the Cloud API stand-in, CPU ms and round trips per contact. M is the third argument: at ~11 ms
 *     CPU a contact, all 100,000 would take about 12 minutes on the 2-core development machine.
 * Peak RSS is this process's (worker, pools and the stand-in, whose records are dropped as it goes).
 *   RESULT contacts=… enqueue_s=… complete_s=… sends_per_s=… peak_rss_mb=… cpu_ms_per_contact=… completed_contacts=…
 *   npx -y pnpm@10 bench:broadcast [contacts=100000] [concurrency=16] [complete=10000]
 * BENCH_QUERIES=1 also lists the statements each contact runs in phase 2, most frequent first;
 * BENCH_PGSTAT=1 what Postgres spent executing each, in both phases (pg_stat_statements).
 */
const [contacts = 100_000, concurrency = 16, completeArg = 10_000] = process.argv.slice(2).map(Number);
const complete = Math.min(completeArg, contacts);
const pgStats = process.env.BENCH_PGSTAT === '1';
const walStats = process.env.BENCH_WALSTATS === '1';
/** The number's throughput, messages a second (BENCH_MPS; default 1,000, Meta's highest; a new number has 80). */
const mps = Number(process.env.BENCH_MPS ?? 1_000);
const POLL_MS = 100;
const SEGMENT = 'segment';

/** A one-off broadcast far ahead, so publishing schedules it; the benchmark then makes it due now. */
const broadcastFlow = (name: string, audience: Record<string, unknown>) => ({
  schemaVersion: 1,
  name,
  nodes: [
    { id: 'sale', type: 'trigger-schedule', position: { x: 0, y: 0 }, data: { schedule: { kind: 'once', at: '2099-01-01T10:00', timezone: 'UTC' }, audience } },
    { id: 'promo', type: 'send-template', position: { x: 0, y: 0 }, data: { template: { name: 'winter_sale', language: 'en', category: 'MARKETING' } } },
    { id: 'done', type: 'end', position: { x: 0, y: 0 }, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'sale', sourceHandle: 'next', target: 'promo' },
    { id: 'e2', source: 'promo', sourceHandle: 'next', target: 'done' },
  ],
});

const FIRST_WA_ID = 496_000_000_000;
/** Queued `start-runs` jobs, a chunk of contacts each (graphile-worker's public view leaves the payload out). */
const START_RUN_JOBS = `graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = '${startRunsJob.name}'`;
const MB = 1024 * 1024;
const loads = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const secondsSince = (t: number) => (performance.now() - t) / 1000;
const duration = (s: number) => (s < 120 ? `${s.toFixed(0)} s` : `${(s / 60).toFixed(0)} min`);

/** Peak RSS of this process, sampled every 50 ms from `reset()` on. */
function rssSampler() {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 50);
  return {
    reset: () => {
      peak = 0;
      sample();
    },
    peak: () => {
      sample();
      return peak;
    },
    stop: () => clearInterval(timer),
  };
}

/** Makes the flow's broadcast due now: what its `broadcast` job finds when the firing time comes. */
async function fireNow(stack: BenchStack, flowId: string): Promise<void> {
  await stack.q(
    `WITH b AS (UPDATE broadcasts SET fire_at = now() WHERE flow_id = $1 RETURNING id)
     SELECT graphile_worker.add_job($2, json_build_object('broadcastId', b.id), job_key := $3 || b.id) FROM b`,
    [flowId, broadcastJob.name, broadcastJob.options.jobKey!.prefix],
  );
}

/**
 * Whether the broadcast's last page committed: it counts the firing (the one-off date, still ahead,
 * stays as its next one). Every contact of the audience then has a run or is in a start-runs job.
 */
async function fired(stack: BenchStack, flowId: string): Promise<boolean> {
  const [row] = await stack.q<{ firings: number }>('SELECT firings FROM broadcasts WHERE flow_id = $1', [flowId]);
  return row === undefined || row.firings > 0;
}

/** The flow's runs and the contacts of its queued start-runs jobs. */
async function runsOrStartJobs(stack: BenchStack, flowId: string): Promise<number> {
  const [row] = await stack.q<{ n: number }>(
    `SELECT (SELECT count(*)::int FROM runs WHERE flow_id = $1) + (SELECT coalesce(sum(json_array_length(j.payload -> 'contactIds')), 0)::int FROM ${START_RUN_JOBS} AND j.payload ->> 'flowId' = $1) AS n`,
    [flowId],
  );
  return row!.n;
}

const cpuLine = (m: ReturnType<Window['end']>, unit: string) =>
  `CPU ${(m.nodeCpuMsPerStep + m.pgCpuMsPerStep).toFixed(2)} ms/${unit} (node ${m.nodeCpuMsPerStep.toFixed(2)}, Postgres ${m.pgCpuMsPerStep.toFixed(2)}) · ` +
  `${m.roundTripsPerStep.toFixed(1)} round trips/${unit}`;

async function main(): Promise<string> {
  const stack = await startBenchStack({ name: 'broadcast', port: 54395, concurrency, pgStats, mps });
  const rss = rssSampler();
  try {
    const { q, standIn, workspaceId, database } = stack;
    const everyone = await stack.publish(broadcastFlow('Announcement', {}));
    const segment = await stack.publish(broadcastFlow('Winter sale', { tagsAny: [SEGMENT] }));
    console.log(
      `broadcast benchmark: node ${process.version}, worker concurrency ${concurrency}, a number of ${mps} messages/s, embedded Postgres 17, load ${loads()}`,
    );

    const t0 = performance.now();
    await q(
      `INSERT INTO contacts (workspace_id, wa_id, phone, marketing_consent, consent_changed_at, consent_source, tags)
       SELECT $1, ($3::bigint + n)::text, '+' || ($3::bigint + n)::text, 'opted_in', now(), 'import', CASE WHEN n <= $4 THEN ARRAY[$5] ELSE '{}' END
       FROM generate_series(1, $2::int) n`,
      [workspaceId, contacts, FIRST_WA_ID, complete, SEGMENT],
    );
    await q('VACUUM ANALYZE contacts');
    console.log(
      `created ${contacts} contacts (opted in to marketing; the first ${complete} tagged "${SEGMENT}") in ${secondsSince(t0).toFixed(1)} s · RSS ${(process.memoryUsage().rss / MB).toFixed(0)} MB`,
    );

    // 1. Enqueue alone: the broadcast's pages, one after the other, with no worker to start the runs.
    const [broadcast] = await q<{ id: number }>('SELECT id FROM broadcasts WHERE flow_id = $1', [everyone.flowId]);
    if (pgStats) await resetPgStat(stack);
    rss.reset();
    let window = startWindow(stack.pgDataDir);
    let start = performance.now();
    await fireNow(stack, everyone.flowId);
    let pages = 0;
    do {
      await runBroadcast(broadcast!.id, database.pool, stack.deps);
      pages += 1;
    } while (!(await fired(stack, everyone.flowId)));
    const enqueueS = secondsSince(start);
    const enqueue = window.end(contacts);
    const enqueuePeak = rss.peak();
    const queued = await runsOrStartJobs(stack, everyone.flowId);
    console.log(
      `1. enqueue: a broadcast to all ${contacts} contacts, its ${pages} pages run back to back without a worker: ${queued} contacts' starts queued (start-runs jobs of 100) in ${enqueueS.toFixed(2)} s ` +
        `→ ${(contacts / enqueueS).toFixed(0)} contacts/s · ${cpuLine(enqueue, 'contact')} · peak RSS ${(enqueuePeak / MB).toFixed(0)} MB · load ${enqueue.loadavg}`,
    );
    if (pgStats) {
      console.log('  Postgres execution time per contact queued (pg_stat_statements, nested statements included):');
      for (const line of await pgStatLines(stack, contacts)) console.log(`  ${line}`);
    }
    await q(`SELECT graphile_worker.complete_jobs(ARRAY(SELECT j.id FROM ${START_RUN_JOBS}))`);
    await q('VACUUM ANALYZE graphile_worker._private_jobs');

    // 2. The whole path for the segment: start-run → template queued → sent to the stand-in → the run ends.
    const runner = await stack.startWorker();
    if (pgStats) await resetPgStat(stack);
    // The stand-in runs in its own process: its record of every request is not in this RSS.
    let sent = 0;
    const countSends = async () => {
      sent = await standIn.acceptedCount();
    };
    rss.reset();
    const walParts = walStats ? await walBreakdown(stack) : undefined;
    window = startWindow(stack.pgDataDir);
    start = performance.now();
    await fireNow(stack, segment.flowId);
    await until(async () => {
      await countSends();
      return fired(stack, segment.flowId);
    }, POLL_MS);
    const segmentQueuedS = secondsSince(start);
    const segmentQueued = await runsOrStartJobs(stack, segment.flowId);
    const sentWhenQueued = sent;
    await until(async () => {
      await countSends();
      return sent >= complete;
    }, POLL_MS);
    const completeS = secondsSince(start);
    await drained(stack);
    await countSends();
    const m = window.end(complete);
    const completePeak = rss.peak();
    const endLoad = loads();
    await runner.stop();

    const [check] = await q<{ runs: number; contacts: number; completed: number; messages: number; sent: number }>(
      `SELECT count(*)::int AS runs, count(DISTINCT r.contact_id)::int AS contacts, count(*) FILTER (WHERE r.status = 'completed')::int AS completed,
              (SELECT count(*)::int FROM messages WHERE direction = 'out') AS messages,
              (SELECT count(*)::int FROM messages WHERE direction = 'out' AND status = 'sent') AS sent
       FROM runs r WHERE r.flow_id = $1`,
      [segment.flowId],
    );
    const failed = await failedJobs(stack);
    const sendsPerS = complete / completeS;
    console.log(
      `2. complete: a broadcast to the ${complete} tagged contacts (its pages walk all ${contacts}), whole worker: start-runs all queued after ${segmentQueuedS.toFixed(2)} s ` +
        `(${segmentQueued} contacts with a run or in a start-runs job, ${sentWhenQueued} templates sent by then); all ${complete} templates at the stand-in after ${completeS.toFixed(2)} s → ${sendsPerS.toFixed(0)} sends/s · ` +
        `${cpuLine(m, 'contact')} · peak RSS ${(completePeak / MB).toFixed(0)} MB · load ${m.loadavg} at start, ${endLoad} at end`,
    );
    console.log(
      `  check: ${check!.runs} runs for ${check!.contacts} contacts, ${check!.completed} completed; ${check!.messages} outbound messages, ` +
        `${check!.sent} sent; ${sent} accepted by the stand-in` +
        (failed.length ? `; failed jobs: ${failed.map((f) => `${f.task} ×${f.n} (${f.error})`).join(', ')}` : '; no failed jobs'),
    );
    if (complete < contacts) {
      console.log(
        `  completion measured on ${complete} of the ${contacts} contacts: at ${sendsPerS.toFixed(0)} sends/s all ${contacts} would take about ` +
          `${duration(contacts / sendsPerS)} on this machine (enqueue_s is for all ${contacts}; complete_s, sends_per_s and cpu_ms_per_contact for ${complete})`,
      );
    }
    for (const line of statementsPerStep(complete)) console.log(`  ${line}`);
    if (pgStats) {
      console.log('  Postgres execution time per contact (pg_stat_statements, nested statements included):');
      for (const line of await pgStatLines(stack, complete)) console.log(`  ${line}`);
    }
    for (const line of (await walParts?.stop(complete)) ?? []) console.log(`  ${line}`);
    const peak = Math.max(enqueuePeak, completePeak);
    return (
      `RESULT contacts=${contacts} enqueue_s=${enqueueS.toFixed(2)} complete_s=${completeS.toFixed(2)} sends_per_s=${sendsPerS.toFixed(0)} ` +
      `peak_rss_mb=${(peak / MB).toFixed(0)} cpu_ms_per_contact=${(m.nodeCpuMsPerStep + m.pgCpuMsPerStep).toFixed(2)} completed_contacts=${complete}`
    );
  } finally {
    rss.stop();
    await stack.close();
  }
}

console.log(await main());
