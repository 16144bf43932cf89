import { lazy, Suspense, useEffect, useState } from 'react';
import { BookUser, Inbox, LayoutDashboard, LayoutTemplate, LogOut, Settings, TriangleAlert, UserRound, Users, Workflow } from 'lucide-react';
import { useStore } from 'zustand';
import { endpoints, roleRank, type WorkspaceView } from '@tandem/shared/api';
import { errorText, useApi } from '../api/client';
import type { SessionStore } from '../api/session';
import { FlowList } from '../flows/FlowList';
import { FlowPage } from '../flows/FlowPage';
import { InboxBadge } from '../inbox/InboxBadge';
import { InboxPage } from '../inbox/InboxPage';
import { AccountPage } from '../account/AccountPage';
import { ContactsPage } from '../contacts/ContactsPage';
import { TeamPage } from '../team/TeamPage';
import { TemplatesPage } from '../templates/TemplatesPage';
import { WorkspaceSettingsPage } from '../workspace/WorkspaceSettingsPage';
import { keyedByContent } from './contentKeys';
import { NameDialog } from './NameDialog';
import { SyncProgress } from './SyncProgress';
import { navigate, useRoute } from './router';

// The dashboard's charts (recharts) load when it is first opened, not with the editor.
const DashboardPage = lazy(() => import('../dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));

const LAST_KEY = 'tandem.lastWorkspace';
const NEW = '__new__';

/** The signed-in frame: workspace switcher (with the caller's role), navigation, the workspace's alerts, and the page. */
export function WorkspaceShell({ session }: { session: SessionStore }) {
  const route = useRoute();
  const api = useApi();
  const workspaces = useStore(session, (s) => s.workspaces);
  const user = useStore(session, (s) => s.user);
  const [creating, setCreating] = useState(false);
  const routeWs = route.name === 'home' ? undefined : route.workspaceId;
  const workspace = workspaces.find((w) => w.id === routeWs);

  // Alerts (a disconnected number, paused sends) and the sandbox clock come with the workspace list.
  useEffect(() => {
    const t = setInterval(() => void session.getState().refresh(), 30_000);
    return () => clearInterval(t);
  }, [session]);
  useEffect(() => {
    if (route.name !== 'home') return;
    const last = localStorage.getItem(LAST_KEY);
    const pick = workspaces.find((w) => w.id === last) ?? workspaces[0];
    if (pick) navigate({ name: 'flows', workspaceId: pick.id }, { replace: true });
  }, [route.name, workspaces]);
  useEffect(() => {
    if (workspace) localStorage.setItem(LAST_KEY, workspace.id);
  }, [workspace]);

  const switchTo = (id: string) => {
    if (id === NEW) return setCreating(true);
    navigate({ name: 'flows', workspaceId: id });
  };
  const section = route.name === 'home' || route.name === 'flow' ? 'flows' : route.name;
  const link = (name: string) => `#/w/${encodeURIComponent(workspace?.id ?? '')}/${name}`;
  return (
    <div className="tn-shell">
      <header className="tn-shell-head">
        <strong className="tn-brand">Tandem</strong>
        <label className="tn-switcher">
          <span className="tn-sr-only">Workspace</span>
          <select data-testid="workspace-switcher" value={workspace?.id ?? ''} onChange={(e) => switchTo(e.target.value)}>
            {!workspace && <option value="">Choose a workspace…</option>}
            {workspaces.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
                {w.transport === 'sandbox' ? ' · sandbox' : ''}
              </option>
            ))}
            <option value={NEW}>+ New workspace…</option>
          </select>
        </label>
        {workspace && (
          <span className="tn-chip" data-testid="workspace-role" title="Your role in this workspace">
            {workspace.role}
          </span>
        )}
        {workspace && (
          <nav className="tn-shell-nav">
            <a href={`#/w/${encodeURIComponent(workspace.id)}/flows`} className={section === 'flows' ? 'tn-active' : ''} data-testid="nav-flows">
              <Workflow size={16} aria-hidden /> Flows
            </a>
            <a href={link('dashboard')} className={section === 'dashboard' ? 'tn-active' : ''} data-testid="nav-dashboard">
              <LayoutDashboard size={16} aria-hidden /> Dashboard
            </a>
            {roleRank[workspace.role] >= roleRank.agent && (
              <a href={`#/w/${encodeURIComponent(workspace.id)}/inbox`} className={section === 'inbox' ? 'tn-active' : ''} data-testid="nav-inbox">
                <Inbox size={16} aria-hidden /> Inbox
                <InboxBadge workspaceId={workspace.id} />
              </a>
            )}
            <a href={link('templates')} className={section === 'templates' ? 'tn-active' : ''} data-testid="nav-templates">
              <LayoutTemplate size={16} aria-hidden /> Templates
            </a>
            {roleRank[workspace.role] >= roleRank.agent && (
              <a href={link('contacts')} className={section === 'contacts' ? 'tn-active' : ''} data-testid="nav-contacts">
                <BookUser size={16} aria-hidden /> Contacts
              </a>
            )}
            {workspace.role === 'admin' && (
              <a href={link('team')} className={section === 'team' ? 'tn-active' : ''} data-testid="nav-team">
                <Users size={16} aria-hidden /> Team
              </a>
            )}
            <a href={link('settings')} className={section === 'settings' ? 'tn-active' : ''} data-testid="nav-settings">
              <Settings size={16} aria-hidden /> Settings
            </a>
          </nav>
        )}
        <span className="tn-spacer" />
        {workspace ? (
          <a href={link('account')} className={section === 'account' ? 'tn-active tn-muted' : 'tn-muted'} data-testid="nav-account" title="Your account">
            <UserRound size={16} aria-hidden /> {user?.email}
          </a>
        ) : (
          <span className="tn-muted">{user?.email}</span>
        )}
        <button type="button" onClick={() => void session.getState().logout()} title="Log out" aria-label="Log out">
          <LogOut size={16} />
        </button>
      </header>
      {workspace && <WorkspaceAlerts workspace={workspace} onChanged={() => void session.getState().refresh()} />}
      {workspace && <SyncProgress workspace={workspace} />}
      <div className="tn-shell-main">
        {workspaces.length === 0 && (
          <div className="tn-page-message">
            <p>You have no workspace yet.</p>
            <button type="button" className="tn-primary" onClick={() => setCreating(true)}>
              Create a workspace
            </button>
          </div>
        )}
        {routeWs && !workspace && workspaces.length > 0 && (
          <p className="tn-page-message tn-errors">This workspace does not exist or you have no access to it.</p>
        )}
        {workspace && route.name === 'flows' && <FlowList workspace={workspace} workspaces={workspaces} />}
        {workspace && route.name === 'dashboard' && (
          <Suspense fallback={<p className="tn-page-message tn-muted">Loading…</p>}>
            <DashboardPage key={workspace.id} workspace={workspace} flowId={route.flowId} period={route.period} />
          </Suspense>
        )}
        {workspace && route.name === 'flow' && <FlowPage workspace={workspace} flowId={route.flowId} version={route.version} />}
        {workspace && route.name === 'inbox' && <InboxPage workspace={workspace} handoffId={route.handoffId} />}
        {workspace && route.name === 'settings' && <WorkspaceSettingsPage workspace={workspace} onChanged={() => void session.getState().refresh()} />}
        {workspace && route.name === 'templates' && <TemplatesPage workspace={workspace} />}
        {workspace && route.name === 'contacts' && <ContactsPage workspace={workspace} contactId={route.contactId} />}
        {workspace && route.name === 'team' && <TeamPage workspace={workspace} onChanged={() => void session.getState().refresh()} />}
        {workspace && route.name === 'account' && <AccountPage workspace={workspace} />}
      </div>
      {creating && (
        <NameDialog
          title="New workspace"
          help="A workspace is one brand with its own number, templates, contacts and flows. It starts as a sandbox: the simulator plays the number until you connect a real one."
          placeholder="e.g. Bloom Cosmetics"
          required
          testIds={{ dialog: 'new-workspace-dialog', name: 'new-workspace-name', submit: 'create-workspace' }}
          onClose={() => setCreating(false)}
          onSubmit={async (name) => {
            const w = await api(endpoints.createWorkspace, { body: { name, transport: 'sandbox', coexistence: true } });
            setCreating(false);
            await session.getState().refresh();
            navigate({ name: 'flows', workspaceId: w.id });
          }}
        />
      )}
    </div>
  );
}

