import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { signMetaBody } from '../src/webhooks';
import { postgresCpuSeconds, processCpuSeconds } from './measure';
import { benchPhoneNumberId, pgStatLines, resetPgStat, sampleWaits, startBenchStack, walBreakdown } from './stack';

/**
 * Webhook acknowledgement under load, in production's shape: `tandem-server web` and
 * `tandem-server worker` run as processes of their own against one (embedded) Postgres, and this
 * process plays Meta: it POSTs signed `messages` webhooks (one inbound "hello" each, from distinct
 * contacts) at a fixed rate, whether or not earlier ones were answered. A journey answers every
 * "hello" with a question, so the worker starts a run and sends a message per webhook behind the
 * acks. After a warm-up at the same rate (not counted), prints ack latency (p50, p95, p99, max), the
 * rate achieved, refusals, the inbox's backlog each second and when the load stopped and how long
 * it took to drain, the CPU the web process, the worker and Postgres spent per webhook (and the load
 * generator and the stand-in, which share the 2 cores with them), and the commits and WAL flushes
 * Postgres made per webhook; with BENCH_PGSTAT=1, the statements it spent most time on; with
 * BENCH_WAITS=1, what the web's and the worker's Postgres connections were doing while busy (on
 * CPU or waiting, and for what: an ack waits for its commit's WAL flush, IO:WalSync).
 *   npx -y pnpm@10 --filter @tandem/server bench:webhooks [rate=1000] [seconds=10] [concurrency=16] [numbers=4]
 */
// Contacts are spread over `numbers` numbers (default 4, as bench:steps): WhatsApp counts a number's
// inbound messages in its throughput too, so 1,000 "hello"s a second and their 1,000 answers need two
// numbers of 1,000 messages a second at least.
const [rate = 1_000, seconds = 10, concurrency = 16, numbers = 4] = process.argv.slice(2).map(Number);
const pgStats = process.env.BENCH_PGSTAT === '1';
const waitStats = process.env.BENCH_WAITS === '1';
const walStats = process.env.BENCH_WALSTATS === '1';
/** Seconds of load at the same rate before the measured ones, not counted (BENCH_WARMUP_S, default 2; 0: none). */
const warmupSeconds = Number(process.env.BENCH_WARMUP_S ?? 2);
/** The stand-in plays Meta, whose CPU is not on our box: it runs at this lower priority (BENCH_STANDIN_NICE, default 10; 0: as the rest). */
const standInNice = Number(process.env.BENCH_STANDIN_NICE ?? 10);
const SECRET = 'bench-app-secret';
const serverDir = join(import.meta.dirname, '..');

const flow = {
  schemaVersion: 1,
  name: 'Hello',
  settings: { reentry: 'always' },
  nodes: [
    { id: 'hi', type: 'trigger-message', position: { x: 0, y: 0 }, data: { match: 'keywords', keywords: ['hello'] } },
    {
      id: 'ask',
      type: 'bot-question',
      position: { x: 0, y: 0 },
      data: { prompt: { kind: 'text', text: 'What is your name?' }, saveTo: { scope: 'vars', name: 'name' }, timeout: { amount: 1, unit: 'days' } },
    },
    { id: 'done', type: 'end', position: { x: 0, y: 0 }, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'hi', sourceHandle: 'next', target: 'ask' },
    { id: 'e2', source: 'ask', sourceHandle: 'next', target: 'done' },
  ],
};

