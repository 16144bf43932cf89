import { useState, type FormEvent } from 'react';
import { Rocket } from 'lucide-react';
import { flowDocumentSchema, type Diagnostic } from '@tandem/shared';
import { ApiCallError, endpoints } from '@tandem/shared/api';
import { errorText, useApi } from '../api/client';
import { keyedByContent } from '../shell/contentKeys';
import { Dialog } from '../shell/Dialog';
import { useFlowStore } from '../store/useFlow';
import { publishIssuesToDiagnostics } from '../validation/fromServer';
import { useValidation, useValidationStore } from '../validation/useValidation';
import { setServerDiagnostics } from '../validation/validationStore';
import { useWorkspaceData } from '../workspace/workspaceData';

/**
 * Publishes the draft as a new version with a note. The draft is saved first, so what is
 * published is what is on the canvas. Problems the server refuses it for go to the Problems panel.
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
  if (!data) return null;
  const params = { workspaceId: data.workspace.id, flowId: data.flowId };

  const publish = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = flowDocumentSchema.safeParse(store.getState().doc);
    if (!parsed.success) return setError('The flow has invalid fields; fix them first.');
    setBusy(true);
    setError(undefined);
    try {
      const revision = store.getState().revision;
      await api(endpoints.saveDraft, { params, body: { document: parsed.data } });
      if (store.getState().revision === revision) store.getState().setSaveStatus({ state: 'saved' });
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
