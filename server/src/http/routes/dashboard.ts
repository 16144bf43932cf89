import type { Hono } from 'hono';
import { endpoints, type Dashboard } from '@tandem/shared/api';
import type { AppContext } from '../appContext';
import type { AppEnv } from '../app';
import { mountRoute } from '../mountRoute';
import { dashboard } from '../../services/dashboard';

const header = ['at', 'runs_started', 'conversions', 'revenue', 'cost', 'sent', 'read', 'replied'];

/** The dashboard (JSON) and its CSV export. */
export function dashboardRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  mountRoute(app, ctx, endpoints.dashboard, async ({ params, query }) => dashboard(ctx.database, params.workspaceId, query));

  mountRoute(app, ctx, endpoints.dashboardCsv, async ({ c, params, query }) => {
    const figures = await dashboard(ctx.database, params.workspaceId, query);
    const filename = `tandem-dashboard-${figures.from.slice(0, 10)}-${figures.to.slice(0, 10)}.csv`;
    return c.body(dashboardToCsv(figures), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
    });
  });
}

/**
 * Header, one row per bucket, `total`, then one row per goal: `goal:<name>` in the `at` column
 * (the prefix also keeps a name from reading as a spreadsheet formula), its runs started,
 * conversions, revenue and cost, the message columns empty. CRLF line ends as RFC 4180 has them.
 */
function dashboardToCsv(d: Dashboard): string {
  const t = d.totals;
  const rows = [
    header,
    ...d.series.map((p) => [p.at, p.runsStarted, p.conversions, p.revenue, p.cost, p.sent, p.read, p.replied]),
    ['total', t.runsStarted, t.conversions, t.revenue, t.cost, t.messages.sent, t.messages.read, t.messages.replied],
    ...d.goals.map((g) => [`goal:${g.goal}`, g.runsStarted, g.conversions, g.revenue, g.cost, '', '', '']),
  ];
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** A field quoted when it holds a separator, quote or line break (quotes doubled). */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
