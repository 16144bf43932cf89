import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { startCloudApiStandIn } from '@tandem/engine/whatsapp/stand-in';
import { readEnv } from '../src/config/env';
import { migrateDatabase, openDatabase } from '../src/db/database';
import { startEmbeddedPostgres } from '../src/db/embeddedPostgres';
import { createEngineDeps } from '../src/engineDeps';
import { createApp } from '../src/http/app';
import { SecretBox, generateKey } from '../src/security/secretBox';
import { createWorkspace } from '../src/services/workspaces';
import { signMetaBody } from '../src/webhooks';
import { startWorker } from '../src/worker/startWorker';

/**
 * Webhook acknowledgement under load: signed `messages` webhooks (one inbound text each, from
 * distinct contacts) POSTed to the real endpoint at a fixed rate over HTTP, with the worker
 * ingesting them behind in the same process. Prints ack latency (p50, p95, p99, max), the rate
 * achieved, refusals, the backlog at the end and how long it took to drain.
 *   npx -y pnpm@10 --filter @tandem/server bench:webhooks [rate=1000] [seconds=10] [concurrency=16]
 * The load generator shares the machine's cores with the server: its CPU counts against the figures.
 */
const [rate = 1_000, seconds = 10, concurrency = 16] = process.argv.slice(2).map(Number);
const PNID = '106540352242922';
const SECRET = 'bench-app-secret';

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-webhook-bench-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres(dir, 54394);
  const database = openDatabase(pg.url, concurrency + 20);
  const standIn = await startCloudApiStandIn({ tokens: { [PNID]: 'bench-token' } });
  try {
    await migrateDatabase(database);
    const secrets = new SecretBox(generateKey());
    await createWorkspace(database.db, secrets, { name: 'Bench', transport: 'cloud', phoneNumberId: PNID, accessToken: 'bench-token', coexistence: false });
    const env = readEnv({ DATABASE_URL: pg.url, WHATSAPP_APP_SECRET: SECRET, WHATSAPP_VERIFY_TOKEN: 'verify', LOG_LEVEL: 'silent' });
    const app = createApp({ database, secrets, env, logger: pino({ level: 'silent' }), ready: async () => true });
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    const port = (server.address() as AddressInfo).port;
    const deps = createEngineDeps(database.pool, secrets, { whatsappApiBaseUrl: standIn.url, whatsappApiVersion: 'v24.0' });
    const runner = await startWorker({ pool: database.pool, deps, concurrency, tasks: { allowPrivateNetworks: async () => false }, pollInterval: 200 });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
    const post = (n: number) =>
      new Promise<{ status: number; ms: number }>((resolve) => {
        const body = Buffer.from(JSON.stringify(webhookBody(n)));
        const t0 = performance.now();
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            path: '/webhooks/whatsapp',
            method: 'POST',
            agent,
            headers: { 'content-type': 'application/json', 'content-length': body.length, 'x-hub-signature-256': signMetaBody(body, SECRET) },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
          },
        );
        req.on('error', () => resolve({ status: 0, ms: performance.now() - t0 }));
        req.end(body);
      });
    const backlog = async () =>
      (await database.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM webhook_events WHERE processed_at IS NULL`)).rows[0]!.n;

    console.log(`webhook benchmark: node ${process.version}, ${rate} req/s for ${seconds} s, worker concurrency ${concurrency}, embedded Postgres 17`);
    const results: Promise<{ status: number; ms: number }>[] = [];
    const total = rate * seconds;
    const start = performance.now();
    // Requests go out on schedule (every 1000/rate ms), whether or not earlier ones were answered.
    for (let n = 0; n < total; n++) {
      const due = start + (n * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      results.push(post(n));
    }
    const answered = await Promise.all(results);
    const sentSeconds = (performance.now() - start) / 1000;
    const atEnd = await backlog();
    const drainStart = performance.now();
    while ((await backlog()) > 0) await new Promise((r) => setTimeout(r, 100));
    const drainSeconds = (performance.now() - drainStart) / 1000;
    const ms = answered.map((a) => a.ms).sort((a, b) => a - b);
    const pct = (p: number) => ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))]!.toFixed(1);
    const refused = answered.filter((a) => a.status !== 200).length;
    console.log(
      `acks: p50 ${pct(50)} ms · p95 ${pct(95)} ms · p99 ${pct(99)} ms · max ${ms[ms.length - 1]!.toFixed(1)} ms · ` +
        `${(total / sentSeconds).toFixed(0)} req/s achieved · ${refused} not 200`,
    );
    console.log(
      `backlog: ${atEnd} bodies unprocessed when the load stopped, drained in ${drainSeconds.toFixed(1)} s (${(total / (sentSeconds + drainSeconds)).toFixed(0)} bodies/s overall)`,
    );
    console.log(
      `RESULT ack_p50_ms=${pct(50)} ack_p99_ms=${pct(99)} rate=${(total / sentSeconds).toFixed(0)} refused=${refused} backlog_at_end=${atEnd} drain_s=${drainSeconds.toFixed(1)}`,
    );
    agent.destroy();
    await runner.stop();
    await new Promise((r) => server.close(r));
  } finally {
    await standIn.close();
    await database.close();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One `messages` webhook from the bench number: an inbound text from contact `n`. */
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
              metadata: { display_phone_number: '15550783881', phone_number_id: PNID },
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
