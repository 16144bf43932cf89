import { ShieldAlert } from 'lucide-react';
import { endpoints, type WorkspaceView } from '@tandem/shared/api';
import { useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { ApiKeysSection } from './ApiKeysSection';
import { AuditSection } from './AuditSection';
import { MembersSection } from './MembersSection';
import { RolesTable } from './RolesTable';
import { roleLabels } from './roles';
import './team.css';

/** Who may use the workspace and how: people and their roles, what each role may do, and API keys. Admins only. */
export function TeamPage({ workspace, onChanged }: { workspace: WorkspaceView; onChanged?: () => void }) {
  const isAdmin = workspace.role === 'admin';
  return (
    <div className="tn-page" data-testid="team-page" data-workspace={workspace.id}>
      <header className="tn-page-head">
        <h1>Team</h1>
      </header>
      {isAdmin ? (
        <AdminTeam key={workspace.id} workspace={workspace} onChanged={onChanged} />
      ) : (
        <div className="tn-empty" data-testid="team-admins-only">
          <ShieldAlert size={20} aria-hidden />
          <p>
            Only admins of {workspace.name} can see the team and manage API keys. Your role here is {roleLabels[workspace.role].toLowerCase()}; ask an admin if
            you need more access.
          </p>
        </div>
      )}
    </div>
  );
}

function AdminTeam({ workspace, onChanged }: { workspace: WorkspaceView; onChanged?: (() => void) | undefined }) {
  const api = useApi();
  const me = useLoad(() => api(endpoints.me), 'me');
  return (
    <>
      <MembersSection workspace={workspace} myId={me.data?.user?.id} onOwnRoleChanged={() => onChanged?.()} />
      <ApiKeysSection workspace={workspace} />
      <RolesTable />
      <AuditSection workspace={workspace} />
    </>
  );
}
