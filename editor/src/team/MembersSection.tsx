import { useState } from 'react';
import { Trash2, UserPlus } from 'lucide-react';
import { endpoints, type MemberView, type Role, type WorkspaceView } from '@tandem/shared/api';
import { errorText, useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { AddedNotice, AddMemberForm, type Added } from './AddMemberForm';
import { isLastAdmin, roleLabels, rolesByRank } from './roles';

/** The people of the workspace with their roles: add, change a role, remove (never the last admin). */
export function MembersSection({ workspace, myId, onOwnRoleChanged }: { workspace: WorkspaceView; myId: string | undefined; onOwnRoleChanged: () => void }) {
  const api = useApi();
  const members = useLoad(() => api(endpoints.listMembers, { params: { workspaceId: workspace.id } }), workspace.id);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<Added>();
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();
  const list = members.data?.members ?? [];

  const act = async (what: () => Promise<string>, own: boolean) => {
    setMessage(undefined);
    try {
      setMessage({ text: await what() });
      await members.reload();
      if (own) onOwnRoleChanged();
    } catch (e) {
      setMessage({ text: errorText(e), error: true });
    }
  };
  const changeRole = (m: MemberView, role: Role) => {
    const own = m.id === myId;
    if (own && role !== 'admin' && !window.confirm(`Make yourself ${roleLabels[role].toLowerCase()}? You will no longer see this page or change the settings.`))
      return;
    void act(async () => {
      await api(endpoints.updateMember, { params: { workspaceId: workspace.id, userId: m.id }, body: { role } });
      return `${m.email} is now ${roleLabels[role].toLowerCase()}.`;
    }, own);
  };
  const remove = (m: MemberView) => {
    const own = m.id === myId;
    const question = own
      ? `Remove yourself from ${workspace.name}? You lose access to it at once.`
      : `Remove ${m.email} from ${workspace.name}? They lose access at once; their login still works for other workspaces they belong to.`;
    if (!window.confirm(question)) return;
    void act(async () => {
      await api(endpoints.removeMember, { params: { workspaceId: workspace.id, userId: m.id } });
      return `${m.email} no longer has access to ${workspace.name}.`;
    }, own);
  };

  return (
    <section className="tn-panel tn-team-section" aria-labelledby="team-people" data-testid="team-members">
      <div className="tn-panel-head">
        <h2 id="team-people">People</h2>
        <span className="tn-spacer" />
        {!adding && (
          <button
            type="button"
            className="tn-primary"
            onClick={() => {
              setAdded(undefined);
              setAdding(true);
            }}
            data-testid="add-member"
          >
            <UserPlus size={15} aria-hidden /> Add a person
          </button>
        )}
      </div>
      <p className="tn-help">Everyone who can sign in to {workspace.name}, and what they may do here.</p>
      {adding && (
        <AddMemberForm
          workspace={workspace}
          onCancel={() => setAdding(false)}
          onAdded={(a) => {
            setAdding(false);
            setAdded(a);
            void members.reload();
          }}
        />
      )}
      {added && <AddedNotice added={added} workspace={workspace} onClose={() => setAdded(undefined)} />}
      {message && (
        <p className={message.error ? 'tn-banner tn-banner-error' : 'tn-banner'} role={message.error ? 'alert' : 'status'} data-testid="team-message">
          {message.text}
        </p>
      )}
      {members.error && <p className="tn-banner tn-banner-error">The team could not be loaded: {members.error}</p>}
      {!members.data && !members.error && <p className="tn-muted">Loading the team…</p>}
      {members.data && list.length === 0 && <div className="tn-empty">Nobody has access yet. Add the first person.</div>}
      {list.length > 0 && (
        <table className="tn-table tn-team-table">
          <thead>
            <tr>
              <th>Person</th>
              <th>Role</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {list.map((m) => {
              const last = isLastAdmin(list, m.id);
              return (
                <tr key={m.id} data-member={m.email}>
                  <td>
                    <strong>{m.name}</strong> {m.id === myId && <span className="tn-chip">you</span>}
                    <div className="tn-muted">{m.email}</div>
                  </td>
                  <td>
                    <select
                      value={m.role}
                      aria-label={`Role of ${m.email}`}
                      disabled={last}
                      onChange={(e) => changeRole(m, e.target.value as Role)}
                      data-testid="member-role-select"
                    >
                      {rolesByRank.map((r) => (
                        <option key={r} value={r}>
                          {roleLabels[r]}
                        </option>
                      ))}
                    </select>
                    {last && <div className="tn-help">The only admin: make someone else an admin first.</div>}
                    {m.instanceAdmin && <div className="tn-help">Runs this Tandem installation: sees every workspace as an admin.</div>}
                  </td>
                  <td className="tn-row-actions">
                    <button
                      type="button"
                      disabled={last}
                      title={last ? 'The only admin cannot be removed' : `Remove ${m.email}`}
                      aria-label={`Remove ${m.email}`}
                      onClick={() => remove(m)}
                      data-testid="remove-member"
                    >
                      <Trash2 size={15} />
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
