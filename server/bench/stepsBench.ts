import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { INBOX_CHANNEL } from '../src/store/outbox';
import { startWindow, statementsPerStep } from './measure';
import { referenceDir, runReference, type ReferenceResult } from './reference';
import { startProfile } from './profile';
import { drained as allDone, benchPhoneNumberId, startBenchStack } from './stack';

/**
 * Durable contact-steps per second on the path "webhook body stored → parsed and routed →
 * transition → send issued to the Cloud API stand-in → result recorded and the run moved on", on
 * a real (embedded) Postgres and graphile-worker, first with an empty
 * database, then with 100,000 runs parked in waits; with node and Postgres CPU ms and database
 * round trips per step. Then the naive reference design (`../shared/perf-reference`, or
 * `TANDEM_PERF_REFERENCE`) runs with the same contacts and concurrency, and the last line compares:
 *   RESULT steps_per_s=… cpu_ms_per_step=… pg_cpu_ms_per_step=… round_trips_per_step=… reference_steps_per_s=… ratio=…
 *   npx -y pnpm@10 bench:steps [contacts=2000] [parked=100000] [concurrency=16]
 * BENCH_ROUNDS=<n> (default 3) measures Tandem and the reference in turn n times, each round with
 * new contacts, and reports the medians: the box's speed drifts by half between minutes (the same
 * code measured 0.95–1.6 ms a step within an hour), and alternating rounds lets drift hit both.
 * BENCH_QUERIES=1 also lists the statements each step runs, most frequent first; BENCH_PGSTAT=1 what
 * Postgres spent executing each (pg_stat_statements); BENCH_PROFILE=<path> writes a CPU profile of
 * the measured window (open it in Chrome DevTools) and prints where node's time went.
 */
const [contacts = 2_000, parked = 100_000, concurrency = 16, numbers = 4] = process.argv.slice(2).map(Number);

const flow = {
  schemaVersion: 1,
  name: 'Name capture',
  settings: { reentry: 'always' },
  nodes: [
    { id: 'hi', type: 'trigger-message', position: { x: 0, y: 0 }, data: { match: 'keywords', keywords: ['hi'] } },
    {
      id: 'ask',
      type: 'bot-question',
      position: { x: 0, y: 0 },
      data: { prompt: { kind: 'text', text: 'What is your name?' }, saveTo: { scope: 'vars', name: 'name' }, timeout: { amount: 1, unit: 'days' } },
    },
    { id: 'thanks', type: 'send-message', position: { x: 0, y: 0 }, data: { message: { kind: 'text', text: 'Thanks, {{vars.name}}!' } } },
    { id: 'done', type: 'end', position: { x: 0, y: 0 }, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'hi', sourceHandle: 'next', target: 'ask' },
    { id: 'e2', source: 'ask', sourceHandle: 'next', target: 'thanks' },
    { id: 'e3', source: 'thanks', sourceHandle: 'next', target: 'done' },
  ],
};

const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));

interface Figures {
  stepsPerSec: number;
  nodeCpuMsPerStep: number;
  pgCpuMsPerStep: number;
  roundTripsPerStep: number;
}
/** Each round's replies for Tandem and the reference's result right after it (undefined when it could not run). */
const measured: { tandem: Figures; reference: ReferenceResult | undefined }[] = [];

