import { sql, type SQL } from 'drizzle-orm';
import { NotFoundError } from '@tandem/shared';
import type { Dashboard, DashboardGoal, DashboardQuery } from '@tandem/shared/api';
import { buildGraph, loadFlow } from '@tandem/engine/compiler';
import type { Database } from '../db/database';
import { workspaceRates } from './workspaceRates';

type Totals = Dashboard['totals'];

/**
 * The dashboard's KPIs over [from, to) for the workspace or one journey (all its versions; an
 * unknown or archived journey is a NotFoundError). Runs of the simulator's test versions are left
 * out. Money is in the workspace rate table's currency. Two round trips: the rates and the journey
 * (in parallel), then every figure in one query.
 */
export async function dashboard(database: Pick<Database, 'db' | 'pool'>, workspaceId: string, query: DashboardQuery): Promise<Dashboard> {
  const [rates, journey] = await Promise.all([
    workspaceRates(database.pool, workspaceId),
    query.flowId ? journeyDocument(database, workspaceId, query.flowId) : Promise.resolve(null),
  ]);
  const figures = await dashboardFigures(database, workspaceId, query, rates.currency);
  return {
    from: new Date(query.from).toISOString(),
    to: new Date(query.to).toISOString(),
    flowId: query.flowId ?? null,
    bucket: query.bucket,
    currency: rates.currency,
    totals: totalsOf(figures),
    series: figures.series.map((p) => ({ ...p, revenue: money(p.revenue), cost: money(p.cost) })),
    funnel: journey ? funnelOf(journey, figures.entered) : [],
    flows: figures.flows.map((f) => ({ ...f, revenue: money(f.revenue), cost: money(f.cost) })),
    goals: figures.goals.map(goalOf),
  };
}

/** What the one query answers: JSON columns, parsed by the driver. */
interface Figures {
  runs: { started: number; completed: number };
  conv: { count: number; revenue: number; bot: number; app: number; agent: number; none: number; assisted: number; firstHumanMs: number | null };
  otherRevenue: Record<string, number>;
  msgs: { sent: number; delivered: number; read: number; replied: number; failed: number; cost: number; closedTemplates: number; reopened: number };
  closed: { runs: number; bot: number };
  hand: { opened: number; handleMs: number | null };
  series: Dashboard['series'];
  flows: Dashboard['flows'];
  goals: GoalFigures[];
  entered: Record<string, number>;
}

type GoalFigures = Pick<DashboardGoal, 'goal' | 'runsStarted' | 'conversions' | 'revenue' | 'cost'> & DashboardGoal['credit'];

/**
 * Every figure in one query. A message's time is when it went out (`sent_at`, else when it was
 * written); outbound messages that went out are sent/delivered/read/played, `failed` ones are
 * counted apart. Buckets are UTC days or ISO weeks. A goal's journeys (`goal_flows`) are those whose
 * live version, else latest published one, names it in `settings.goals`, and those that converted
 * on it in the period; messages outside any run count in no goal's cost.
 */
