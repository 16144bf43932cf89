import type { AnalyticsView } from '../workspace/types';
import { formatCount } from './counts';

const creditLabels = { bot: 'Bot', app: 'Business App', agent: 'Inbox agent', none: 'No message' } as const;

/** The version's conversions in the range: how many, revenue per currency, and whom the last touch credits. */
export function ConversionStats({ conversions, hasGoals }: { conversions: AnalyticsView['conversions']; hasGoals: boolean }) {
  if (!hasGoals && conversions.count === 0) return null;
  const credits = (Object.keys(creditLabels) as (keyof typeof creditLabels)[]).filter((k) => conversions.credit[k] > 0);
  return (
    <div className="tn-stats" data-testid="analytics-conversions">
      <div className="tn-stat">
        <strong>{formatCount(conversions.count)}</strong>
        <span>Conversions</span>
      </div>
      {Object.entries(conversions.revenue).map(([currency, value]) => (
        <div className="tn-stat" key={currency}>
          <strong>{new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(value)}</strong>
          <span>Revenue</span>
        </div>
      ))}
      {credits.map((k) => (
        <div className="tn-stat" key={k} data-credit={k}>
          <strong>{formatCount(conversions.credit[k])}</strong>
          <span>Last touch: {creditLabels[k]}</span>
        </div>
      ))}
    </div>
  );
}
