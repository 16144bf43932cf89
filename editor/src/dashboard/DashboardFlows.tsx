import type { Dashboard } from '@tandem/shared/api';
import { formatCount, formatMoney, formatRate } from './dashboardWords';

/** One line per journey that ran in the period, most runs first; a journey's name shows its own dashboard. */
export function DashboardFlows({ flows, currency, onPick }: { flows: Dashboard['flows']; currency: string; onPick: (flowId: string) => void }) {
  if (flows.length === 0) return null;
  return (
    <section className="tn-panel tn-dash-section" aria-labelledby="dash-flows-title">
      <h2 id="dash-flows-title">Journeys</h2>
      <table className="tn-table tn-dash-flows" data-testid="dashboard-flows">
        <thead>
          <tr>
            <th scope="col">Journey</th>
            <th scope="col">Runs</th>
            <th scope="col">Conversions</th>
            <th scope="col">Conversion rate</th>
            <th scope="col">Revenue</th>
            <th scope="col">Cost</th>
          </tr>
        </thead>
        <tbody>
          {flows.map((f) => (
            <tr key={f.flowId} data-flow={f.flowId}>
              <th scope="row">
                <button type="button" className="tn-dash-link" title="Show this journey's dashboard" onClick={() => onPick(f.flowId)}>
                  {f.name}
                </button>
              </th>
              <td>{formatCount(f.runsStarted)}</td>
              <td>{formatCount(f.conversions)}</td>
              <td>{f.runsStarted > 0 ? formatRate(f.conversions / f.runsStarted) : '—'}</td>
              <td>{formatMoney(f.revenue, currency)}</td>
              <td>{formatMoney(f.cost, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