async function dashboardFigures(database: Pick<Database, 'db'>, workspaceId: string, q: DashboardQuery, currency: string): Promise<Figures> {
  const flowId = q.flowId ?? null;
  const ofFlow = (column: SQL) => (flowId ? sql`AND ${column} = ${flowId}` : sql``);
  const bucketOf = (column: SQL) => sql`date_trunc(${q.bucket}, ${column} AT TIME ZONE 'UTC')`;
  const notTest = (column: SQL) => sql`NOT EXISTS (SELECT 1 FROM flow_versions v WHERE v.id = ${column} AND v.test)`;
  const went = sql`m.status IN ('sent', 'delivered', 'read', 'played')`;
  const inbound = (window: SQL) => sql`EXISTS (SELECT 1 FROM messages i WHERE i.contact_id = m.contact_id AND i.direction = 'in' AND ${window})`;

  const r = await database.db.execute<{ figures: Figures }>(sql`
    WITH p AS (
      SELECT ${q.from}::timestamptz AS lo, ${q.to}::timestamptz AS hi, now() + w.clock_offset_ms * interval '1 millisecond' AS now
      FROM workspaces w WHERE w.id = ${workspaceId}
    ), buckets AS (
      SELECT k FROM p, generate_series(${bucketOf(sql`p.lo`)}, p.hi AT TIME ZONE 'UTC', ${`1 ${q.bucket}`}::interval) AS k
      WHERE k < p.hi AT TIME ZONE 'UTC'
    ), scope AS NOT MATERIALIZED (
      SELECT r.* FROM runs r WHERE r.workspace_id = ${workspaceId} ${ofFlow(sql`r.flow_id`)} AND ${notTest(sql`r.flow_version_id`)}
    ), started AS (
      SELECT r.flow_id, r.status, ${bucketOf(sql`r.started_at`)} AS k FROM scope r, p WHERE r.started_at >= p.lo AND r.started_at < p.hi
    ), conv AS (
      SELECT c.run_id, c.flow_id, c.goal, c.credit, c.touches, c.first_human_response_ms, c.value, c.currency,
        c.value IS NOT NULL AND COALESCE(c.currency, ${currency}) = ${currency} AS ours, ${bucketOf(sql`c.at`)} AS k
      FROM conversions c, p
      WHERE c.workspace_id = ${workspaceId} ${ofFlow(sql`c.flow_id`)} AND c.at >= p.lo AND c.at < p.hi AND ${notTest(sql`c.flow_version_id`)}
    ), msg AS (
      SELECT r.flow_id, ${bucketOf(sql`t.at`)} AS k,
        ${went} AS sent,
        m.status IN ('delivered', 'read', 'played') AS delivered,
        m.status IN ('read', 'played') AS read,
        m.status = 'failed' AS failed,
        ${went} AND ${inbound(sql`i.at > t.at AND i.at <= t.at + interval '24 hours'`)} AS replied,
        ${went} AND m.type = 'template' AND NOT ${inbound(sql`i.at > t.at - interval '24 hours' AND i.at <= t.at`)} AS closed_template,
        CASE WHEN m.cost_currency = ${currency} THEN m.cost ELSE 0 END AS cost
      FROM messages m CROSS JOIN LATERAL (SELECT COALESCE(m.sent_at, m.at) AS at) t LEFT JOIN scope r ON r.id = m.run_id, p
      WHERE m.workspace_id = ${workspaceId} AND m.direction = 'out' AND (${went} OR m.status = 'failed')
        AND t.at >= p.lo AND t.at < p.hi AND ${flowId ? sql`r.id IS NOT NULL` : sql`(m.run_id IS NULL OR r.id IS NOT NULL)`}
    ), closed AS (
      SELECT r.id, r.contact_id, r.started_at, CASE WHEN r.status = 'active' THEN p.now ELSE COALESCE(r.ended_at, r.updated_at) END AS until
      FROM scope r, p
      WHERE (r.status <> 'active' AND COALESCE(r.ended_at, r.updated_at) >= p.lo AND COALESCE(r.ended_at, r.updated_at) < p.hi)
         OR r.id IN (SELECT run_id FROM conv)
    ), hand AS (
      SELECT h.opened_at >= p.lo AND h.opened_at < p.hi AS opened,
        CASE WHEN h.released_at >= p.lo AND h.released_at < p.hi THEN extract(epoch FROM h.released_at - COALESCE(h.taken_at, h.opened_at)) * 1000 END AS handle_ms
      FROM handoffs h, p
      WHERE h.workspace_id = ${workspaceId} ${flowId ? sql`AND h.run_id IN (SELECT id FROM scope)` : sql``}
    ), steps AS (
      SELECT s.node_id, count(*)::int AS n FROM run_steps s, p
      WHERE ${flowId ? sql`s.flow_version_id IN (SELECT id FROM flow_versions WHERE flow_id = ${flowId} AND NOT test)` : sql`false`}
        AND s.kind = 'enter' AND s.at >= p.lo AND s.at < p.hi AND s.node_id IS NOT NULL
      GROUP BY s.node_id
    ), lines AS (
      SELECT f.id AS "flowId", f.name, COALESCE(s.n, 0) AS "runsStarted", COALESCE(c.n, 0) AS conversions,
        COALESCE(c.revenue, 0) AS revenue, COALESCE(m.cost, 0) AS cost
      FROM flows f
      LEFT JOIN (SELECT flow_id, count(*)::int AS n FROM started GROUP BY flow_id) s ON s.flow_id = f.id
      LEFT JOIN (SELECT flow_id, count(*)::int AS n, sum(value) FILTER (WHERE ours) AS revenue FROM conv GROUP BY flow_id) c ON c.flow_id = f.id
      LEFT JOIN (SELECT flow_id, sum(cost) AS cost FROM msg GROUP BY flow_id) m ON m.flow_id = f.id
      WHERE f.workspace_id = ${workspaceId} AND ${flowId ? sql`f.id = ${flowId}` : sql`s.n > 0`}
    ), goal_flows AS (
      SELECT f.id AS flow_id, g.name #>> '{}' AS goal
      FROM flows f
      CROSS JOIN LATERAL (SELECT COALESCE(
        (SELECT v.document FROM flow_versions v WHERE v.id = f.live_version_id),
        (SELECT v.document FROM flow_versions v WHERE v.flow_id = f.id AND NOT v.test ORDER BY v.version DESC LIMIT 1)) AS document) d
      CROSS JOIN LATERAL jsonb_path_query(d.document, 'lax $.settings.goals[*].name') AS g(name)
      WHERE f.workspace_id = ${workspaceId} ${ofFlow(sql`f.id`)} AND jsonb_typeof(g.name) = 'string'
      UNION
      SELECT flow_id, goal FROM conv
    ), goal_lines AS (
      SELECT g.goal, g."runsStarted", COALESCE(c.n, 0) AS conversions, COALESCE(c.revenue, 0) AS revenue, g.cost,
        COALESCE(c.bot, 0) AS bot, COALESCE(c.app, 0) AS app, COALESCE(c.agent, 0) AS agent, COALESCE(c.none, 0) AS none
      FROM (
        SELECT x.goal, COALESCE(sum(s.n), 0)::int AS "runsStarted", COALESCE(sum(m.cost), 0) AS cost
        FROM goal_flows x
        LEFT JOIN (SELECT flow_id, count(*)::int AS n FROM started GROUP BY flow_id) s USING (flow_id)
        LEFT JOIN (SELECT flow_id, sum(cost) AS cost FROM msg WHERE flow_id IS NOT NULL GROUP BY flow_id) m USING (flow_id)
        GROUP BY x.goal
      ) g
      LEFT JOIN (SELECT goal, count(*)::int AS n, sum(value) FILTER (WHERE ours) AS revenue,
                   count(*) FILTER (WHERE credit = 'bot')::int AS bot, count(*) FILTER (WHERE credit = 'app')::int AS app,
                   count(*) FILTER (WHERE credit = 'agent')::int AS agent, count(*) FILTER (WHERE credit = 'none')::int AS none
                 FROM conv GROUP BY goal) c USING (goal)
      WHERE c.n > 0 OR g."runsStarted" > 0
    ), points AS (
      SELECT to_char(b.k, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, b.k,
        COALESCE(s.n, 0) AS "runsStarted", COALESCE(c.n, 0) AS conversions, COALESCE(c.revenue, 0) AS revenue,
        COALESCE(m.cost, 0) AS cost, COALESCE(m.sent, 0) AS sent, COALESCE(m.read, 0) AS read, COALESCE(m.replied, 0) AS replied
      FROM buckets b
      LEFT JOIN (SELECT k, count(*)::int AS n FROM started GROUP BY k) s USING (k)
      LEFT JOIN (SELECT k, count(*)::int AS n, sum(value) FILTER (WHERE ours) AS revenue FROM conv GROUP BY k) c USING (k)
      LEFT JOIN (SELECT k, sum(cost) AS cost, count(*) FILTER (WHERE sent)::int AS sent, count(*) FILTER (WHERE read)::int AS read,
                   count(*) FILTER (WHERE replied)::int AS replied FROM msg GROUP BY k) m USING (k)
    )
    SELECT json_build_object(
      'runs', (SELECT json_build_object('started', count(*), 'completed', count(*) FILTER (WHERE status = 'completed')) FROM started),
      'conv', (SELECT json_build_object(
          'count', count(*), 'revenue', COALESCE(sum(value) FILTER (WHERE ours), 0),
          'bot', count(*) FILTER (WHERE credit = 'bot'), 'app', count(*) FILTER (WHERE credit = 'app'),
          'agent', count(*) FILTER (WHERE credit = 'agent'), 'none', count(*) FILTER (WHERE credit = 'none'),
          'assisted', count(*) FILTER (WHERE touches @> '[{"actor":"app"}]' OR touches @> '[{"actor":"agent"}]'),
          'firstHumanMs', percentile_cont(0.5) WITHIN GROUP (ORDER BY first_human_response_ms::float8)) FROM conv),
      'otherRevenue', (SELECT COALESCE(json_object_agg(currency, v), '{}') FROM (
          SELECT currency, sum(value) AS v FROM conv WHERE NOT ours AND value IS NOT NULL GROUP BY currency) x),
      'msgs', (SELECT json_build_object(
          'sent', count(*) FILTER (WHERE sent), 'delivered', count(*) FILTER (WHERE delivered), 'read', count(*) FILTER (WHERE read),
          'replied', count(*) FILTER (WHERE replied), 'failed', count(*) FILTER (WHERE failed), 'cost', COALESCE(sum(cost), 0),
          'closedTemplates', count(*) FILTER (WHERE closed_template), 'reopened', count(*) FILTER (WHERE closed_template AND replied)) FROM msg),
      'closed', (SELECT json_build_object('runs', count(*), 'bot', count(*) FILTER (WHERE
          NOT EXISTS (SELECT 1 FROM handoffs h WHERE h.run_id = c.id)
          AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.contact_id = c.contact_id
            AND (m.direction = 'echo' OR (m.direction = 'out' AND m.purpose = 'agent'))
            -- m.at (never after sent_at) bounds the index range; a person's message goes out within the hour it is written.
            AND m.at >= c.started_at - interval '1 hour' AND m.at <= c.until
            AND COALESCE(m.sent_at, m.at) >= c.started_at AND COALESCE(m.sent_at, m.at) <= c.until))) FROM closed c),
      'hand', (SELECT json_build_object('opened', count(*) FILTER (WHERE opened), 'handleMs', percentile_cont(0.5) WITHIN GROUP (ORDER BY handle_ms::float8)) FROM hand),
      'series', (SELECT COALESCE(json_agg(to_jsonb(x) - 'k' ORDER BY x.k), '[]') FROM points x),
      'flows', (SELECT COALESCE(json_agg(to_jsonb(l) ORDER BY l."runsStarted" DESC, l.name, l."flowId"), '[]') FROM lines l),
      'goals', (SELECT COALESCE(json_agg(to_jsonb(g) ORDER BY g.conversions DESC, g.goal), '[]') FROM goal_lines g),
      'entered', (SELECT COALESCE(json_object_agg(node_id, n), '{}') FROM steps)
    ) AS figures`);
  return r.rows[0]!.figures;
}

