import { useState } from 'react';
import { FileText, Plus, RefreshCw } from 'lucide-react';
import { endpoints, roleRank, type WorkspaceView } from '@tandem/shared/api';
import { errorText, useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { NewTemplateForm } from './NewTemplateForm';
import { TemplateCard } from './TemplateCard';
import { filterTemplates, type StatusFilter } from './templateWords';
import './templates.css';

const statusFilters: { id: StatusFilter; label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'ok', label: 'Approved' },
  { id: 'pending', label: 'In review' },
  { id: 'bad', label: 'Rejected or paused' },
];

type Sync = { state: 'idle' } | { state: 'running' } | { state: 'done'; synced: number } | { state: 'failed'; message: string };

/**
 * The workspace's WhatsApp templates: what each says, whether Meta approved it, and which flows
 * send it. A real number syncs them from Meta; a sandbox gets new ones from the form here.
 */
export function TemplatesPage({ workspace }: { workspace: WorkspaceView }) {
  const api = useApi();
  const workspaceId = workspace.id;
  const list = useLoad(() => api(endpoints.listTemplates, { params: { workspaceId } }), workspaceId);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string>();
  const [sync, setSync] = useState<Sync>({ state: 'idle' });
  const canChange = roleRank[workspace.role] >= roleRank.editor;
  const sandbox = workspace.transport === 'sandbox';
  const templates = list.data?.templates ?? [];
  const shown = filterTemplates(templates, search, status);

  const runSync = async () => {
    setSync({ state: 'running' });
    try {
      const { synced } = await api(endpoints.syncTemplates, { params: { workspaceId } });
      setSync({ state: 'done', synced });
      await list.reload();
    } catch (error) {
      setSync({ state: 'failed', message: errorText(error) });
    }
  };

  return (
    <div className="tn-page tn-templates" data-testid="templates-page" data-workspace={workspaceId}>
      <header className="tn-page-head">
        <h1>
          <FileText size={18} aria-hidden /> Templates
        </h1>
        <span className="tn-spacer" />
        {canChange && !sandbox && (
          <button type="button" onClick={() => void runSync()} disabled={sync.state === 'running'} data-testid="sync-templates">
            <RefreshCw size={14} aria-hidden className={sync.state === 'running' ? 'tn-spin' : undefined} />
            {sync.state === 'running' ? 'Syncing…' : 'Sync from Meta'}
          </button>
        )}
        {canChange && sandbox && !creating && (
          <button type="button" className="tn-primary" onClick={() => setCreating(true)} data-testid="new-template">
            <Plus size={14} aria-hidden /> New template
          </button>
        )}
      </header>
      <p className="tn-help">
        {sandbox
          ? 'This is a sandbox: nothing goes to Meta. A template you add here counts as approved at once, so you can try journeys in the simulator. A real number gets its templates from WhatsApp Manager with “Sync from Meta”.'
          : 'Templates are created and reviewed in WhatsApp Manager. “Sync from Meta” brings in new ones and the latest status and quality of each.'}
        {!canChange && ' You can look at templates; an editor or admin adds or syncs them.'}
      </p>
      <SyncResult sync={sync} />
      {created && (
        <div className="tn-banner" role="status" data-testid="template-created">
          “{created}” was added. Pick it in a flow’s “Send template” step.
        </div>
      )}
      {creating && (
        <NewTemplateForm
          workspaceId={workspaceId}
          existing={templates}
          onCancel={() => setCreating(false)}
          onCreated={async (name) => {
            setCreating(false);
            setCreated(name);
            await list.reload();
          }}
        />
      )}
      {list.error && (
        <div className="tn-banner tn-banner-error" role="alert">
          Could not load the templates: {list.error}{' '}
          <button type="button" onClick={() => void list.reload()}>
            Try again
          </button>
        </div>
      )}
      {list.loading && !list.data && <p className="tn-muted">Loading templates…</p>}
      {list.data && templates.length === 0 && (
        <div className="tn-empty tn-panel" data-testid="templates-empty">
          <h2>No templates yet</h2>
          <p>
            A journey needs an approved template to write to someone first, or after 24 hours without a reply.{' '}
            {sandbox
              ? canChange
                ? 'Add one with “New template”.'
                : 'Ask an editor to add one.'
              : 'Create one in WhatsApp Manager, wait for Meta to approve it, then “Sync from Meta”.'}
          </p>
        </div>
      )}
      {templates.length > 0 && (
        <>
          <div className="tn-row tn-templates-filters">
            <input
              type="search"
              className="tn-search"
              placeholder="Search name, text or button"
              aria-label="Search templates"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              data-testid="template-search"
            />
            <div className="tn-segmented" role="tablist" aria-label="Status">
              {statusFilters.map((f) => (
                <button
                  key={f.id}
                  type="button"
                  role="tab"
                  aria-selected={status === f.id}
                  className={status === f.id ? 'tn-active' : ''}
                  onClick={() => setStatus(f.id)}
                >
                  {f.label}
                </button>
              ))}
            </div>
            <span className="tn-muted">
              {shown.length === templates.length ? countWords(templates.length) : `${shown.length} of ${countWords(templates.length)}`}
            </span>
          </div>
          {shown.length === 0 && <p className="tn-muted">No template matches. Clear the search or pick “All”.</p>}
          <ul className="tn-template-list" data-testid="template-list">
            {shown.map((t) => (
              <TemplateCard key={t.id} template={t} workspaceId={workspaceId} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

const countWords = (n: number) => (n === 1 ? '1 template' : `${n} templates`);

function SyncResult({ sync }: { sync: Sync }) {
  if (sync.state === 'running')
    return (
      <p className="tn-muted" role="status" data-testid="sync-result">
        Asking Meta for the account’s templates…
      </p>
    );
  if (sync.state === 'done')
    return (
      <div className="tn-banner" role="status" data-testid="sync-result">
        {countWords(sync.synced)} synced from Meta.
      </div>
    );
  if (sync.state === 'failed')
    return (
      <div className="tn-banner tn-banner-error" role="alert" data-testid="sync-result">
        The sync did not work: {sync.message}
      </div>
    );
  return null;
}