async function main() {
  const stack = await startBenchStack({ name: 'webhooks', port: 54394, concurrency, pgStats, standInNice, numbers });
  const children: ChildProcess[] = [];
  try {
    for (const workspaceId of stack.workspaceIds) await stack.publish(flow, workspaceId);
    const port = await freePort();
    const env = {
      ...process.env,
      DATABASE_URL: stack.pgUrl,
      TANDEM_SECRET_KEY: stack.secretKey,
      WHATSAPP_APP_SECRET: SECRET,
      WHATSAPP_VERIFY_TOKEN: 'bench-verify',
      WHATSAPP_API_BASE_URL: stack.standIn.url,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      TANDEM_WORKER_CONCURRENCY: String(concurrency),
      ...(process.env.BENCH_WORKER_NICE !== undefined ? { TANDEM_WORKER_NICE: process.env.BENCH_WORKER_NICE } : {}),
    };
    const run = (command: 'web' | 'worker') => {
      const child = spawn(
        process.execPath,
        [...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : []), '--import', 'tsx', 'src/main.ts', command],
        { cwd: serverDir, env, stdio: ['ignore', 'inherit', 'inherit'] },
      );
      children.push(child);
      return child;
    };
    const web = run('web');
    // The worker lowers its own CPU priority (TANDEM_WORKER_NICE, default 10): acks first, processing behind. BENCH_WORKER_NICE=<n> sets it (0: as the web process).
    const worker = run('worker');
    const base = `http://127.0.0.1:${port}`;
    while (
      !(await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      ))
    )
      await new Promise((r) => setTimeout(r, 100));
    // The worker is up once it listens for the inbox (its loops LISTEN before they start).
    while (!(await stack.q<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query ILIKE 'LISTEN tandem_inbox%'`))[0]!.n) {
      await new Promise((r) => setTimeout(r, 100));
    }

    const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
    const total = rate * seconds;
    const warmup = rate * warmupSeconds;
    // Meta builds and signs the bodies on its own machines: here they are built before the clock starts, so the load generator costs the shared cores little.
    const bodies = Array.from({ length: warmup + total }, (_, n) => {
      const body = Buffer.from(JSON.stringify(webhookBody(n)));
      return { body, signature: signMetaBody(body, SECRET) };
    });
    const post = (n: number) =>
      new Promise<{ status: number; ms: number }>((resolve) => {
        const { body, signature } = bodies[n]!;
        const t0 = performance.now();
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            path: '/webhooks/whatsapp',
            method: 'POST',
            agent,
            headers: { 'content-type': 'application/json', 'content-length': body.length, 'x-hub-signature-256': signature },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
          },
        );
        req.on('error', () => resolve({ status: 0, ms: performance.now() - t0 }));
        req.end(body);
      });
    // Commits of the whole database (the benchmark's own few queries included), WAL flushes and bytes.
    const walCounters = async () =>
      (
        await stack.q<{ commits: number; syncs: number; bytes: number }>(
          `SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database())::float AS commits,
                  wal_sync::float AS syncs, wal_bytes::float AS bytes FROM pg_stat_wal`,
        )
      )[0]!;
    const backlog = async () => (await stack.q<{ n: number }>(`SELECT count(*)::int AS n FROM webhook_events WHERE processed_at IS NULL`))[0]!.n;

    console.log(
      `webhook benchmark: node ${process.version}, ${rate} req/s for ${seconds} s after ${warmupSeconds} s of warm-up at that rate (not counted); ` +
        `tandem-server web and worker (concurrency ${concurrency}, nice ${process.env.BENCH_WORKER_NICE ?? 10}) as processes of their own, ` +
        `${numbers} numbers (contacts spread over them), embedded Postgres 17, the stand-in${standInNice ? ` at nice ${standInNice}` : ''}`,
    );
    // POSTs bodies [first, first + count) at the rate, whether or not earlier ones were answered.
    const load = (first: number, count: number) => {
      const results: Promise<{ status: number; ms: number }>[] = [];
      const begin = performance.now();
      return (async () => {
        for (let n = 0; n < count; n++) {
          const wait = begin + (n * 1000) / rate - performance.now();
          if (wait > 1) await new Promise((r) => setTimeout(r, wait));
          results.push(post(first + n));
        }
        return Promise.all(results);
      })();
    };
    if (warmup) {
      // A server that has run for a while: code optimised by V8, pools and caches filled. Not counted.
      await load(0, warmup);
      while ((await backlog()) > 0 || (await stack.standIn.acceptedCount()) < warmup) await new Promise((r) => setTimeout(r, 100));
    }
    if (pgStats) await resetPgStat(stack);
    const wal0 = await walCounters();
    const walParts = walStats ? await walBreakdown(stack) : undefined;
    const self = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1e6;
    };
    const cpu0 = {
      web: cpuSeconds(web),
      worker: cpuSeconds(worker),
      pg: postgresCpuSeconds(stack.pgDataDir),
      standIn: stack.standIn.cpuSeconds(),
      meta: self(),
    };
    const start = performance.now();
    // The inbox's backlog once a second during the load: it must not grow.
    const backlogs: number[] = [];
    const sampler = setInterval(() => void backlog().then((n) => backlogs.push(n)), 1000);
    const waits = waitStats ? sampleWaits(stack) : undefined;
    const answered = await load(warmup, total);
    const waitLines = (await waits?.stop()) ?? [];
    clearInterval(sampler);
    const sentSeconds = (performance.now() - start) / 1000;
    const atEnd = await backlog();
    const drainStart = performance.now();
    while ((await backlog()) > 0) await new Promise((r) => setTimeout(r, 100));
    const drainSeconds = (performance.now() - drainStart) / 1000;
    while ((await stack.standIn.acceptedCount()) < warmup + total) await new Promise((r) => setTimeout(r, 100));
    const allSentSeconds = (performance.now() - start) / 1000;
    const perBody = (s: number) => ((s * 1000) / total).toFixed(2);
    const wal = await walCounters();
    const cpu = {
      web: perBody(cpuSeconds(web) - cpu0.web),
      worker: perBody(cpuSeconds(worker) - cpu0.worker),
      pg: perBody(postgresCpuSeconds(stack.pgDataDir) - cpu0.pg),
      standIn: perBody(stack.standIn.cpuSeconds() - cpu0.standIn),
      meta: perBody(self() - cpu0.meta),
    };

    const ms = answered.map((a) => a.ms).sort((a, b) => a - b);
    const pct = (p: number) => ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))]!.toFixed(1);
    const refused = answered.filter((a) => a.status !== 200).length;
    console.log(
      `acks: p50 ${pct(50)} ms · p95 ${pct(95)} ms · p99 ${pct(99)} ms · max ${ms[ms.length - 1]!.toFixed(1)} ms · ` +
        `${(total / sentSeconds).toFixed(0)} req/s achieved · ${refused} not 200`,
    );
    console.log(
      `backlog each second: ${backlogs.join(' ')}; ${atEnd} bodies unprocessed when the load stopped, drained in ${drainSeconds.toFixed(1)} s; ` +
        `all ${total} questions at the stand-in after ${allSentSeconds.toFixed(1)} s`,
    );
    console.log(`CPU per webhook: web ${cpu.web} ms · worker ${cpu.worker} ms (run started, question sent) · Postgres ${cpu.pg} ms`);
    console.log(`  and outside Tandem, on the same cores: the load generator ${cpu.meta} ms, the Cloud API stand-in ${cpu.standIn} ms`);
    console.log(
      `Postgres per webhook: ${((wal.commits - wal0.commits) / total).toFixed(2)} commits · ${((wal.syncs - wal0.syncs) / total).toFixed(2)} WAL flushes · ` +
        `${((wal.bytes - wal0.bytes) / total / 1024).toFixed(1)} kB of WAL`,
    );
    if (pgStats) for (const line of await pgStatLines(stack, total)) console.log(`  ${line}`);
    for (const line of (await walParts?.stop(total)) ?? []) console.log(`  ${line}`);
    for (const line of waitLines) console.log(line);
    console.log(
      `RESULT ack_p50_ms=${pct(50)} ack_p99_ms=${pct(99)} rate=${(total / sentSeconds).toFixed(0)} refused=${refused} backlog_at_end=${atEnd} drain_s=${drainSeconds.toFixed(1)}`,
    );
    agent.destroy();
  } finally {
    await Promise.all(children.map(stop));
    await stack.close();
  }
}

/** CPU seconds (user + system) a child process used so far. */
const cpuSeconds = (child: ChildProcess) => processCpuSeconds(child.pid!);

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** One `messages` webhook from the bench number: an inbound "hello" from contact `n`. */
/** The `n`th contact's "hello", to the number it writes to. */
function webhookBody(n: number) {
  const from = String(4915100000000 + n);
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: benchPhoneNumberId(n % numbers) },
              contacts: [{ profile: { name: `Bench ${n}` }, wa_id: from }],
              messages: [{ from, id: `wamid.bench.${n}`, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: 'hello' } }],
            },
          },
        ],
      },
    ],
  };
}

await main();
