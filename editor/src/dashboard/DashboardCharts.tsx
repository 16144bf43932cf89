import type { ReactElement } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  LabelList,
  Legend,
  Line,
  LineChart,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Dashboard } from '@tandem/shared/api';
import { bucketLabel, creditSlices, formatCount, formatMoney, funnelStepName } from './dashboardWords';

// The stylesheet's colours (--tn-accent, --tn-logic, --tn-human, --tn-trigger, --tn-muted): SVG
// presentation attributes take plain colours.
const colors = { accent: '#128c7e', logic: '#2f6fd6', human: '#c2571a', trigger: '#6a4fd8', muted: '#677385', border: '#d9dde3' };
const creditColors = { bot: colors.accent, app: colors.human, agent: colors.logic, none: colors.muted } as const;
const height = 240;

/** The dashboard's charts: results, money and messages over time, whom conversions credit, and one journey's funnel. */
export function DashboardCharts({ dashboard: d }: { dashboard: Dashboard }) {
  const points = d.series.map((p) => ({ ...p, label: bucketLabel(p.at, d.bucket) }));
  const money = (v: unknown) => (typeof v === 'number' ? formatMoney(v, d.currency) : String(v));
  const compactMoney = (v: number) => {
    try {
      return new Intl.NumberFormat(undefined, { style: 'currency', currency: d.currency, notation: 'compact' }).format(v);
    } catch {
      return formatCount(v);
    }
  };
  const count = (v: unknown) => (typeof v === 'number' ? formatCount(v) : String(v));
  const credit = creditSlices(d.totals.credit).map((s) => ({ ...s, fill: creditColors[s.key] }));
  const axis = { fontSize: 11, fill: colors.muted };
  const steps = d.funnel.map((s, i) => ({ ...s, name: funnelStepName(s, i) }));

  return (
    <div className="tn-dash-charts">
      <Chart title="Conversions and revenue" testId="chart-conversions">
        <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={colors.border} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={axis} />
          <YAxis yAxisId="count" allowDecimals={false} tick={axis} width={36} />
          <YAxis yAxisId="money" orientation="right" tick={axis} tickFormatter={compactMoney} width={56} />
          <Tooltip formatter={(v, name) => (name === 'Revenue' ? money(v) : count(v))} />
          <Legend itemSorter={null} />
          <Bar yAxisId="count" dataKey="conversions" name="Conversions" fill={colors.accent} isAnimationActive={false} />
          <Line yAxisId="money" dataKey="revenue" name="Revenue" stroke={colors.trigger} strokeWidth={2} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </Chart>
      <Chart title="Revenue and cost" testId="chart-money">
        <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={colors.border} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={axis} />
          <YAxis tick={axis} tickFormatter={compactMoney} width={56} />
          <Tooltip formatter={money} />
          <Legend itemSorter={null} />
          <Line dataKey="revenue" name="Revenue" stroke={colors.trigger} strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line dataKey="cost" name="Cost" stroke={colors.human} strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </Chart>
      <Chart title="Messages" testId="chart-messages">
        <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={colors.border} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={axis} />
          <YAxis allowDecimals={false} tick={axis} width={36} />
          <Tooltip formatter={count} />
          <Legend itemSorter={null} />
          <Line dataKey="sent" name="Sent" stroke={colors.muted} strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line dataKey="read" name="Read" stroke={colors.logic} strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line dataKey="replied" name="Replied" stroke={colors.accent} strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </Chart>
      <Chart
        title="Who gets the credit"
        testId="chart-credit"
        help="The last touch before each conversion: the bot, a person in the Business App or in the inbox, or no message."
        empty={credit.length === 0 ? 'No conversions to credit in this period.' : undefined}
      >
        <PieChart>
          <Tooltip formatter={count} />
          <Legend itemSorter={null} />
          <Pie
            data={credit}
            dataKey="value"
            nameKey="label"
            innerRadius={50}
            outerRadius={85}
            stroke={credit.length > 1 ? '#fff' : 'none'}
            isAnimationActive={false}
          />
        </PieChart>
      </Chart>
      {d.flowId !== null && d.funnel.length > 0 && (
        <Chart title="Funnel" testId="chart-funnel" help="How many runs entered each step in this period, from the trigger on." wide rows={d.funnel.length}>
          <BarChart data={steps} layout="vertical" margin={{ top: 0, right: 40, bottom: 0, left: 8 }}>
            <CartesianGrid stroke={colors.border} strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={axis} />
            <YAxis type="category" dataKey="name" tick={axis} width={200} />
            <Tooltip formatter={count} />
            <Bar dataKey="entered" name="Entered" fill={colors.accent} maxBarSize={26} isAnimationActive={false}>
              <LabelList dataKey="entered" position="right" fontSize={11} />
            </Bar>
          </BarChart>
        </Chart>
      )}
    </div>
  );
}

/** A chart's panel: its title, an optional sentence, and the chart at the panel's width (or why there is none). */
function Chart(props: { title: string; testId: string; help?: string; empty?: string | undefined; wide?: boolean; rows?: number; children: ReactElement }) {
  // A funnel grows with its steps: about 32 px a bar.
  const h = props.rows ? Math.max(height, props.rows * 32 + 40) : height;
  return (
    <section className={props.wide ? 'tn-panel tn-dash-chart tn-dash-wide' : 'tn-panel tn-dash-chart'} data-testid={props.testId}>
      <h2>{props.title}</h2>
      {props.help && <p className="tn-help">{props.help}</p>}
      {props.empty ? (
        <p className="tn-muted tn-dash-none">{props.empty}</p>
      ) : (
        <ResponsiveContainer width="100%" height={h}>
          {props.children}
        </ResponsiveContainer>
      )}
    </section>
  );
}
