import { useRef, useState, type FormEvent } from 'react';
import { Rocket } from 'lucide-react';
import { flowDocumentSchema, type Diagnostic } from '@tandem/shared';
import { ApiCallError, endpoints } from '@tandem/shared/api';
import { errorText, useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { keyedByContent } from '../shell/contentKeys';
import { Dialog } from '../shell/Dialog';
import { useFlowStore } from '../store/useFlow';
import { publishIssuesToDiagnostics } from '../validation/fromServer';
import { useValidation, useValidationStore } from '../validation/useValidation';
import { setServerDiagnostics } from '../validation/validationStore';
import { useWorkspaceData } from '../workspace/workspaceData';
import { costWords, templateSends } from './costWords';
import './publish.css';

/**
 * Publishes the draft as a new version with a note. The draft is saved first, so what is
 * published is what is on the canvas. Problems the server refuses it for go to the Problems panel.
 * A flow that sends templates shows what it would cost (saved first, so the estimate is of the canvas).
 */
export function PublishDialog({ onClose, onMessage }: { onClose: () => void; onMessage: (text: string) => void }) {
  const api = useApi();
  const data = useWorkspaceData();
  const store = useFlowStore();
  const validation = useValidationStore();
  const warnings = useValidation((s) => s.warningCount);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [refused, setRefused] = useState<Diagnostic[]>([]);
  // The server found the broadcast over its budget: the next Publish confirms it.
  const [overBudget, setOverBudget] = useState(false);
  // The dialog is modal: the canvas does not change while it is open.
  const [sends] = useState(() => templateSends(store.getState().doc));
  // The revision this dialog last saved as the draft.
  const saved = useRef<number | undefined>(undefined);
  const params = data ? { workspaceId: data.workspace.id, flowId: data.flowId } : undefined;

  /** Saves the canvas as the draft unless this dialog already did; false when it does not parse. */
  const saveCanvas = async (to: NonNullable<typeof params>): Promise<boolean> => {
    const revision = store.getState().revision;
    if (saved.current === revision) return true;
    const parsed = flowDocumentSchema.safeParse(store.getState().doc);
    if (!parsed.success) return false;
    await api(endpoints.saveDraft, { params: to, body: { document: parsed.data } });
    saved.current = revision;
    if (store.getState().revision === revision) store.getState().setSaveStatus({ state: 'saved' });
    return true;
  };
  const estimate = useLoad(
    async () => {
      if (!params || !(await saveCanvas(params))) throw new Error('The flow has invalid fields');
      return api(endpoints.flowCostEstimate, { params });
    },
    params?.flowId ?? '',
    { enabled: params !== undefined && sends.length > 0 },
  );
  if (!data || !params) return null;

  const publish = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      if (!(await saveCanvas(params))) return setError('The flow has invalid fields; fix them first.');
      const published = await api(endpoints.publishFlow, { params, body: { note: note.trim(), ...(overBudget ? { confirmOverBudget: true } : {}) } });
      onMessage(`Published version ${published.version}${note.trim() ? `: ${note.trim()}` : ''}`);
      data.refresh();
      onClose();
    } catch (err) {
      if (err instanceof ApiCallError && err.status === 422 && err.body.error.issues?.length) {
        const diagnostics = publishIssuesToDiagnostics(err.body.error.issues);
        setServerDiagnostics(validation, diagnostics);
        setRefused(diagnostics);
      }
      if (err instanceof ApiCallError && err.status === 409 && err.body.error.code === 'over_budget') setOverBudget(true);
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Publish this flow" onClose={onClose} testId="publish-dialog">
      <form onSubmit={(e) => void publish(e)}>
        <p className="tn-help">
          New contacts start on the new version{data.liveVersion ? ` (now v${data.liveVersion})` : ''}; journeys already running stay on the version they
          started on.
          {warnings > 0 && ` The flow has ${warnings} warning${warnings === 1 ? '' : 's'}; you can publish anyway.`}
        </p>
        <label className="tn-field">
          <span className="tn-field-label">What changed?</span>
          <textarea
            autoFocus
            rows={3}
            maxLength={500}
            data-testid="publish-note"
            value={note}
            placeholder="e.g. Shorter reminder text, second reminder after 2 days"
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        {sends.length > 0 && <CostSummary estimate={estimate.data} loading={estimate.loading} sends={sends} />}
        {error && (
          <div className="tn-errors" role="alert">
            <p>{error}</p>
            {refused.length > 0 && (
              <ul>
                {keyedByContent(refused).map(({ key, item: d }) => (
                  <li key={key}>
                    {d.nodeId && <code>{d.nodeId}</code>} {d.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <footer className="tn-dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="tn-primary" disabled={busy} data-testid="publish-confirm">
            <Rocket size={14} /> {busy ? 'Publishing…' : overBudget ? 'Publish over budget' : 'Publish'}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}

/** What the flow would cost; nothing when the estimate failed (the flow has errors). */
function CostSummary({
  estimate,
  loading,
  sends,
}: {
  estimate: Parameters<typeof costWords>[0] | undefined;
  loading: boolean;
  sends: Parameters<typeof costWords>[1];
}) {
  if (!estimate) return loading ? <p className="tn-help">Estimating cost…</p> : null;
  const words = costWords(estimate, sends);
  return (
    <section className="tn-publish-cost" data-testid="publish-cost" aria-label="Estimated cost">
      <p>{words.summary}</p>
      {words.lines.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Market</th>
              <th>Contacts</th>
              <th>Free now</th>
              <th>Each</th>
              <th>Cost</th>
            </tr>
          </thead>
          <tbody>
            {words.lines.map((l) => (
              <tr key={l.market}>
                <td>{l.market}</td>
                <td>{l.contacts}</td>
                <td>{l.free}</td>
                <td>{l.each}</td>
                <td>{l.cost}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {words.byMarket && <p className="tn-help">{words.byMarket}</p>}
      {words.budget && <p>{words.budget}</p>}
    </section>
  );
}