/** What people must see about the number: alerts (disconnected, quality, paused templates) and paused sending. */
export function WorkspaceAlerts({ workspace, onChanged }: { workspace: WorkspaceView; onChanged: () => void }) {
  const api = useApi();
  const [error, setError] = useState<string>();
  if (!workspace.sendsPausedReason && workspace.alerts.length === 0) return null;
  const resume = async () => {
    try {
      await api(endpoints.updateWorkspace, { params: { workspaceId: workspace.id }, body: { resumeSends: true } });
      onChanged();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div className="tn-alerts" data-testid="workspace-alerts">
      {workspace.sendsPausedReason && (
        <p className="tn-banner tn-banner-error" data-testid="sends-paused">
          <TriangleAlert size={14} aria-hidden /> <strong>Sending is paused:</strong> {workspace.sendsPausedReason}. Messages wait until sending resumes.
          {workspace.role === 'admin' && (
            <button type="button" onClick={() => void resume()}>
              Resume sending
            </button>
          )}
          {error && <span className="tn-errors"> {error}</span>}
        </p>
      )}
      {keyedByContent(workspace.alerts).map(({ key, item: a }) => (
        <p key={key} className="tn-banner tn-banner-warning" data-alert={a.kind}>
          <TriangleAlert size={14} aria-hidden /> {a.message} <span className="tn-muted">({new Date(a.at).toLocaleString()})</span>
        </p>
      ))}
    </div>
  );
}