/** The totals from the figures: rates are null when there is nothing to divide by. */
function totalsOf(f: Figures): Totals {
  const revenue = money(f.conv.revenue);
  const cost = money(f.msgs.cost);
  const { sent, delivered, read } = f.msgs;
  return {
    runsStarted: f.runs.started,
    runsCompleted: f.runs.completed,
    conversions: f.conv.count,
    // A run may convert after the period it started in (or reach several goals): kept within a share.
    conversionRate: share(Math.min(f.conv.count, f.runs.started), f.runs.started),
    revenue,
    otherRevenue: Object.fromEntries(Object.entries(f.otherRevenue).map(([c, v]) => [c, money(v)])),
    cost,
    roi: cost > 0 ? (revenue - cost) / cost : null,
    revenuePerRun: f.runs.started > 0 ? money(revenue / f.runs.started) : null,
    costPerConversion: f.conv.count > 0 ? money(cost / f.conv.count) : null,
    messages: { sent, delivered, read, replied: f.msgs.replied, failed: f.msgs.failed },
    readRate: share(read, delivered > 0 ? delivered : sent),
    replyRate: share(f.msgs.replied, sent),
    sessionReopenRate: share(f.msgs.reopened, f.msgs.closedTemplates),
    botContainmentRate: share(f.closed.bot, f.closed.runs),
    credit: { bot: f.conv.bot, app: f.conv.app, agent: f.conv.agent, none: f.conv.none },
    assistedConversions: f.conv.assisted,
    firstHumanResponseMs: roundOrNull(f.conv.firstHumanMs),
    handoffs: f.hand.opened,
    agentHandleTimeMs: roundOrNull(f.hand.handleMs),
  };
}

