import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Check, FolderInput, TriangleAlert } from 'lucide-react';
import { endpoints, roleRank, type FlowSummary, type WorkspaceView } from '@tandem/shared/api';
import { errorText, useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { Dialog } from '../shell/Dialog';
import { MissingTemplates } from '../templates/MissingTemplates';
import { navigate } from '../shell/router';
import { cloneBody, defaultChoices, missingTemplates, showNumber, templateKey, type CloneChoices } from './cloneMapping';

/**
 * Copies a flow into another of the caller's workspaces: shows which templates, contact
 * attributes and flows it uses and which the target lacks, lets each be mapped to the target's
 * own, then opens the copy there.
 */
export function CloneDialog({
  workspace,
  workspaces,
  flow,
  onClose,
}: {
  workspace: WorkspaceView;
  workspaces: readonly WorkspaceView[];
  flow: FlowSummary;
  onClose: () => void;
}) {
  const api = useApi();
  const targets = workspaces.filter((w) => w.id !== workspace.id && roleRank[w.role] >= roleRank.editor);
  const [target, setTarget] = useState(targets[0]?.id ?? '');
  const [name, setName] = useState(flow.name);
  const [choices, setChoices] = useState<CloneChoices>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const params = { workspaceId: workspace.id, flowId: flow.id };
  const preview = useLoad(
    async () => {
      const [p, f] = await Promise.all([
        api(endpoints.clonePreview, { params, body: { targetWorkspaceId: target } }),
        api(endpoints.listFlows, { params: { workspaceId: target }, query: {} }),
      ]);
      return { preview: p, targetFlows: f.flows };
    },
    `${flow.id}|${target}`,
    { enabled: target !== '' },
  );
  const p = preview.data?.preview;
  // A new target starts from the defaults; looking again at the same target (after a missing
  // template was created or synced there) keeps what the user picked and fills in the rest.
  const choicesFor = useRef<string>(undefined);
  useEffect(() => {
    if (!preview.data) return;
    const defaults = defaultChoices(preview.data.preview, preview.data.targetFlows);
    const same = choicesFor.current === target;
    choicesFor.current = target;
    setChoices((c) => (same && c ? keepPicked(c, defaults) : defaults));
  }, [preview.data, target]);

  const clone = async (e: FormEvent) => {
    e.preventDefault();
    if (!p || !choices) return;
    setBusy(true);
    setError(undefined);
    try {
      const result = await api(endpoints.cloneFlow, { params, body: cloneBody(p, choices, target, name) });
      navigate({ name: 'flow', workspaceId: target, flowId: result.flow.id });
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };
  const set = (part: 'templates' | 'attributes' | 'flows', key: string, value: string) =>
    setChoices((c) => (c ? { ...c, [part]: { ...c[part], [key]: value } } : c));
  const missing = p && choices ? missingTemplates(p, choices) : [];
  const targetWorkspace = targets.find((w) => w.id === target);

  return (
    <Dialog title={`Copy “${flow.name}” to another workspace`} onClose={onClose} wide testId="clone-dialog">
      {targets.length === 0 ? (
        <>
          <p className="tn-help">
            You have no other workspace where you may edit flows. Create one from the workspace menu, or ask its admin for the editor role.
          </p>
          <footer className="tn-dialog-actions">
            <button type="button" onClick={onClose}>
              Close
            </button>
          </footer>
        </>
      ) : (
        <form onSubmit={(e) => void clone(e)}>
          <div className="tn-row">
            <label className="tn-field">
              <span className="tn-field-label">To workspace</span>
              <select value={target} onChange={(e) => setTarget(e.target.value)} data-testid="clone-target">
                {targets.map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.name}
                    {w.transport === 'sandbox' ? ' (sandbox)' : ''}
                  </option>
                ))}
              </select>
            </label>
            <label className="tn-field">
              <span className="tn-field-label">Name of the copy</span>
              <input value={name} maxLength={120} onChange={(e) => setName(e.target.value)} data-testid="clone-name" />
            </label>
          </div>
          {preview.error && <p className="tn-errors">{preview.error}</p>}
          {!p && !preview.error && <p className="tn-muted">Looking at what the flow uses…</p>}
          {p && choices && (
            <>
              <h3>Templates</h3>
              {p.templates.length === 0 ? (
                <p className="tn-help">The flow sends no templates.</p>
              ) : (
                <table className="tn-table" data-testid="clone-templates">
                  <thead>
                    <tr>
                      <th>Used by the flow</th>
                      <th>In the target</th>
                      <th>Send instead</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.templates.map((t) => {
                      const key = templateKey(t);
                      const chosen = p.targetTemplates.find((x) => templateKey(x) === choices.templates[key]);
                      return (
                        <tr key={key} data-template={t.name}>
                          <td>
                            <code>{t.name}</code> <span className="tn-muted">{t.language}</span>{' '}
                            <span className={`tn-chip tn-chip-${t.category.toLowerCase()}`}>{t.category.toLowerCase()}</span>
                          </td>
                          <td>{t.existsInTarget ? <Check size={16} aria-label="exists" className="tn-ok" /> : <span className="tn-warning">missing</span>}</td>
                          <td>
                            <select
                              aria-label={`Template for ${t.name}`}
                              value={choices.templates[key] ?? ''}
                              onChange={(e) => set('templates', key, e.target.value)}
                            >
                              <option value="">— keep {t.name} (not mapped) —</option>
                              {p.targetTemplates.map((x) => (
                                <option key={templateKey(x)} value={templateKey(x)}>
                                  {x.name} ({x.language}) · {x.category.toLowerCase()}
                                </option>
                              ))}
                            </select>
                            {chosen && chosen.category !== t.category && <p className="tn-warning">Category differs: {chosen.category.toLowerCase()}</p>}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              )}
              <h3>Contact attributes</h3>
              {p.attributes.length === 0 ? (
                <p className="tn-help">The flow reads or writes no custom contact attributes.</p>
              ) : (
                <table className="tn-table" data-testid="clone-attributes">
                  <thead>
                    <tr>
                      <th>Used by the flow</th>
                      <th>In the target</th>
                      <th>Name in the target</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.attributes.map((a) => (
                      <tr key={a.name}>
                        <td>
                          <code>{a.name}</code>
                        </td>
                        <td>{a.existsInTarget ? <Check size={16} aria-label="exists" className="tn-ok" /> : <span className="tn-muted">new</span>}</td>
                        <td>
                          <input
                            aria-label={`Attribute for ${a.name}`}
                            value={choices.attributes[a.name] ?? a.name}
                            onChange={(e) => set('attributes', a.name, e.target.value)}
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {p.flows.length > 0 && (
                <>
                  <h3>Flows it goes to</h3>
                  <table className="tn-table" data-testid="clone-flows">
                    <tbody>
                      {p.flows.map((f) => (
                        <tr key={f.flowId}>
                          <td>{f.name}</td>
                          <td>
                            <select
                              aria-label={`Flow for ${f.name}`}
                              value={choices.flows[f.flowId] ?? ''}
                              onChange={(e) => set('flows', f.flowId, e.target.value)}
                            >
                              <option value="">— not mapped —</option>
                              {preview.data!.targetFlows.map((x) => (
                                <option key={x.id} value={x.id}>
                                  {x.name}
                                </option>
                              ))}
                            </select>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              )}
              <h3>WhatsApp number</h3>
              <p className="tn-help" data-testid="clone-number">
                {p.number.target
                  ? `The copy sends from the target's number, ${showNumber(p.number.target)}.`
                  : 'The target has no WhatsApp number yet: until one is connected, its simulator plays it.'}
                {p.number.mentions === 0 &&
                  (p.number.source ? ` The flow's texts and links do not mention this workspace's number (${showNumber(p.number.source)}).` : '')}
              </p>
              {p.number.mentions > 0 && (
                <label className="tn-field">
                  <span className="tn-field-label">
                    The flow mentions {showNumber(p.number.source ?? '')} {p.number.mentions === 1 ? 'once' : `${p.number.mentions} times`} (texts, wa.me
                    links); in the copy write instead
                  </span>
                  <input
                    value={choices.number}
                    inputMode="tel"
                    placeholder="leave empty to keep it"
                    onChange={(e) => setChoices((c) => (c ? { ...c, number: e.target.value } : c))}
                    data-testid="clone-number-to"
                  />
                </label>
              )}
              {missing.length > 0 && (
                <p className="tn-banner tn-banner-warning">
                  <TriangleAlert size={14} aria-hidden /> {missing.map((t) => t.name).join(', ')} {missing.length === 1 ? 'is' : 'are'} not in the target: the
                  copy will show an error on {missing.length === 1 ? 'that step' : 'those steps'} until you pick a template there.
                </p>
              )}
              {targetWorkspace && (
                <MissingTemplates sourceWorkspaceId={workspace.id} target={targetWorkspace} missing={missing} onChanged={() => preview.reload()} />
              )}
            </>
          )}
          {error && <p className="tn-errors">{error}</p>}
          <footer className="tn-dialog-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="tn-primary" disabled={busy || !p || !choices} data-testid="clone-confirm">
              <FolderInput size={14} /> {busy ? 'Copying…' : 'Copy and open'}
            </button>
          </footer>
        </form>
      )}
    </Dialog>
  );
}

/** The user's picks over fresh defaults: an empty pick (not mapped) gives way to a default found since. */
function keepPicked(picked: CloneChoices, defaults: CloneChoices): CloneChoices {
  const over = (d: Record<string, string>, p: Record<string, string>) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, p[k] ? p[k] : v]));
  return {
    templates: over(defaults.templates, picked.templates),
    attributes: over(defaults.attributes, picked.attributes),
    flows: over(defaults.flows, picked.flows),
    number: picked.number,
  };
}
