import { useState, type FormEvent } from 'react';
import { PlugZap } from 'lucide-react';
import { endpoints, type ConnectionTest, type WorkspaceView } from '@tandem/shared/api';
import { errorText, useApi } from '../api/client';
import { COEXISTENCE_MPS, connectionFormOf, connectionPatch, connectionProblems, type ConnectionForm } from './connectionForm';
import { SaveFeedback, useWorkspaceSave } from './useWorkspaceSave';
import { WebhookSetup } from './WebhookSetup';

/** The WhatsApp number: switch a sandbox to the Cloud API or edit the connection, test it against Meta, and the webhook values for Meta. */
export function ConnectNumberSection({ workspace, onChanged }: { workspace: WorkspaceView; onChanged: () => void }) {
  const isAdmin = workspace.role === 'admin';
  const cloud = workspace.transport === 'cloud';
  return (
    <section className="tn-panel tn-settings-section" aria-labelledby="number-title" data-testid="connect-number">
      <h2 id="number-title">WhatsApp number</h2>
      {cloud ? (
        <p className="tn-help" data-testid="number-status">
          Sending through WhatsApp's Cloud API{workspace.displayPhoneNumber ? ` from ${workspace.displayPhoneNumber}` : ''}
          {workspace.coexistence ? ', shared with the WhatsApp Business App (coexistence).' : '.'}
        </p>
      ) : (
        <p className="tn-help" data-testid="number-status">
          This workspace is a sandbox: the simulator plays the customer and nothing reaches WhatsApp. Connect your number to send for real; the journeys,
          templates and contacts stay. From then on published journeys answer real customers, and the simulator no longer runs here: to keep trying journeys,
          copy them to a sandbox workspace.
        </p>
      )}
      {isAdmin ? <ConnectionEditor workspace={workspace} onChanged={onChanged} /> : <ConnectionFacts workspace={workspace} />}
    </section>
  );
}

function ConnectionFacts({ workspace }: { workspace: WorkspaceView }) {
  return (
    <>
      {workspace.transport === 'cloud' && (
        <dl className="tn-settings-facts">
          <dt>Phone number ID</dt>
          <dd>{workspace.phoneNumberId ?? '—'}</dd>
          <dt>WhatsApp Business Account ID</dt>
          <dd>{workspace.wabaId ?? '—'}</dd>
          <dt>Access token</dt>
          <dd>{workspace.hasAccessToken ? 'Set' : 'Not set'}</dd>
          <dt>Messages per second</dt>
          <dd>{workspace.throughputMps}</dd>
        </dl>
      )}
      <p className="tn-help">Only admins can change this.</p>
    </>
  );
}

