import { useState, type FormEvent } from 'react';
import { defaultRateTable, pricedCategories, rateTableSchema, type PricedCategory, type RateTable } from '@tandem/shared';
import type { WorkspaceView } from '@tandem/shared/api';
import { SaveFeedback, useWorkspaceSave } from './useWorkspaceSave';
import './messagePrices.css';

type Row = { name: string; prefixes: string[]; rates: Record<PricedCategory, string> };

const categoryLabels: Record<PricedCategory, string> = { marketing: 'Marketing', utility: 'Utility', authentication: 'Authentication' };

/**
 * What Meta charges per delivered template, per market and category: cost estimates and the
 * actual cost of sent messages use it. Starts from the built-in table; admins edit.
 */
export function MessagePricesSection({ workspace, onChanged }: { workspace: WorkspaceView; onChanged: () => void }) {
  const isAdmin = workspace.role === 'admin';
  const saved = rateTableSchema.safeParse(workspace.settings.rates);
  const [rows, setRows] = useState<Row[]>(() => rowsOf(saved.success ? saved.data : defaultRateTable));
  const [problem, setProblem] = useState<string>();
  const save = useWorkspaceSave(workspace, onChanged);
  const edit = (i: number, category: PricedCategory, value: string) => {
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, rates: { ...r.rates, [category]: value } } : r)));
    setProblem(undefined);
    save.clear();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const table = tableOf(rows);
    if (!table) return setProblem('Every price must be a number of 0 or more.');
    await save.save({ settings: { rates: table } }, 'Saved. Estimates and costs of new messages use these prices.');
  };

  return (
    <section className="tn-panel tn-settings-section" aria-labelledby="prices-title" data-testid="message-prices">
      <h2 id="prices-title">Message prices</h2>
      <p className="tn-help">
        What Meta charges per delivered template, in USD, by the recipient's country calling code. Service messages, utility templates inside the 24-hour window
        and messages in the 72 hours after an ad click are free. The defaults are approximate: check them against your rate card and volume tier.
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset disabled={!isAdmin} className="tn-settings-fieldset">
          <table className="tn-prices">
            <thead>
              <tr>
                <th scope="col">Market</th>
                {pricedCategories.map((c) => (
                  <th key={c} scope="col">
                    {categoryLabels[c]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.name}>
                  <th scope="row">
                    {r.name}
                    {r.prefixes.length > 0 && <span className="tn-muted"> +{r.prefixes.join(', +')}</span>}
                  </th>
                  {pricedCategories.map((c) => (
                    <td key={c}>
                      <input
                        type="number"
                        min={0}
                        step="any"
                        aria-label={`${r.name} ${categoryLabels[c]}`}
                        data-testid={`price-${r.name}-${c}`}
                        value={r.rates[c]}
                        onChange={(e) => edit(i, c, e.target.value)}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {problem && (
            <p className="tn-errors" role="alert" data-testid="prices-problem">
              {problem}
            </p>
          )}
          <div className="tn-row">
            <button type="submit" className="tn-primary" disabled={save.busy} data-testid="prices-save">
              Save
            </button>
            <button
              type="button"
              data-testid="prices-reset"
              onClick={() => {
                setRows(rowsOf(defaultRateTable));
                setProblem(undefined);
                save.clear();
              }}
            >
              Reset to defaults
            </button>
          </div>
        </fieldset>
        {!isAdmin && <p className="tn-help">Only admins can change this.</p>}
        <SaveFeedback save={save} testId="prices" />
      </form>
    </section>
  );
}

const otherRow = 'Other countries';

/** The markets' rows, then the last row: every other country. */
function rowsOf(table: RateTable): Row[] {
  const text = (r: RateTable['other']) => ({ marketing: String(r.marketing), utility: String(r.utility), authentication: String(r.authentication) });
  return [
    ...table.markets.map((m) => ({ name: m.name, prefixes: m.prefixes, rates: text(m.rates) })),
    { name: otherRow, prefixes: [], rates: text(table.other) },
  ];
}

/** The table the rows describe (the last row is `other`); undefined while a price is not a number of 0 or more. */
function tableOf(rows: Row[]): RateTable | undefined {
  const rates = (r: Row) => Object.fromEntries(pricedCategories.map((c) => [c, r.rates[c].trim() === '' ? Number.NaN : Number(r.rates[c])]));
  const parsed = rateTableSchema.safeParse({
    currency: 'USD',
    markets: rows.slice(0, -1).map((r) => ({ name: r.name, prefixes: r.prefixes, rates: rates(r) })),
    other: rates(rows[rows.length - 1]!),
  });
  return parsed.success ? parsed.data : undefined;
}