async function main() {
  const pgStats = process.env.BENCH_PGSTAT === '1';
  const stack = await startBenchStack({ name: 'steps', port: 54391, concurrency, pgStats, numbers });
  const { pgDataDir, standIn, workspaceId, q } = stack;
  try {
    const { flowId } = await stack.publish(flow);
    for (const other of stack.workspaceIds.slice(1)) await stack.publish(flow, other);
    await stack.startWorker();
    // Inbound replies enter as Meta delivers them: one signed webhook body per message, stored in the
    // inbox as the webhook endpoint stores it (one deduplicating insert and a NOTIFY per body).
    // Contact n writes to number n mod `numbers` (one number sends at most 1,000 messages a second).
    const inbound = (offset: number, count: number, text: string, kind: string) =>
      q(
        `WITH b AS (
           SELECT json_build_object('object', 'whatsapp_business_account', 'entry', json_build_array(json_build_object('id', '102290129340398',
             'changes', json_build_array(json_build_object('field', 'messages', 'value', json_build_object(
               'messaging_product', 'whatsapp',
               'metadata', json_build_object('display_phone_number', '15550783881', 'phone_number_id', ($1::bigint + n % $6)::text),
               'contacts', json_build_array(json_build_object('profile', json_build_object('name', 'Ada'), 'wa_id', ($2::bigint + n)::text)),
               'messages', json_build_array(json_build_object('from', ($2::bigint + n)::text, 'id', 'wamid.' || $5 || '.' || n,
                 'timestamp', extract(epoch FROM now())::bigint::text, 'type', 'text', 'text', json_build_object('body', $3::text)))))))))::text AS body
           FROM generate_series(1, $4) n
         ), e AS (
           INSERT INTO webhook_events (source, sha256, body) SELECT 'whatsapp', sha256(convert_to(body, 'UTF8')), body FROM b ON CONFLICT (sha256) DO NOTHING RETURNING id
         )
         SELECT count(*), pg_notify('${INBOX_CHANNEL}', '') FROM e`,
        [benchPhoneNumberId(0), offset, text, count, kind, numbers],
      );
    const sentCount = () => standIn.acceptedCount();
    const waitSends = async (target: number) => {
      while ((await sentCount()) < target) await new Promise((r) => setTimeout(r, 20));
    };

    const drained = () => allDone(stack);

    /** Runs `work` inside a measuring window (with a CPU profile under BENCH_PROFILE) and prints its figures per contact-step. */
    const timed = async (label: string, what: string, profileName: string, work: () => Promise<void>) => {
      await q('VACUUM ANALYZE graphile_worker._private_jobs, runs, contacts, messages, run_steps, webhook_events');
      if (pgStats) await q('CREATE EXTENSION IF NOT EXISTS pg_stat_statements').then(() => q('SELECT pg_stat_statements_reset()'));
      const profile = process.env.BENCH_PROFILE ? await startProfile() : undefined;
      const standIn0 = standIn.cpuSeconds();
      const window = startWindow(pgDataDir);
      const t0 = performance.now();
      await work();
      const seconds = (performance.now() - t0) / 1000;
      await drained();
      const m = window.end(contacts);
      const standInMs = ((standIn.cpuSeconds() - standIn0) * 1000) / contacts;
      if (profile) console.log(`  CPU profile of the window: ${await profile.stop(`${process.env.BENCH_PROFILE}.${profileName}.cpuprofile`)}`);
      const stepsPerSec = contacts / seconds;
      console.log(
        `${label.padEnd(30)} ${contacts} ${what} in ${seconds.toFixed(2)} s → ${stepsPerSec.toFixed(0)} contact-steps/s · ` +
          `CPU ${(m.nodeCpuMsPerStep + m.pgCpuMsPerStep).toFixed(2)} ms/step (node ${m.nodeCpuMsPerStep.toFixed(2)}, Postgres ${m.pgCpuMsPerStep.toFixed(2)}; ` +
          `the stand-in, in its own process, ${standInMs.toFixed(2)}) · ${m.roundTripsPerStep.toFixed(1)} round trips/step · load ${m.loadavg}`,
      );
      for (const line of statementsPerStep(contacts)) console.log(`  ${line}`);
      if (pgStats) {
        const top = await q<{ calls: number; ms: number; query: string }>(
          `SELECT calls::float AS calls, total_exec_time AS ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS query
           FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC LIMIT 15`,
        );
        console.log('  Postgres execution time per step (pg_stat_statements, nested statements included):');
        for (const t of top) console.log(`  ${(t.ms / contacts).toFixed(3).padStart(7)} ms  ${(t.calls / contacts).toFixed(2).padStart(5)}×  ${t.query}`);
      }
      return { stepsPerSec, ...m };
    };

    /**
     * Two steps per contact. First a new conversation: a contact never seen writes "hi", is created,
     * its run starts and the question goes out. Then the measured step the RESULT line reports (the
     * naive reference's step, a run moved on): every contact answers, the answer is saved and the
     * thanks goes out. Each window ends when the last send's result is recorded.
     */
    const measure = async (label: string, offset: number) => {
      const base = await sentCount();
      await timed(`${label}: new conversations`, 'first messages', `${offset}.start`, async () => {
        await inbound(offset, contacts, 'hi', `hi${offset}`);
        await waitSends(base + contacts);
      });
      return timed(`${label}: replies`, 'replies', String(offset), async () => {
        await inbound(offset, contacts, 'Ada', `name${offset}`);
        await waitSends(base + 2 * contacts);
      });
    };

    /**
     * Each send brings back three status webhooks (sent, delivered, read), one body each as Meta
     * sends them: all the window's sends' statuses enter the inbox at once; the window ends when
     * every message reads `read`.
     */
    const statuses = async () => {
      // Each status comes from the number that sent the message, addressed to the contact it went to.
      const sent = await q<{ wamid: string; pnid: string; wa_id: string }>(
        `SELECT m.wamid, w.phone_number_id AS pnid, c.wa_id FROM messages m JOIN workspaces w ON w.id = m.workspace_id JOIN contacts c ON c.id = m.contact_id
         WHERE m.direction = 'out' AND m.status = 'sent' AND m.wamid IS NOT NULL`,
      );
      const wamids = sent.map((r) => r.wamid);
      const window = startWindow(pgDataDir);
      const t0 = performance.now();
      await q(
        `WITH b AS (
           SELECT json_build_object('object', 'whatsapp_business_account', 'entry', json_build_array(json_build_object('id', '102290129340398',
             'changes', json_build_array(json_build_object('field', 'messages', 'value', json_build_object(
               'messaging_product', 'whatsapp',
               'metadata', json_build_object('display_phone_number', '15550783881', 'phone_number_id', w.pnid),
               'statuses', json_build_array(json_build_object('id', w.wamid, 'status', s.status, 'timestamp', (extract(epoch FROM now())::bigint + s.n)::text,
                 'recipient_id', w.wa_id))))))))::text AS body, s.n, w.n AS m
           FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS w(wamid, pnid, wa_id, n) CROSS JOIN (VALUES ('sent', 0), ('delivered', 1), ('read', 2)) AS s(status, n)
         ), e AS (
           INSERT INTO webhook_events (source, sha256, body) SELECT 'whatsapp', sha256(convert_to(body, 'UTF8')), body FROM b ORDER BY n, m
           ON CONFLICT (sha256) DO NOTHING RETURNING id
         )
         SELECT count(*), pg_notify('${INBOX_CHANNEL}', '') FROM e`,
        [wamids, sent.map((r) => r.pnid), sent.map((r) => r.wa_id)],
      );
      const unread = async () =>
        (await q<{ n: number }>(`SELECT count(*)::int AS n FROM messages WHERE direction = 'out' AND wamid = ANY($1) AND status <> 'read'`, [wamids]))[0]!.n;
      while ((await unread()) > 0) await new Promise((r) => setTimeout(r, 20));
      const seconds = (performance.now() - t0) / 1000;
      const m = window.end(3 * wamids.length);
      console.log(
        `${'status webhooks, 3 per send'.padEnd(30)} ${3 * wamids.length} bodies in ${seconds.toFixed(2)} s → ${((3 * wamids.length) / seconds).toFixed(0)} statuses/s · ` +
          `CPU ${(m.nodeCpuMsPerStep + m.pgCpuMsPerStep).toFixed(2)} ms/status (node ${m.nodeCpuMsPerStep.toFixed(2)}, Postgres ${m.pgCpuMsPerStep.toFixed(2)}) · ` +
          `${m.roundTripsPerStep.toFixed(2)} round trips/status`,
      );
    };

    console.log(
      `steps benchmark: node ${process.version}, worker concurrency ${concurrency}, embedded Postgres 17, ${numbers} numbers (contacts spread over them)`,
    );
    for (let round = 1; round <= rounds; round++) {
      const label = rounds > 1 ? `Tandem, round ${round}` : 'Tandem, empty db';
      const tandem = await measure(label, 491_000_000_000 + (round - 1) * 10_000_000);
      measured.push({ tandem, reference: reference(round) });
    }
    await statuses();
    if (parked > 0) {
      const t0 = performance.now();
      const [sample] = await q<{ snapshot: unknown; flow_version_id: number }>(
        `SELECT snapshot, flow_version_id FROM runs WHERE current_node = 'done' LIMIT 1`,
      );
      await q(
        `WITH c AS (
           INSERT INTO contacts (workspace_id, wa_id, phone) SELECT $1, (492000000000 + n)::text, '+' || (492000000000 + n)::text FROM generate_series(1, $2) n RETURNING id
         ), r AS (
           INSERT INTO runs (workspace_id, contact_id, flow_id, flow_version_id, status, current_node, waiting_for, step, snapshot, started_at)
           SELECT $1, c.id, $3, $4, 'active', 'ask', 'reply', 2, $5::jsonb, now() FROM c RETURNING id, contact_id
         )
         INSERT INTO timers (run_id, kind, node_id, step, contact_id, workspace_id, fire_at)
         SELECT r.id, 'timeout', 'ask', 2, r.contact_id, $1, now() + interval '7 days' FROM r`,
        [workspaceId, parked, flowId, sample!.flow_version_id, JSON.stringify(sample!.snapshot)],
      );
      await q('ANALYZE');
      console.log(`parked ${parked} runs waiting (with timers) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      await measure(`Tandem, ${parked / 1000}k parked`, 493_000_000_000);
    }
  } finally {
    await stack.close();
  }
}

await main();
report();

/** The naive reference with the same contacts and concurrency, printed as one line; undefined when it is not found or fails. */
function reference(round: number): ReferenceResult | undefined {
  const dir = referenceDir(join(import.meta.dirname, '..', '..'));
  if (!dir) {
    if (round === 1) console.log('naive reference: not found (set TANDEM_PERF_REFERENCE to ../shared/perf-reference); ratio left out');
    return undefined;
  }
  try {
    const r = runReference(dir, contacts, concurrency, 54392);
    const cpu = r.nodeCpuMsPerStep + r.pgCpuMsPerStep;
    console.log(
      `${(rounds > 1 ? `naive reference, round ${round}` : 'naive reference (same run)').padEnd(30)} ${contacts} replies → ${r.stepsPerSec} contact-steps/s · CPU ${cpu.toFixed(2)} ms/step ` +
        `(node ${r.nodeCpuMsPerStep.toFixed(2)}, Postgres ${r.pgCpuMsPerStep.toFixed(2)}) · ${r.roundTripsPerStep.toFixed(1)} round trips/step · load ${r.loadavg}`,
    );
    return r;
  } catch (error) {
    console.log(`naive reference: ${error instanceof Error ? error.message : String(error)}; ratio left out for round ${round}`);
    return undefined;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The medians over the rounds (each with its range), then one line for scripts. */
function report(): void {
  if (measured.length === 0) return;
  const f = (n: number, digits = 2) => n.toFixed(digits);
  const of = (pick: (m: Figures) => number) => measured.map((m) => pick(m.tandem));
  const range = (values: number[], digits: number) => (values.length > 1 ? ` (${f(Math.min(...values), digits)}–${f(Math.max(...values), digits)})` : '');
  const steps = of((m) => m.stepsPerSec);
  const cpu = of((m) => m.nodeCpuMsPerStep + m.pgCpuMsPerStep);
  const pgCpu = of((m) => m.pgCpuMsPerStep);
  const trips = of((m) => m.roundTripsPerStep);
  const paired = measured.filter((m) => m.reference);
  const refSteps = paired.map((m) => m.reference!.stepsPerSec);
  const refCpu = paired.map((m) => m.reference!.nodeCpuMsPerStep + m.reference!.pgCpuMsPerStep);
  // Each round's ratio is Tandem against the reference measured right after it, on the box as it was then.
  const ratios = paired.map((m) => m.tandem.stepsPerSec / m.reference!.stepsPerSec);
  if (measured.length > 1)
    console.log(
      `median of ${measured.length} rounds, replies: Tandem ${f(median(steps), 0)} contact-steps/s${range(steps, 0)}, CPU ${f(median(cpu))} ms/step${range(cpu, 2)} ` +
        `(Postgres ${f(median(pgCpu))}), ${f(median(trips), 1)} round trips/step` +
        (paired.length
          ? ` · reference ${f(median(refSteps), 0)}/s${range(refSteps, 0)}, CPU ${f(median(refCpu))} ms/step · ratio ${f(median(ratios))}${range(ratios, 2)}`
          : ''),
    );
  console.log(
    `RESULT steps_per_s=${f(median(steps), 0)} cpu_ms_per_step=${f(median(cpu))} pg_cpu_ms_per_step=${f(median(pgCpu))} round_trips_per_step=${f(median(trips), 1)} ` +
      `reference_steps_per_s=${paired.length ? f(median(refSteps), 0) : 'NA'} ratio=${paired.length ? f(median(ratios)) : 'NA'}`,
  );
}
