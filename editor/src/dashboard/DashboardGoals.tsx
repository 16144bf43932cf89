import type { Dashboard } from '@tandem/shared/api';
import { goalRows } from './dashboardWords';

/** One line per goal of the journeys in view (a name shared by journeys is one line), most conversions first. */
export function DashboardGoals({ dashboard }: { dashboard: Dashboard }) {
  const rows = goalRows(dashboard);
  if (rows.length === 0) return null;
  return (
    <section className="tn-panel tn-dash-section" aria-labelledby="dash-goals-title">
      <h2 id="dash-goals-title">Goals</h2>
      <table className="tn-table tn-dash-flows" data-testid="dashboard-goals">
        <thead>
          <tr>
            <th scope="col">Goal</th>
            <th scope="col">Conversions</th>
            <th scope="col">Rate</th>
            <th scope="col">Revenue</th>
            <th scope="col">Cost per conversion</th>
            <th scope="col">Credit</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((g) => (
            <tr key={g.goal} data-goal={g.goal}>
              <th scope="row">{g.goal}</th>
              <td>{g.conversions}</td>
              <td title={g.rateTitle}>{g.rate}</td>
              <td>{g.revenue}</td>
              <td title={g.costTitle}>{g.costPerConversion}</td>
              <td className="tn-dash-credit">{g.credit}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
