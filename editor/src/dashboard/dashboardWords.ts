import { endpoints, type Dashboard } from '@tandem/shared/api';
import { definitionOf, isNodeType } from '@tandem/nodes';

const DAY = 86_400_000;

/** The period the dashboard covers: the last N days (today included) or whole days from–to (`YYYY-MM-DD`). */
export type Period = { kind: 'days'; days: number } | { kind: 'custom'; from: string; to: string };

/** The dashboard's query, as the API reads it. */
export interface DashboardParams {
  from: string;
  to: string;
  bucket: 'day' | 'week';
  flowId?: string;
}

/**
 * The `from` / `to` of a period in whole UTC days (the days the series counts in), or what is wrong
 * with the dates. "Last 7 days" ends at the end of `now`'s day (the workspace's clock: a sandbox may
 * be fast-forwarded), so the query stays the same all day and includes what happens today.
 */
export function periodRange(period: Period, now: Date): { from: string; to: string } | { problem: string } {
  if (period.kind === 'days') {
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    return { from: new Date(today - (period.days - 1) * DAY).toISOString(), to: new Date(today + DAY - 1).toISOString() };
  }
  const from = utcDay(period.from);
  const to = utcDay(period.to);
  if (from === undefined || to === undefined) return { problem: 'Pick the first and the last day.' };
  if (from > to) return { problem: 'The first day must not be after the last.' };
  if (to + DAY - from > 366 * DAY) return { problem: 'Pick at most a year at a time.' };
  return { from: new Date(from).toISOString(), to: new Date(to + DAY - 1).toISOString() };
}

/** The CSV export's address for the same query (a plain link: the browser sends the session cookie). */
export function dashboardCsvHref(base: string, workspaceId: string, params: DashboardParams): string {
  const query = new URLSearchParams({ from: params.from, to: params.to, bucket: params.bucket, ...(params.flowId ? { flowId: params.flowId } : {}) });
  return `${base}${endpoints.dashboardCsv.path.replace('{workspaceId}', encodeURIComponent(workspaceId))}?${query}`;
}

/** The export's file name, as the server names it: `tandem-dashboard-2026-01-01-2026-01-31.csv`. */
export function csvFileName(params: DashboardParams): string {
  return `tandem-dashboard-${params.from.slice(0, 10)}-${params.to.slice(0, 10)}.csv`;
}

/** One KPI tile: the figure as shown, and when there is none, why (its tooltip). */
export interface Tile {
  id: string;
  label: string;
  value: string;
  /** A second line under the figure (e.g. the conversion rate). */
  detail?: string;
  /** Why the figure is missing, or what it means. */
  title: string;
}

const none = '—';

/** The KPI tiles of a dashboard, formatted for `locale` (the browser's when undefined). */
export function dashboardTiles(d: Dashboard, locale?: string): Tile[] {
  const t = d.totals;
  const money = (v: number) => formatMoney(v, d.currency, locale);
  const noRuns = 'No journey started in this period';
  const noSends = 'No messages were sent in this period';
  const noConversions = 'No conversions in this period';
  const other = Object.entries(t.otherRevenue);
  const tile = (id: string, label: string, value: string | null, title: string, whyNone: string, detail?: string): Tile => ({
    id,
    label,
    value: value ?? none,
    title: value === null ? whyNone : title,
    ...(detail !== undefined ? { detail } : {}),
  });
  return [
    tile(
      'runs',
      'Runs started',
      formatCount(t.runsStarted, locale),
      'Contacts who started one of these journeys in this period',
      '',
      `${formatCount(t.runsCompleted, locale)} completed`,
    ),
    tile(
      'conversions',
      'Conversions',
      formatCount(t.conversions, locale),
      'Goals reached by contacts of these journeys',
      '',
      t.conversionRate === null ? undefined : `${formatRate(t.conversionRate, locale)} of runs`,
    ),
    tile(
      'revenue',
      'Revenue',
      money(t.revenue),
      other.length
        ? `The value of the conversions in ${d.currency}. Not included: ${other.map(([c, v]) => formatMoney(v, c, locale)).join(', ')}`
        : `The value of the conversions in ${d.currency}`,
      '',
      other.length ? `+ ${other.map(([c, v]) => formatMoney(v, c, locale)).join(' + ')}` : undefined,
    ),
    tile('cost', 'Cost', money(t.cost), 'What Meta charged for the messages sent in this period', ''),
    tile('roi', 'ROI', t.roi === null ? null : formatRate(t.roi, locale, true), '(Revenue − cost) ÷ cost', 'Nothing sent in this period cost anything'),
    tile('revenuePerRun', 'Revenue per run', nullable(t.revenuePerRun, money), 'Revenue ÷ runs started', noRuns),
    tile('costPerConversion', 'Cost per conversion', nullable(t.costPerConversion, money), 'Cost ÷ conversions', noConversions),
    tile(
      'readRate',
      'Read rate',
      nullable(t.readRate, (v) => formatRate(v, locale)),
      'Messages read ÷ messages delivered',
      noSends,
    ),
    tile(
      'replyRate',
      'Reply rate',
      nullable(t.replyRate, (v) => formatRate(v, locale)),
      'Messages the contact answered within 24 hours ÷ messages sent',
      noSends,
    ),
    tile(
      'sessionReopenRate',
      'Session reopen rate',
      nullable(t.sessionReopenRate, (v) => formatRate(v, locale)),
      'Of the templates sent while the 24-hour window was closed, the share the contact answered within 24 hours',
      'No template was sent outside the 24-hour window in this period',
    ),
    tile(
      'botContainment',
      'Bot containment',
      nullable(t.botContainmentRate, (v) => formatRate(v, locale)),
      'Of the runs that ended or converted, the share no person took part in',
      'No run ended or converted in this period',
    ),
    tile('assisted', 'Assisted conversions', formatCount(t.assistedConversions, locale), 'Conversions a person (Business App or inbox) touched before', ''),
    tile(
      'firstHumanResponse',
      'Time to first human response',
      nullable(t.firstHumanResponseMs, formatDuration),
      'Median time from the start of a run to the first reply of a person, over the conversions that had one',
      'No conversion had a reply from a person in this period',
    ),
    tile(
      'handleTime',
      'Agent handle time',
      nullable(t.agentHandleTimeMs, formatDuration),
      'Median time from a handoff being taken to its release',
      'No handoff was released in this period',
    ),
    tile('handoffs', 'Handoffs', formatCount(t.handoffs, locale), 'Conversations handed to the inbox', ''),
  ];
}

