import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { NotFoundError, ValidationError } from '@tandem/shared';
import type { z } from 'zod';
import type { analyticsSchema, funnelSchema } from '@tandem/shared/api';
import { loadFlow } from '@tandem/engine/compiler';
import type { Db } from '../db/database';
import { flowVersions } from '../db/schema';
import { loadFlowRow } from './flows';

type Analytics = z.infer<typeof analyticsSchema>;
type Funnel = z.infer<typeof funnelSchema>;
type VersionRow = typeof flowVersions.$inferSelect;

export interface Range {
  version?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * Per step of one version: how many times runs entered it and left by each output within the
 * range (from inclusive, to exclusive, on the step log's time), and how many runs wait there now
 * (whenever they arrived); and the runs started in the range by status and outcome. Every step
 * of the version is listed with its outputs, so steps nobody reached show zeros; and the version's
 * conversions in the range, by credit and currency. One query.
 */
export async function flowAnalytics(db: Db, workspaceId: string, flowId: string, range: Range): Promise<Analytics> {
  const version = await pickVersion(db, workspaceId, flowId, range.version);
  const empty: Analytics = {
    flowId,
    version: version?.version ?? null,
    from: range.from ?? null,
    to: range.to ?? null,
    runs: { started: 0, active: 0, completed: 0, outcomes: {} },
    nodes: {},
    conversions: { count: 0, revenue: {}, credit: { bot: 0, app: 0, agent: 0, none: 0 } },
  };
  if (!version) return empty;
  const nodes: Analytics['nodes'] = {};
  for (const [id, n] of loadFlow(version.document).flow?.nodes ?? [])
    nodes[id] = { entered: 0, waiting: 0, ports: Object.fromEntries((n.ports ?? []).map((p) => [p.id, 0])) };

  const r = await db.execute<{ part: 'step' | 'waiting' | 'runs' | 'conversions'; a: string | null; b: string | null; c: string | null; n: number }>(sql`
    WITH steps AS (
      SELECT node_id, kind, port, count(*)::int AS n FROM run_steps
      WHERE flow_version_id = ${version.id} AND kind IN ('enter', 'port') ${within(sql`at`, range)}
      GROUP BY node_id, kind, port
    ), waiting AS (
      SELECT current_node, count(*)::int AS n FROM runs
      WHERE flow_version_id = ${version.id} AND status = 'active'
      GROUP BY current_node
    ), started AS (
      SELECT status, outcome, count(*)::int AS n FROM runs
      WHERE flow_id = ${flowId} AND flow_version_id = ${version.id} ${within(sql`started_at`, range)}
      GROUP BY status, outcome
    ), converted AS (
      SELECT credit, currency, sum(value) AS value, count(*)::int AS n FROM conversions
      WHERE flow_version_id = ${version.id} ${within(sql`at`, range)}
      GROUP BY credit, currency
    )
    SELECT 'step' AS part, node_id AS a, kind AS b, port AS c, n FROM steps
    UNION ALL SELECT 'waiting', current_node, NULL, NULL, n FROM waiting
    UNION ALL SELECT 'runs', status, outcome, NULL, n FROM started
    UNION ALL SELECT 'conversions', credit, currency, value::text, n FROM converted`);

  const stats = (id: string) => (nodes[id] ??= { entered: 0, waiting: 0, ports: {} });
  const runs = empty.runs;
  for (const row of r.rows) {
    if (row.part === 'step' && row.a) {
      if (row.b === 'enter') stats(row.a).entered += row.n;
      else if (row.c) stats(row.a).ports[row.c] = (stats(row.a).ports[row.c] ?? 0) + row.n;
    } else if (row.part === 'waiting' && row.a) {
      stats(row.a).waiting += row.n;
    } else if (row.part === 'runs') {
      runs.started += row.n;
      if (row.a === 'active') runs.active += row.n;
      if (row.a === 'completed') runs.completed += row.n;
      if (row.b) runs.outcomes[row.b] = (runs.outcomes[row.b] ?? 0) + row.n;
    } else if (row.part === 'conversions') {
      const c = empty.conversions;
      c.count += row.n;
      if (isCredit(row.a)) c.credit[row.a] += row.n;
      if (row.b && row.c !== null) c.revenue[row.b] = (c.revenue[row.b] ?? 0) + Number(row.c);
    }
  }
  return { ...empty, runs, nodes };
}

/**
 * Of the version's runs that entered `fromNode` within the range, how many entered `toNode`
 * after that (at any time). The step log's ids order one run's steps, since they are written
 * under the contact's lock.
 */
export async function flowFunnel(db: Db, workspaceId: string, flowId: string, q: Range & { fromNode: string; toNode: string }): Promise<Funnel> {
  const version = await pickVersion(db, workspaceId, flowId, q.version);
  const none = { from: q.fromNode, to: q.toNode, enteredFrom: 0, reachedTo: 0, rate: 0 };
  if (!version) return none;
  const ids = new Set((loadFlow(version.document).flow?.nodes ?? new Map()).keys());
  const unknown = (['fromNode', 'toNode'] as const).filter((k) => !ids.has(q[k]));
  if (unknown.length) {
    throw new ValidationError(
      `Version ${version.version} has no such step`,
      unknown.map((k) => ({ path: [k], message: `No step "${q[k]}" in version ${version.version}` })),
      'unknown_step',
    );
  }
  const r = await db.execute<{ entered: number; reached: number }>(sql`
    WITH f AS (
      SELECT DISTINCT ON (run_id) run_id, id FROM run_steps
      WHERE flow_version_id = ${version.id} AND node_id = ${q.fromNode} AND kind = 'enter' ${within(sql`at`, q)}
      ORDER BY run_id, id
    )
    SELECT count(*)::int AS entered,
           count(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM run_steps s WHERE s.run_id = f.run_id AND s.id > f.id AND s.node_id = ${q.toNode} AND s.kind = 'enter'))::int AS reached
    FROM f`);
  const { entered, reached } = r.rows[0]!;
  return { ...none, enteredFrom: entered, reachedTo: reached, rate: entered === 0 ? 0 : reached / entered };
}

/** The asked version, else the live one, else the latest; null when the flow was never published. */
async function pickVersion(db: Db, workspaceId: string, flowId: string, version: number | undefined): Promise<VersionRow | null> {
  const flow = await loadFlowRow(db, workspaceId, flowId);
  const of = (cond: SQL | undefined) =>
    db
      .select()
      .from(flowVersions)
      .where(and(eq(flowVersions.flowId, flow.id), eq(flowVersions.test, false), cond))
      .orderBy(desc(flowVersions.version))
      .limit(1);
  if (version !== undefined) {
    const [v] = await of(eq(flowVersions.version, version));
    if (!v) throw new NotFoundError('Version');
    return v;
  }
  const [live] = flow.liveVersionId !== null ? await of(eq(flowVersions.id, flow.liveVersionId)) : [];
  const [latest] = live ? [live] : await of(undefined);
  return latest ?? null;
}

function isCredit(a: string | null): a is keyof Analytics['conversions']['credit'] {
  return a === 'bot' || a === 'app' || a === 'agent' || a === 'none';
}

function within(column: SQL, range: Range): SQL {
  return sql`${range.from ? sql`AND ${column} >= ${range.from}::timestamptz` : sql``} ${range.to ? sql`AND ${column} < ${range.to}::timestamptz` : sql``}`;
}
