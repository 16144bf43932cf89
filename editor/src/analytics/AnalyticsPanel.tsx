import { useEffect, useMemo, useState } from 'react';
import type { FlowNode } from '@tandem/shared';
import { BarChart3, RefreshCw } from 'lucide-react';
import { endpoints } from '@tandem/shared/api';
import { useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import type { Period } from '../dashboard/dashboardWords';
import { routeHash } from '../shell/router';
import { useOverlayStore } from '../canvas/overlayStore';
import { useFlow } from '../store/useFlow';
import { useWorkspaceData } from '../workspace/workspaceData';
import { formatCount, nodeCounts, portShare } from './counts';
import { rangeQuery, type RangeChoice } from './range';
import { RunList } from './RunList';
import { ConversionStats } from './ConversionStats';
import { portLabel, portsOf, stepName } from './stepWords';

/**
 * Analytics of the live (or a chosen) version over a date range: totals here, counts on every
 * step and connection of the canvas, and for the selected step its outputs and the runs there.
 */
export function AnalyticsPanel() {
  const data = useWorkspaceData();
  const api = useApi();
  const overlay = useOverlayStore();
  const [version, setVersion] = useState<number | undefined>(data?.viewing?.version);
  const [range, setRange] = useState<RangeChoice>({ kind: 'all' });
  const workspaceId = data?.workspace.id ?? '';
  const flowId = data?.flowId ?? '';
  const versions = useLoad(() => api(endpoints.listVersions, { params: { workspaceId, flowId } }), `${workspaceId}|${flowId}|${data?.liveVersion}`);
  const now = data?.workspace.now;
  const query = useMemo(() => ({ ...(version ? { version } : {}), ...rangeQuery(range, now ? new Date(now) : new Date()) }), [version, range, now]);
  const analytics = useLoad(
    () => api(endpoints.flowAnalytics, { params: { workspaceId, flowId }, query }),
    `${workspaceId}|${flowId}|${JSON.stringify(query)}`,
    { pollMs: 5_000 },
  );

  useEffect(() => {
    overlay.setState({ analytics: analytics.data });
  }, [overlay, analytics.data]);
  useEffect(() => () => overlay.setState({ analytics: undefined }), [overlay]);

  const selection = useFlow((s) => s.selection.nodes);
  const selected = selection.size === 1 ? [...selection][0] : undefined;
  const node = useFlow((s) => (selected ? s.doc.nodes.find((n) => n.id === selected) : undefined));
  const hasGoals = useFlow((s) => s.doc.settings.goals.length > 0);
  if (!data) return null;
  const a = analytics.data;
  return (
    <section className="tn-panel tn-analytics" aria-label="Analytics">
      <header className="tn-panel-head">
        <BarChart3 size={18} aria-hidden />
        <h2>Analytics</h2>
        <span className="tn-spacer" />
        <button type="button" aria-label="Refresh" title="Refresh" onClick={() => void analytics.reload()}>
          <RefreshCw size={14} />
        </button>
      </header>
      <div className="tn-form">
        <label className="tn-field">
          <span className="tn-field-label">Version</span>
          <select data-testid="analytics-version" value={version ?? ''} onChange={(e) => setVersion(e.target.value ? Number(e.target.value) : undefined)}>
            <option value="">{data.liveVersion ? `Live version (v${data.liveVersion})` : 'Latest version'}</option>
            {versions.data?.versions.map((v) => (
              <option key={v.version} value={v.version}>
                v{v.version}
                {v.live ? ' (live)' : ''}
                {v.note ? ` — ${v.note}` : ''}
              </option>
            ))}
          </select>
        </label>
        <RangePicker value={range} onChange={setRange} />
      </div>
      {analytics.error && <p className="tn-errors">{analytics.error}</p>}
      {a && a.version === null && <p className="tn-help">This flow has not been published, so no contact has run it yet.</p>}
      {a && a.version !== null && (
        <div className="tn-stats" data-testid="analytics-totals">
          <Stat label="Started" value={a.runs.started} />
          <Stat label="Active now" value={a.runs.active} />
          <Stat label="Completed" value={a.runs.completed} />
          {Object.entries(a.runs.outcomes).map(([outcome, n]) => (
            <Stat key={outcome} label={`Ended “${outcome}”`} value={n} />
          ))}
        </div>
      )}
      {a && a.version !== null && <ConversionStats conversions={a.conversions} hasGoals={hasGoals} />}
      {a && a.version !== null && (
        <p className="tn-help">
          <a href={routeHash({ name: 'dashboard', workspaceId, flowId, period: dashboardPeriod(range) })} data-testid="analytics-dashboard-link">
            Revenue, cost and goals on the dashboard →
          </a>
        </p>
      )}
      {a && a.version !== null && data.viewing === undefined && version !== undefined && version !== data.liveVersion && (
        <p className="tn-help">The counts of version {version} are shown on the draft's steps that were already in it.</p>
      )}
      {a && node && (
        <div className="tn-analytics-node" data-testid="analytics-node">
          <h3>{stepName(node)}</h3>
          <NodeBreakdown analytics={a} node={node} />
          <RunList workspaceId={workspaceId} flowId={flowId} node={node.id} />
        </div>
      )}
      {a && !node && (
        <>
          <p className="tn-help">Select a step to see where its contacts went and the runs in it.</p>
          <RunList workspaceId={workspaceId} flowId={flowId} />
        </>
      )}
    </section>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="tn-stat">
      <strong>{formatCount(value)}</strong>
      <span>{label}</span>
    </div>
  );
}

function NodeBreakdown({ analytics, node }: { analytics: NonNullable<Parameters<typeof nodeCounts>[0]>; node: FlowNode }) {
  const counts = nodeCounts(analytics, node.id);
  // Every output the step declares, in its order (a button nobody tapped shows 0), then any the
  // version counted that the draft no longer has.
  const declared = portsOf(node).map((p) => p.id);
  const ports = [...declared, ...Object.keys(counts.ports).filter((p) => !declared.includes(p))];
  return (
    <table className="tn-table">
      <tbody>
        <tr>
          <th>Entered</th>
          <td data-testid="node-entered">{formatCount(counts.entered)}</td>
          <td />
        </tr>
        <tr>
          <th>Here now</th>
          <td>{formatCount(counts.waiting)}</td>
          <td />
        </tr>
        {ports.map((p) => (
          <tr key={p} data-port={p}>
            <th>Left by “{portLabel(node, p)}”</th>
            <td>{formatCount(counts.ports[p] ?? 0)}</td>
            <td className="tn-muted">{portShare(counts, p)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RangePicker({ value, onChange }: { value: RangeChoice; onChange: (r: RangeChoice) => void }) {
  const custom = value.kind === 'custom' ? value : undefined;
  return (
    <div className="tn-field">
      <span className="tn-field-label">Period</span>
      <div className="tn-row">
        <select
          data-testid="analytics-range"
          value={value.kind === 'days' ? `days:${value.days}` : value.kind}
          onChange={(e) => onChange(parseRangeOption(e.target.value))}
        >
          <option value="all">All time</option>
          <option value="days:1">Last 24 hours</option>
          <option value="days:7">Last 7 days</option>
          <option value="days:30">Last 30 days</option>
          <option value="custom">Dates…</option>
        </select>
      </div>
      {custom && (
        <div className="tn-row">
          <input type="date" aria-label="From" value={custom.from} onChange={(e) => onChange({ ...custom, from: e.target.value })} />
          <input type="date" aria-label="To" value={custom.to} onChange={(e) => onChange({ ...custom, to: e.target.value })} />
        </div>
      )}
    </div>
  );
}

/**
 * The dashboard's period for the panel's: the same days or dates (the dashboard counts whole UTC
 * days), the last 30 days for all time (the dashboard covers at most a year).
 */
function dashboardPeriod(range: RangeChoice): Period {
  if (range.kind === 'custom') return range;
  if (range.kind === 'all') return { kind: 'days', days: 30 };
  // The last 24 hours reach into yesterday: in whole days, yesterday and today.
  return { kind: 'days', days: range.days === 1 ? 2 : range.days };
}

function parseRangeOption(v: string): RangeChoice {
  if (v.startsWith('days:')) return { kind: 'days', days: Number(v.slice(5)) };
  if (v === 'custom') {
    const today = new Date().toISOString().slice(0, 10);
    return { kind: 'custom', from: today, to: today };
  }
  return { kind: 'all' };
}