function nullable<T>(value: T | null, format: (v: T) => string): string | null {
  return value === null ? null : format(value);
}

/** "$1,234.50" in the given currency. */
export function formatMoney(value: number, currency: string, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
  } catch {
    // Not an ISO currency code: the number and the code.
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)} ${currency}`;
  }
}

/** "12.5%" for 0.125; with `signed`, "+250%" (ROI). */
export function formatRate(share: number, locale?: string, signed = false): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, ...(signed ? { signDisplay: 'exceptZero' } : {}) }).format(share);
}

/** "1,234". */
export function formatCount(n: number, locale?: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** "45 s", "4 min", "1 h 20 min", "2 d 3 h": at most two units. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.round(ms / 60_000);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/** A bucket's label on a chart's axis: "2 Jan", or for weeks "Week of 2 Jan" (UTC, as the buckets). */
export function bucketLabel(at: string, bucket: 'day' | 'week', locale?: string): string {
  const day = new Date(at).toLocaleDateString(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return bucket === 'week' ? `Week of ${day}` : day;
}

const creditLabels = { bot: 'Bot', app: 'Business App', agent: 'Inbox agent', none: 'No message' } as const;

/** Whom the conversions' last touch credits, as slices (the empty ones left out). */
export function creditSlices(credit: Dashboard['totals']['credit']): { key: keyof typeof creditLabels; label: string; value: number }[] {
  return (Object.keys(creditLabels) as (keyof typeof creditLabels)[])
    .map((key) => ({ key, label: creditLabels[key], value: credit[key] }))
    .filter((s) => s.value > 0);
}

/** Whom a goal's conversions credit, as small text: "Bot 2 · Business App 1"; empty when none. */
export function creditSummary(credit: Dashboard['totals']['credit'], locale?: string): string {
  return creditSlices(credit)
    .map((s) => `${s.label} ${formatCount(s.value, locale)}`)
    .join(' · ');
}

/** A line of the goals' table, formatted; each figure's tooltip says how it is counted, or why it is missing. */
export interface GoalRow {
  goal: string;
  conversions: string;
  rate: string;
  rateTitle: string;
  revenue: string;
  costPerConversion: string;
  costTitle: string;
  credit: string;
}

/** The dashboard's goals as table lines, in the API's order (most conversions first). */
export function goalRows(d: Dashboard, locale?: string): GoalRow[] {
  return d.goals.map((g) => ({
    goal: g.goal,
    conversions: formatCount(g.conversions, locale),
    rate: g.rate === null ? none : formatRate(g.rate, locale),
    rateTitle:
      g.rate === null
        ? 'No journey with this goal started in this period'
        : `Conversions ÷ the ${formatCount(g.runsStarted, locale)} runs started of the journeys with this goal`,
    revenue: formatMoney(g.revenue, d.currency, locale),
    costPerConversion: g.costPerConversion === null ? none : formatMoney(g.costPerConversion, d.currency, locale),
    costTitle:
      g.costPerConversion === null
        ? 'No conversions in this period'
        : `${formatMoney(g.cost, d.currency, locale)} of messages of the journeys with this goal ÷ conversions`,
    credit: creditSummary(g.credit, locale),
  }));
}

/** A funnel bar's name: its place and the step's title, or its type's label when it has none ("2. Wait"). */
export function funnelStepName(step: Dashboard['funnel'][number], index: number): string {
  const name = step.label !== step.type ? step.label : isNodeType(step.type) ? definitionOf(step.type).label : step.type;
  return `${index + 1}. ${name}`;
}

/** Whether the period has nothing to show: no run started, nothing converted, nothing sent. */
export function isEmptyPeriod(d: Dashboard): boolean {
  return d.totals.runsStarted === 0 && d.totals.conversions === 0 && d.totals.messages.sent === 0;
}

/** `YYYY-MM-DD` as the UTC midnight it starts at; undefined when it is not a date. */
function utcDay(date: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(t) ? undefined : t;
}

/** Today (of `now`, UTC) as `YYYY-MM-DD`, and `days` before it: the custom period's first dates. */
export function dayInputs(now: Date, days: number): { from: string; to: string } {
  return { from: new Date(now.getTime() - (days - 1) * DAY).toISOString().slice(0, 10), to: now.toISOString().slice(0, 10) };
}