function ConnectionEditor({ workspace, onChanged }: { workspace: WorkspaceView; onChanged: () => void }) {
  const [form, setForm] = useState<ConnectionForm>(() => connectionFormOf(workspace));
  const [tried, setTried] = useState(false);
  const save = useWorkspaceSave(workspace, onChanged);
  const problems = connectionProblems(form, workspace.hasAccessToken);
  const saved = connectionFormOf(workspace);
  const dirty = (Object.keys(form) as (keyof ConnectionForm)[]).some((k) => form[k] !== saved[k]);
  const cloud = workspace.transport === 'cloud';

  const set = <K extends keyof ConnectionForm>(key: K, value: ConnectionForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    save.clear();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(problems).length > 0) return;
    if (!cloud && !window.confirm(`Connect ${workspace.name} to this number? Published journeys start answering real customers, and the simulator stops here.`))
      return;
    const ok = await save.save(connectionPatch(form), cloud ? 'Saved. Test the connection to check it with Meta.' : 'Connected. Now test the connection.');
    if (ok) {
      setForm((f) => ({ ...f, accessToken: '' }));
      setTried(false);
    }
  };
  const error = (key: keyof ConnectionForm) =>
    tried && problems[key] ? (
      <p className="tn-errors" data-testid={`number-${key}-error`}>
        {problems[key]}
      </p>
    ) : null;

  return (
    <>
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="number-form">
        <div className="tn-settings-grid">
          <div className="tn-field">
            <label className="tn-field-label" htmlFor="number-id">
              Phone number ID
            </label>
            <input
              id="number-id"
              inputMode="numeric"
              value={form.phoneNumberId}
              onChange={(e) => set('phoneNumberId', e.target.value)}
              placeholder="e.g. 106540352242922"
              data-testid="number-id"
            />
            <p className="tn-help">In your Meta app under WhatsApp → API Setup: the long number next to your phone number, not the phone number itself.</p>
            {error('phoneNumberId')}
          </div>
          <div className="tn-field">
            <label className="tn-field-label" htmlFor="number-waba">
              WhatsApp Business Account ID
            </label>
            <input
              id="number-waba"
              inputMode="numeric"
              value={form.wabaId}
              onChange={(e) => set('wabaId', e.target.value)}
              placeholder="e.g. 102290129340398"
              data-testid="number-waba"
            />
            <p className="tn-help">On the same page. Tandem needs it to fetch your templates and WhatsApp Flows.</p>
            {error('wabaId')}
          </div>
          <div className="tn-field">
            <label className="tn-field-label" htmlFor="number-display">
              Phone number as customers see it
            </label>
            <input
              id="number-display"
              value={form.displayPhoneNumber}
              onChange={(e) => set('displayPhoneNumber', e.target.value)}
              placeholder="e.g. +1 631-555-5555"
              data-testid="number-display"
            />
            <p className="tn-help">Shown in Tandem only; Test connection tells you if Meta has another one.</p>
            {error('displayPhoneNumber')}
          </div>
          <div className="tn-field">
            <label className="tn-field-label" htmlFor="number-token">
              Access token{' '}
              <span className={workspace.hasAccessToken ? 'tn-chip tn-chip-live' : 'tn-chip'} data-testid="token-state">
                {workspace.hasAccessToken ? 'set' : 'not set'}
              </span>
            </label>
            <input
              id="number-token"
              type="password"
              autoComplete="off"
              value={form.accessToken}
              onChange={(e) => set('accessToken', e.target.value)}
              placeholder={workspace.hasAccessToken ? 'Saved; paste a new one to replace it' : 'Paste the token'}
              data-testid="number-token"
            />
            <p className="tn-help">
              A system user's token from Business Settings, with the whatsapp_business_messaging and whatsapp_business_management permissions. Tandem stores it
              encrypted and never shows it again.
            </p>
            {error('accessToken')}
          </div>
        </div>
        <label className="tn-toggle tn-settings-check">
          <input type="checkbox" checked={form.coexistence} onChange={(e) => set('coexistence', e.target.checked)} data-testid="number-coexistence" /> The
          number is also used in the WhatsApp Business App (coexistence)
        </label>
        <p className="tn-help">
          Then the bot steps back when someone answers from the App, and the number sends at most {COEXISTENCE_MPS} messages a second, as Meta fixes it.
        </p>
        {!form.coexistence && (
          <div className="tn-field">
            <label className="tn-field-label" htmlFor="number-mps">
              Messages per second
            </label>
            <input
              id="number-mps"
              className="tn-narrow"
              type="number"
              min={1}
              max={1000}
              value={form.throughputMps}
              onChange={(e) => set('throughputMps', e.target.value)}
              data-testid="number-mps"
            />
            <p className="tn-help">80 for most numbers; up to 1,000 once Meta raised your number's throughput.</p>
            {error('throughputMps')}
          </div>
        )}
        <div className="tn-settings-actions">
          <button type="submit" className="tn-primary" disabled={save.busy || (cloud && !dirty)} data-testid="number-save">
            {save.busy ? 'Saving…' : cloud ? 'Save changes' : 'Connect the number'}
          </button>
          <SaveFeedback save={save} testId="number" />
        </div>
      </form>
      {cloud && <ConnectionCheck workspace={workspace} dirty={dirty} />}
      {cloud && <WebhookSetup workspace={workspace} />}
      {cloud && <BackToSandbox workspace={workspace} onChanged={onChanged} />}
    </>
  );
}

/** "Test connection": Tandem asks Meta about the number with the saved token and says what it found. */
function ConnectionCheck({ workspace, dirty }: { workspace: WorkspaceView; dirty: boolean }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ConnectionTest>();
  const [error, setError] = useState<string>();
  const run = async () => {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await api(endpoints.testConnection, { params: { workspaceId: workspace.id } }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="tn-settings-box" data-testid="connection-check">
      <div className="tn-row">
        <button type="button" onClick={() => void run()} disabled={busy || dirty} data-testid="test-connection">
          <PlugZap size={15} aria-hidden /> {busy ? 'Asking Meta…' : 'Test connection'}
        </button>
        {dirty && <span className="tn-help">Save your changes first: the test uses what is saved.</span>}
      </div>
      {error && (
        <p className="tn-banner tn-banner-error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div className={result.ok ? 'tn-banner' : 'tn-banner tn-banner-error'} role="status" data-testid="connection-result" data-ok={String(result.ok)}>
          <div>
            {result.ok ? <strong>{result.message}</strong> : <strong>Not connected.</strong>} {!result.ok && result.message}
            {result.ok && result.notes.length > 0 && (
              <ul className="tn-settings-notes">
                {result.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            )}
            {!result.ok && result.metaCode !== null && <span className="tn-muted"> (Meta error {result.metaCode})</span>}
          </div>
        </div>
      )}
    </div>
  );
}

/** Stops sending through WhatsApp: the workspace becomes a sandbox again (the number's details and token are kept). */
function BackToSandbox({ workspace, onChanged }: { workspace: WorkspaceView; onChanged: () => void }) {
  const save = useWorkspaceSave(workspace, onChanged);
  const back = () => {
    if (!window.confirm(`Stop sending through WhatsApp for ${workspace.name}? Journeys stop reaching customers and the simulator works here again.`)) return;
    void save.save({ transport: 'sandbox' }, 'This workspace is a sandbox again.');
  };
  return (
    <div className="tn-settings-actions">
      <button type="button" onClick={back} disabled={save.busy} data-testid="back-to-sandbox">
        Go back to the sandbox
      </button>
      <span className="tn-help">The number's details and token are kept, so you can connect again later.</span>
      <SaveFeedback save={save} testId="sandbox" />
    </div>
  );
}
