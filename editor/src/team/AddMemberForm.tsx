import { useState, type FormEvent } from 'react';
import { endpoints, type MemberView, type Role, type WorkspaceView } from '@tandem/shared/api';
import { errorText, useApi } from '../api/client';
import { CopyButton } from '../workspace/CopyButton';
import { generatePassword, roleLabels, rolesByRank } from './roles';

export type Added = MemberView & { created: boolean; password?: string };

/** Gives a person access: by e-mail, with a role; a person without a Tandem login gets one with the first password shown here. */
export function AddMemberForm({ workspace, onAdded, onCancel }: { workspace: WorkspaceView; onAdded: (added: Added) => void; onCancel: () => void }) {
  const api = useApi();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [password, setPassword] = useState(() => generatePassword());
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const added = await api(endpoints.addMember, {
        params: { workspaceId: workspace.id },
        body: { email: email.trim(), role, password, ...(name.trim() ? { name: name.trim() } : {}) },
      });
      onAdded({ ...added, ...(added.created ? { password } : {}) });
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="tn-team-add" onSubmit={(e) => void submit(e)} data-testid="add-member-form">
      <h3>Add a person</h3>
      <div className="tn-team-add-fields">
        <label className="tn-field">
          <span className="tn-field-label">E-mail</span>
          <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} data-testid="member-email" />
        </label>
        <label className="tn-field">
          <span className="tn-field-label">Name (optional)</span>
          <input maxLength={120} value={name} onChange={(e) => setName(e.target.value)} placeholder="Shown to the team" data-testid="member-name" />
        </label>
        <label className="tn-field">
          <span className="tn-field-label">Role</span>
          <select value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="member-role">
            {rolesByRank.map((r) => (
              <option key={r} value={r}>
                {roleLabels[r]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="tn-field">
        <span className="tn-field-label">First password</span>
        <div className="tn-row">
          <input
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            minLength={10}
            maxLength={200}
            className="tn-mono"
            aria-label="First password"
            data-testid="member-password"
          />
          <button type="button" onClick={() => setPassword(generatePassword())}>
            New password
          </button>
        </div>
        <p className="tn-help">
          Only used if this person has no Tandem login yet: they sign in with their e-mail and this password, and should change it under “Your account”. Someone
          who already has a login keeps their own password. At least 10 characters.
        </p>
      </div>
      {error && (
        <p className="tn-errors" role="alert">
          {error}
        </p>
      )}
      <footer className="tn-dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="tn-primary" disabled={busy || !email.trim() || password.length < 10} data-testid="add-member-submit">
          {busy ? 'Adding…' : 'Add to the workspace'}
        </button>
      </footer>
    </form>
  );
}

/** What adding someone did: a new login with its first password (shown this once), or access for someone who already had one. */
export function AddedNotice({ added, workspace, onClose }: { added: Added; workspace: WorkspaceView; onClose: () => void }) {
  return (
    <div className="tn-team-added" role="status" data-testid="member-added">
      <p>
        <strong>{added.email}</strong> can now use {workspace.name} as {roleLabels[added.role].toLowerCase()}.
      </p>
      {added.password ? (
        <>
          <p>
            Their first password is{' '}
            <code className="tn-mono" data-testid="member-added-password">
              {added.password}
            </code>{' '}
            <CopyButton value={added.password} label="the first password" />
          </p>
          <p className="tn-help">
            Give it to them privately (a chat or a call rather than e-mail), with the address of this page. Tandem does not show it again; they can change it
            under “Your account” once they are in.
          </p>
        </>
      ) : (
        <p className="tn-help">They already had a Tandem login: they sign in with their own password.</p>
      )}
      <button type="button" onClick={onClose}>
        Done
      </button>
    </div>
  );
}
