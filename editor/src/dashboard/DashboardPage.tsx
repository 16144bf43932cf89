import { useEffect, useId, useState } from 'react';
import { Download, LayoutDashboard, RefreshCw } from 'lucide-react';
import { endpoints, type Dashboard, type WorkspaceView } from '@tandem/shared/api';
import { apiBaseUrl, useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { navigate, routeHash } from '../shell/router';
import { DashboardCharts } from './DashboardCharts';
import { DashboardFlows } from './DashboardFlows';
import { DashboardGoals } from './DashboardGoals';
import { csvFileName, dashboardCsvHref, dashboardTiles, dayInputs, isEmptyPeriod, periodRange, type DashboardParams, type Period } from './dashboardWords';
import './dashboard.css';

const presets: readonly number[] = [7, 30, 90];

/**
 * The workspace's results at a glance: over a period, for all journeys or one, the KPI tiles
 * (conversions, revenue, cost, ROI, read and reply rates, containment, handle time), charts over
 * time, the funnel of one journey, a line per goal and a line per journey; and the same figures as
 * a CSV file.
 *
 * The journey and the period come from the address (`flowId`, `period`: see `Route`), and a change
 * replaces the address (so the link can be shared, and Back leaves the dashboard).
 */
export function DashboardPage({ workspace, flowId: addressFlow = '', period: addressPeriod }: { workspace: WorkspaceView; flowId?: string; period?: Period }) {
  const api = useApi();
  const workspaceId = workspace.id;
  const [period, setPeriod] = useState<Period>(() => pagePeriod(addressPeriod, new Date(workspace.now)));
  const [flowId, setFlowId] = useState(addressFlow);
  // The address changed from outside (the menu's link, a link pasted while here): follow it.
  const address = routeHash({ name: 'dashboard', workspaceId, flowId: addressFlow, ...(addressPeriod ? { period: addressPeriod } : {}) });
  const [followed, setFollowed] = useState(address);
  if (address !== followed) {
    setFollowed(address);
    setPeriod(pagePeriod(addressPeriod, new Date(workspace.now)));
    setFlowId(addressFlow);
  }
  const choose = (next: { period?: Period; flowId?: string }) => {
    const p = next.period ?? period;
    const f = next.flowId ?? flowId;
    setPeriod(p);
    setFlowId(f);
    navigate({ name: 'dashboard', workspaceId, ...(f ? { flowId: f } : {}), period: p }, { replace: true });
  };
  const [bucket, setBucket] = useState<'day' | 'week'>('day');
  const range = periodRange(period, new Date(workspace.now));
  const params: DashboardParams | undefined = 'problem' in range ? undefined : { ...range, bucket, ...(flowId ? { flowId } : {}) };
  const flows = useLoad(() => api(endpoints.listFlows, { params: { workspaceId }, query: {} }), workspaceId);
  const dashboard = useLoad(
    () => api(endpoints.dashboard, { params: { workspaceId }, query: params! }),
    `${workspaceId}|${params ? JSON.stringify(params) : 'none'}`,
    { enabled: params !== undefined },
  );
  // While a new period loads, the previous figures stay (dimmed) instead of the page jumping.
  // (The shell keys the page by workspace: switching starts afresh.)
  const [shown, setShown] = useState<Dashboard>();
  useEffect(() => {
    if (dashboard.data) setShown(dashboard.data);
  }, [dashboard.data]);
  const d = dashboard.data ?? shown;
  const flowName = flows.data?.flows.find((f) => f.id === flowId)?.name;
  const bucketName = useId();

  return (
    <div className="tn-page tn-dashboard" data-testid="dashboard-page" data-workspace={workspaceId}>
      <header className="tn-page-head">
        <h1>
          <LayoutDashboard size={18} aria-hidden /> Dashboard
        </h1>
        <span className="tn-spacer" />
        <button type="button" aria-label="Refresh" title="Refresh" onClick={() => void dashboard.reload()} disabled={!params}>
          <RefreshCw size={14} aria-hidden className={dashboard.loading && params ? 'tn-spin' : undefined} />
        </button>
        {params && (
          <a className="tn-dash-csv" href={dashboardCsvHref(apiBaseUrl(), workspaceId, params)} download={csvFileName(params)} data-testid="dashboard-csv">
            <Download size={14} aria-hidden /> Download CSV
          </a>
        )}
      </header>
      <div className="tn-dash-controls">
        <label className="tn-field">
          <span className="tn-field-label">Period</span>
          <select
            data-testid="dashboard-period"
            value={period.kind === 'days' ? String(period.days) : 'custom'}
            onChange={(e) =>
              choose({
                period:
                  e.target.value === 'custom' ? { kind: 'custom', ...dayInputs(new Date(workspace.now), 30) } : { kind: 'days', days: Number(e.target.value) },
              })
            }
          >
            {presets.map((n) => (
              <option key={n} value={n}>
                Last {n} days
              </option>
            ))}
            <option value="custom">Dates…</option>
          </select>
        </label>
        {period.kind === 'custom' && (
          <div className="tn-field tn-dash-dates">
            <span className="tn-field-label">From – to (UTC days)</span>
            <div className="tn-row">
              <input
                type="date"
                aria-label="From"
                data-testid="dashboard-from"
                value={period.from}
                onChange={(e) => choose({ period: { ...period, from: e.target.value } })}
              />
              <input
                type="date"
                aria-label="To"
                data-testid="dashboard-to"
                value={period.to}
                onChange={(e) => choose({ period: { ...period, to: e.target.value } })}
              />
            </div>
          </div>
        )}
        <label className="tn-field">
          <span className="tn-field-label">Journey</span>
          <select data-testid="dashboard-flow" value={flowId} onChange={(e) => choose({ flowId: e.target.value })}>
            <option value="">All journeys</option>
            {flows.data?.flows.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
        <div className="tn-field">
          <span className="tn-field-label">Per</span>
          <div className="tn-segmented" role="radiogroup" aria-label="Chart points per">
            {(['day', 'week'] as const).map((b) => (
              <label key={b} className={bucket === b ? 'tn-active' : ''}>
                <input type="radio" name={bucketName} checked={bucket === b} onChange={() => setBucket(b)} data-testid={`dashboard-bucket-${b}`} />
                {b === 'day' ? 'Day' : 'Week'}
              </label>
            ))}
          </div>
        </div>
      </div>
      {'problem' in range && (
        <p className="tn-errors" role="alert" data-testid="dashboard-problem">
          {range.problem}
        </p>
      )}
      {params && dashboard.error && (
        <p className="tn-errors" role="alert">
          {dashboard.error}
        </p>
      )}
      {params && !d && !dashboard.error && <p className="tn-muted">Loading…</p>}
      {params && d && (
        <div
          className="tn-dash-content"
          data-testid="dashboard-content"
          data-flow={d.flowId ?? ''}
          data-bucket={d.bucket}
          data-from={d.from}
          aria-busy={dashboard.loading}
        >
          {isEmptyPeriod(d) ? (
            <div className="tn-empty" data-testid="dashboard-empty">
              <strong>No journeys ran in this period</strong>
              <p>{flowName ? `Nobody went through “${flowName}” in these days.` : 'Pick a longer period, or publish a journey and let it run.'}</p>
            </div>
          ) : (
            <>
              <DashboardTiles dashboard={d} />
              <p className="tn-help">Money in {d.currency}, the currency of the workspace's message prices. Days and weeks are counted in UTC.</p>
              <DashboardCharts dashboard={d} />
              <DashboardGoals dashboard={d} />
              {d.flowId === null && <DashboardFlows flows={d.flows} currency={d.currency} onPick={(id) => choose({ flowId: id })} />}
            </>
          )}
        </div>
      )}
    </div>
  );
}

function DashboardTiles({ dashboard }: { dashboard: Dashboard }) {
  return (
    <div className="tn-dash-tiles" data-testid="dashboard-tiles">
      {dashboardTiles(dashboard).map((t) => (
        <div key={t.id} className="tn-dash-tile" data-testid={`tile-${t.id}`} title={t.title}>
          <span className="tn-dash-tile-label">{t.label}</span>
          <strong className="tn-dash-tile-value">{t.value}</strong>
          {t.detail && <span className="tn-dash-tile-detail">{t.detail}</span>}
        </div>
      ))}
    </div>
  );
}

/** The address's period as the controls can show it: a number of days they do not offer becomes those days' dates; none, the last 30 days. */
function pagePeriod(period: Period | undefined, now: Date): Period {
  if (!period) return { kind: 'days', days: 30 };
  if (period.kind === 'days' && !presets.includes(period.days)) return { kind: 'custom', ...dayInputs(now, period.days) };
  return period;
}
