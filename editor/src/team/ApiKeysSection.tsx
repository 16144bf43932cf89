import { useState, type FormEvent } from 'react';
import { KeyRound, Trash2 } from 'lucide-react';
import { endpoints, type ResponseOf, type Role, type WorkspaceView } from '@tandem/shared/api';
import { errorText, useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { Dialog } from '../shell/Dialog';
import { CopyButton } from '../workspace/CopyButton';
import { keyRoleHelp, roleLabels, rolesByRank } from './roles';

type CreatedKey = ResponseOf<typeof endpoints.createApiKey>;

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : 'Never');

/** Keys that let other systems (a shop, a CRM, Zapier) use the workspace through the API: list, create (shown once), revoke. */
export function ApiKeysSection({ workspace }: { workspace: WorkspaceView }) {
  const api = useApi();
  const keys = useLoad(() => api(endpoints.listApiKeys, { params: { workspaceId: workspace.id } }), workspace.id);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedKey>();
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();
  const list = keys.data?.keys ?? [];

  const revoke = async (k: { id: string; name: string }) => {
    if (!window.confirm(`Revoke the key “${k.name}”? Every system using it is refused from its next request on. This cannot be undone.`)) return;
    try {
      await api(endpoints.revokeApiKey, { params: { workspaceId: workspace.id, keyId: k.id } });
      // The list without the key first, then the confirmation: what the message says is what the screen shows.
      await keys.reload();
      setMessage({ text: `Revoked “${k.name}”.` });
    } catch (e) {
      setMessage({ text: errorText(e), error: true });
    }
  };

  return (
    <section className="tn-panel tn-team-section" aria-labelledby="team-keys" data-testid="api-keys">
      <div className="tn-panel-head">
        <h2 id="team-keys">API keys</h2>
        <span className="tn-spacer" />
        <button type="button" onClick={() => setCreating(true)} data-testid="create-key">
          <KeyRound size={15} aria-hidden /> Create a key
        </button>
      </div>
      <p className="tn-help">
        A key lets another system — your shop, a CRM, an automation tool — start journeys, send business events or read results without a person signing in.
        Give each system its own key with the smallest role it needs, so you can revoke one without stopping the others.
      </p>
      {created && <NewKeyNotice created={created} onClose={() => setCreated(undefined)} />}
      {message && (
        <p className={message.error ? 'tn-banner tn-banner-error' : 'tn-banner'} role={message.error ? 'alert' : 'status'} data-testid="keys-message">
          {message.text}
        </p>
      )}
      {keys.error && <p className="tn-banner tn-banner-error">The keys could not be loaded: {keys.error}</p>}
      {!keys.data && !keys.error && <p className="tn-muted">Loading the keys…</p>}
      {keys.data && list.length === 0 && <div className="tn-empty">No API keys yet. Create one when a system needs to reach this workspace.</div>}
      {list.length > 0 && (
        <table className="tn-table tn-team-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Role</th>
              <th>Starts with</th>
              <th>Created</th>
              <th>Last used</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {list.map((k) => (
              <tr key={k.id} data-key={k.name}>
                <td>{k.name}</td>
                <td>{roleLabels[k.role]}</td>
                <td>
                  <code className="tn-mono">{k.prefix}_…</code>
                </td>
                <td className="tn-muted">{when(k.createdAt)}</td>
                <td className="tn-muted">{when(k.lastUsedAt)}</td>
                <td className="tn-row-actions">
                  <button type="button" title={`Revoke ${k.name}`} aria-label={`Revoke ${k.name}`} onClick={() => void revoke(k)} data-testid="revoke-key">
                    <Trash2 size={15} />
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creating && (
        <CreateKeyDialog
          workspace={workspace}
          onClose={() => setCreating(false)}
          onCreated={(k) => {
            setCreating(false);
            setMessage(undefined);
            setCreated(k);
            void keys.reload();
          }}
        />
      )}
    </section>
  );
}

function CreateKeyDialog({ workspace, onClose, onCreated }: { workspace: WorkspaceView; onClose: () => void; onCreated: (k: CreatedKey) => void }) {
  const api = useApi();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      onCreated(await api(endpoints.createApiKey, { params: { workspaceId: workspace.id }, body: { name: name.trim(), role } }));
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };
  return (
    <Dialog title="Create an API key" onClose={onClose} testId="create-key-dialog">
      <form onSubmit={(e) => void submit(e)}>
        <label className="tn-field">
          <span className="tn-field-label">Name</span>
          <input
            autoFocus
            required
            maxLength={80}
            value={name}
            placeholder="e.g. Shopify store"
            onChange={(e) => setName(e.target.value)}
            data-testid="key-name"
          />
          <span className="tn-help">Say which system uses it, so you know later what revoking it stops.</span>
        </label>
        <fieldset className="tn-field tn-team-key-roles">
          <legend className="tn-field-label">What it may do</legend>
          {rolesByRank.map((r) => (
            <label key={r} className="tn-choice">
              <input type="radio" name="key-role" value={r} checked={role === r} onChange={() => setRole(r)} data-testid={`key-role-${r}`} />{' '}
              <strong>{roleLabels[r]}</strong>: {keyRoleHelp[r]}
            </label>
          ))}
        </fieldset>
        {error && (
          <p className="tn-errors" role="alert">
            {error}
          </p>
        )}
        <footer className="tn-dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="tn-primary" disabled={busy || !name.trim()} data-testid="create-key-submit">
            Create key
          </button>
        </footer>
      </form>
    </Dialog>
  );
}

/** The new key, this one time: Tandem keeps only a fingerprint of it. */
function NewKeyNotice({ created, onClose }: { created: CreatedKey; onClose: () => void }) {
  return (
    <div className="tn-team-added tn-team-new-key" role="status" data-testid="new-key">
      <p className="tn-banner tn-banner-warning">
        Copy the key “{created.name}” now and store it where the system that uses it keeps secrets. Tandem shows it only this once; if it is lost, revoke it and
        create another.
      </p>
      <div className="tn-row">
        <input readOnly value={created.key} className="tn-mono" aria-label="The new API key" onFocus={(e) => e.target.select()} data-testid="new-key-value" />
        <CopyButton value={created.key} label="the API key" testId="copy-key" />
      </div>
      <p className="tn-help">
        Send it as <code className="tn-mono">Authorization: Bearer &lt;key&gt;</code>. It can do what a {roleLabels[created.role].toLowerCase()} can.
      </p>
      <button type="button" onClick={onClose} data-testid="new-key-done">
        I have stored it
      </button>
    </div>
  );
}
