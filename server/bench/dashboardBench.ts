import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { dashboardQuerySchema } from '@tandem/shared/api';
import { dashboard } from '../src/services/dashboard';
import { sql } from 'drizzle-orm';
import { startBenchStack } from './stack';

/**
 * How long the dashboard takes on a busy workspace: R runs over 90 days in 10 journeys (two goals
 * each), 4 outbound messages and 1–2 inbound ones per run (priced and with statuses), a conversion
 * for one run in five, a handoff for one in twenty — written with generate_series, then the
 * dashboard of the last 30 days for the workspace and for one journey, by day and by week, each
 * asked 5 times (the first one cold). Prints the median and the slowest, in ms:
 *   RESULT runs=… messages=… workspace_ms=… journey_ms=…
 *   npx -y pnpm@10 bench:dashboard [runs=200000]
 */
const [runs = 200_000] = process.argv.slice(2).map(Number);
const DAY_S = 86_400;
const loads = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const journey = (i: number) => ({
  schemaVersion: 1,
  name: `Journey ${i + 1}`,
  settings: {
    goals: [
      { name: 'Qualified lead', kind: 'contact', condition: '"lead" in contact.tags' },
      { name: 'Purchase', event: 'order.paid' },
    ],
  },
  nodes: [
    { id: 'hi', type: 'trigger-message', position: { x: 0, y: 0 }, data: { match: 'keywords', keywords: [`hi${i}`] } },
    { id: 'ask', type: 'bot-question', position: { x: 0, y: 0 }, data: { prompt: { kind: 'text', text: 'Budget?' }, saveTo: { scope: 'vars', name: 'b' } } },
    { id: 'bye', type: 'end', position: { x: 0, y: 0 }, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'hi', sourceHandle: 'next', target: 'ask' },
    { id: 'e2', source: 'ask', sourceHandle: 'next', target: 'bye' },
  ],
});