/** A goal's line: its rate kept within a share like the totals', money without float noise. */
function goalOf(g: GoalFigures): DashboardGoal {
  const cost = money(g.cost);
  return {
    goal: g.goal,
    runsStarted: g.runsStarted,
    conversions: g.conversions,
    rate: share(Math.min(g.conversions, g.runsStarted), g.runsStarted),
    revenue: money(g.revenue),
    cost,
    costPerConversion: g.conversions > 0 ? money(cost / g.conversions) : null,
    credit: { bot: g.bot, app: g.app, agent: g.agent, none: g.none },
  };
}

/** The journey's live version's document, else its latest published one's, else its draft. */
async function journeyDocument(database: Pick<Database, 'db'>, workspaceId: string, flowId: string): Promise<unknown> {
  const r = await database.db.execute<{ document: unknown }>(sql`
    SELECT COALESCE(
      (SELECT v.document FROM flow_versions v WHERE v.id = f.live_version_id),
      (SELECT v.document FROM flow_versions v WHERE v.flow_id = f.id AND NOT v.test ORDER BY v.version DESC LIMIT 1),
      f.draft) AS document
    FROM flows f WHERE f.id = ${flowId} AND f.workspace_id = ${workspaceId} AND f.archived_at IS NULL`);
  const row = r.rows[0];
  if (!row) throw new NotFoundError('Flow');
  return row.document;
}