async function main(): Promise<string> {
  const stack = await startBenchStack({ name: 'dashboard', port: 54395, concurrency: 2 });
  try {
    const { q, workspaceId } = stack;
    const flows: { flowId: string; versionId: number }[] = [];
    for (let i = 0; i < 10; i++) flows.push(await stack.publish(journey(i)));
    console.log(`dashboard benchmark: node ${process.version}, embedded Postgres 17, ${runs} runs over 90 days, load ${loads()}`);

    const seeded = performance.now();
    const flowIds = flows.map((f) => f.flowId);
    const versionIds = flows.map((f) => f.versionId);
    const contacts = Math.ceil(runs / 2);
    await q(
      `INSERT INTO contacts (workspace_id, wa_id, created_at) SELECT $1, (491500000000 + g)::text, now() - interval '90 days' FROM generate_series(1, $2) g`,
      [workspaceId, contacts],
    );
    const first = (await q<{ first: number }>('SELECT min(id)::int AS first FROM contacts WHERE workspace_id = $1', [workspaceId]))[0]!.first;
    // Run g: contact g mod C, journey g mod 10, started at a spread of the last 90 days.
    await q(
      `INSERT INTO runs (workspace_id, contact_id, flow_id, flow_version_id, status, current_node, step, snapshot, started_at, updated_at, ended_at)
       SELECT $1, $2 + (g % $3), ($4::text[])[1 + g % 10], ($5::bigint[])[1 + g % 10], CASE WHEN g % 7 = 0 THEN 'active' ELSE 'completed' END,
         'ask', 2, '{}'::jsonb, t, t, CASE WHEN g % 7 = 0 THEN NULL ELSE t + interval '10 minutes' END
       FROM generate_series(1, $6) g, LATERAL (SELECT now() - (g * 90.0 * ${DAY_S} / $6) * interval '1 second' AS t) x`,
      [workspaceId, first, contacts, flowIds, versionIds, runs],
    );
    await q(
      `INSERT INTO messages (workspace_id, contact_id, run_id, direction, wamid, type, content, status, status_rank, at, sent_at, updated_at, cost, cost_currency, pricing_category, billable)
       SELECT r.workspace_id, r.contact_id, r.id, 'out', 'wamid.b.' || r.id || '.' || k, CASE WHEN k = 0 THEN 'template' ELSE 'text' END, '{}'::jsonb,
         (ARRAY['sent', 'delivered', 'read', 'read'])[1 + (r.id + k) % 4], 3, r.started_at + k * interval '1 minute', r.started_at + k * interval '1 minute', now(),
         CASE WHEN k = 0 THEN 0.025 ELSE 0 END, 'USD', CASE WHEN k = 0 THEN 'marketing' ELSE 'service' END, k = 0
       FROM runs r, generate_series(0, 3) k WHERE r.workspace_id = $1`,
      [workspaceId],
    );
    await q(
      `INSERT INTO messages (workspace_id, contact_id, run_id, direction, wamid, type, content, status, status_rank, at, updated_at)
       SELECT r.workspace_id, r.contact_id, NULL, 'in', 'wamid.i.' || r.id || '.' || k, 'text', '{}'::jsonb, 'received', 0, r.started_at + (2 * k + 1) * interval '1 minute', now()
       FROM runs r, generate_series(0, 1) k WHERE r.workspace_id = $1 AND (k = 0 OR r.id % 2 = 0)`,
      [workspaceId],
    );
    await q(
      `INSERT INTO conversions (workspace_id, flow_id, flow_version_id, run_id, contact_id, goal, event, value, currency, credit, touches, at)
       SELECT r.workspace_id, r.flow_id, r.flow_version_id, r.id, r.contact_id, CASE WHEN (r.id / 50) % 2 = 0 THEN 'Purchase' ELSE 'Qualified lead' END, NULL,
         CASE WHEN (r.id / 50) % 2 = 0 THEN 40 END, 'USD', (ARRAY['bot', 'app', 'agent', 'bot'])[1 + r.id % 4], '[{"actor":"bot"}]'::jsonb, r.started_at + interval '1 hour'
       FROM runs r WHERE r.workspace_id = $1 AND (r.id / 10) % 5 = 0`,
      [workspaceId],
    );
    await q(
      `INSERT INTO handoffs (workspace_id, contact_id, run_id, team, status, opened_at, taken_at, released_at)
       SELECT r.workspace_id, r.contact_id, r.id, 'sales', 'released', r.started_at, r.started_at + interval '2 minutes', r.started_at + interval '12 minutes'
       FROM runs r WHERE r.workspace_id = $1 AND r.id % 20 = 0`,
      [workspaceId],
    );
    await q('ANALYZE');
    const messages = (await q<{ messages: number }>('SELECT count(*)::int AS messages FROM messages'))[0]!.messages;
    console.log(`seeded ${runs} runs, ${messages} messages in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

    const to = new Date();
    const from = new Date(to.getTime() - 30 * DAY_S * 1000);
    const ask = async (label: string, query: Record<string, string>) => {
      const parsed = dashboardQuerySchema.parse({ from: from.toISOString(), to: to.toISOString(), ...query });
      const times: number[] = [];
      let answer: Awaited<ReturnType<typeof dashboard>> | undefined;
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        answer = await dashboard(stack.database, workspaceId, parsed);
        times.push(performance.now() - t0);
      }
      const sorted = [...times].sort((a, b) => a - b);
      console.log(
        `${label.padEnd(30)} median ${sorted[2]!.toFixed(0)} ms, slowest ${sorted[4]!.toFixed(0)} ms · ${answer!.totals.runsStarted} runs, ${answer!.totals.conversions} conversions, ${answer!.series.length} points`,
      );
      return sorted[2]!;
    };
    if (process.env.BENCH_EXPLAIN === '1') {
      // The plan of the workspace's query, with where its time went.
      const plans: string[] = [];
      const explain = async (run: typeof stack.database.db, query: Parameters<typeof stack.database.db.execute>[0]) => {
        const r = await run.execute<{ 'QUERY PLAN': string }>(sql`EXPLAIN (ANALYZE, BUFFERS) ${query}`);
        plans.push(r.rows.map((row) => row['QUERY PLAN']).join('\n'));
        return { rows: [{ figures: null }] };
      };
      const explaining = {
        ...stack.database,
        db: {
          // Settings (SET LOCAL) run as they are; the figures' statement is explained.
          transaction: (fn: (tx: unknown) => Promise<unknown>) =>
            stack.database.db.transaction((tx) =>
              fn({
                execute: (query: Parameters<typeof tx.execute>[0]) =>
                  plans.length === 0 && settings++ === 0 ? tx.execute(query) : explain(tx as never, query),
              }),
            ),
        },
      } as unknown as typeof stack.database;
      let settings = 0;
      await dashboard(explaining, workspaceId, dashboardQuerySchema.parse({ from: from.toISOString(), to: to.toISOString() })).catch(() => undefined);
      console.log(plans.join('\n\n'));
    }
    const workspaceMs = await ask('workspace, 30 days by day', {});
    await ask('workspace, 30 days by week', { bucket: 'week' });
    const journeyMs = await ask('one journey, 30 days by day', { flowId: flows[0]!.flowId });
    return `RESULT runs=${runs} messages=${messages} workspace_ms=${workspaceMs.toFixed(0)} journey_ms=${journeyMs.toFixed(0)}`;
  } finally {
    await stack.close();
  }
}

main().then(
  (line) => {
    console.log(line);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