/** The document's steps breadth-first from its triggers (outputs in their order), then the unreachable ones, with their entries. */
function funnelOf(document: unknown, entered: Record<string, number>): Dashboard['funnel'] {
  const flow = loadFlow(document).flow;
  if (!flow) return [];
  const { graph } = buildGraph(flow);
  const order = [...graph.triggers];
  const seen = new Set(order);
  for (let i = 0; i < order.length; i++) {
    const id = order[i]!;
    const byPort = (graph.nodes.get(id)?.ports ?? []).flatMap((p) => graph.targets.get(id)?.get(p.id) ?? []);
    for (const next of [...byPort, ...(graph.successors.get(id) ?? [])]) {
      if (seen.has(next)) continue;
      seen.add(next);
      order.push(next);
    }
  }
  for (const id of graph.nodes.keys()) if (!seen.has(id)) order.push(id);
  return order.flatMap((id) => {
    const node = graph.nodes.get(id)?.node;
    return node ? [{ nodeId: id, label: labelOf(node.data) ?? node.type, type: node.type, entered: entered[id] ?? 0 }] : [];
  });
}

function labelOf(data: Record<string, unknown>): string | undefined {
  const label = [data.title, data.label].find((v): v is string => typeof v === 'string' && v.trim() !== '');
  return label?.trim();
}

function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Sums of floating-point prices, without the noise (a millionth of the currency is finer than any rate). */
function money(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

function roundOrNull(n: number | null): number | null {
  return n === null ? null : Math.round(n);
}
