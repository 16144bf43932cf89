import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { CopyPlus, Download, FolderInput, Plus, Search, Trash2, Upload } from 'lucide-react';
import { ApiCallError, endpoints, roleRank, type FlowSummary, type WorkspaceView } from '@tandem/shared/api';
import { errorText, useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { navigate } from '../shell/router';
import { CloneDialog } from './CloneDialog';
import { downloadJson } from './downloadJson';
import { NewFlowDialog } from './NewFlowDialog';

/** The flows of a workspace: search, create, import, and per flow open, duplicate, export, copy to another workspace, delete. */
export function FlowList({ workspace, workspaces }: { workspace: WorkspaceView; workspaces: readonly WorkspaceView[] }) {
  const api = useApi();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();
  const [creating, setCreating] = useState(false);
  const [cloning, setCloning] = useState<FlowSummary>();
  const file = useRef<HTMLInputElement>(null);
  const canEdit = roleRank[workspace.role] >= roleRank.editor;

  useEffect(() => {
    const t = setTimeout(() => setQuery(search.trim()), 250);
    return () => clearTimeout(t);
  }, [search]);
  const flows = useLoad(
    () => api(endpoints.listFlows, { params: { workspaceId: workspace.id }, query: query ? { search: query } : {} }),
    `${workspace.id}|${query}`,
  );
  const params = (flowId: string) => ({ workspaceId: workspace.id, flowId });

  const run = async (what: () => Promise<string>) => {
    try {
      setMessage({ text: await what() });
      await flows.reload();
    } catch (error) {
      setMessage({ text: errorText(error), error: true });
    }
  };
  const onImport = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (!f) return;
    await run(async () => {
      let json: unknown;
      try {
        json = JSON.parse(await f.text());
      } catch {
        throw new Error(`${f.name} is not JSON`);
      }
      if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error(`${f.name} is not a flow document`);
      try {
        const flow = await api(endpoints.importFlow, { params: { workspaceId: workspace.id }, body: { document: json as Record<string, unknown> } });
        return `Imported “${flow.name}”`;
      } catch (error) {
        const issues = error instanceof ApiCallError ? error.body.error.issues : undefined;
        throw new Error(
          `${f.name}: ${errorText(error)}${
            issues?.length
              ? ` (${issues
                  .slice(0, 3)
                  .map((i) => `${i.path.join('.')}: ${i.message}`)
                  .join('; ')})`
              : ''
          }`,
        );
      }
    });
  };
  const exportFlow = (f: FlowSummary) =>
    run(async () => {
      const doc = await api(endpoints.exportFlow, { params: params(f.id) });
      downloadJson(doc, f.name);
      return `Exported “${f.name}”`;
    });
  const remove = (f: FlowSummary) => {
    if (!window.confirm(`Delete “${f.name}”? It is archived: contacts already in it finish their journeys, nobody new starts.`)) return;
    void run(async () => {
      await api(endpoints.deleteFlow, { params: params(f.id) });
      return `Deleted “${f.name}”`;
    });
  };

  const list = flows.data?.flows ?? [];
  return (
    <div className="tn-page" data-testid="flow-list">
      <header className="tn-page-head">
        <h1>Flows</h1>
        <div className="tn-search">
          <Search size={16} aria-hidden />
          <input type="search" aria-label="Search flows" placeholder="Search flows" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <span className="tn-spacer" />
        {canEdit && (
          <>
            <button type="button" onClick={() => file.current?.click()} title="Create a flow from an exported JSON file">
              <Upload size={16} /> Import
            </button>
            <input ref={file} type="file" accept="application/json,.json" hidden data-testid="import-file" onChange={(e) => void onImport(e)} />
            <button type="button" className="tn-primary" onClick={() => setCreating(true)} data-testid="new-flow">
              <Plus size={16} /> New flow
            </button>
          </>
        )}
      </header>
      {message && (
        <p className={message.error ? 'tn-banner tn-banner-error' : 'tn-banner'} role="status">
          {message.text}
        </p>
      )}
      {flows.error && <p className="tn-banner tn-banner-error">{flows.error}</p>}
      {flows.data && list.length === 0 && (
        <div className="tn-empty">{query ? <p>No flow matches “{query}”.</p> : <p>No flows yet. Create one, or import a flow someone exported.</p>}</div>
      )}
      {list.length > 0 && (
        <table className="tn-table tn-flow-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Status</th>
              <th>Versions</th>
              <th>Edited</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {list.map((f) => (
              <tr key={f.id} data-flow={f.name}>
                <td>
                  <a href={`#/w/${encodeURIComponent(workspace.id)}/flows/${encodeURIComponent(f.id)}`} className="tn-flow-link">
                    {f.name}
                  </a>
                </td>
                <td>{f.liveVersion ? <span className="tn-chip tn-chip-live">Live v{f.liveVersion}</span> : <span className="tn-chip">Draft</span>}</td>
                <td>{f.versionCount}</td>
                <td className="tn-muted">{new Date(f.updatedAt).toLocaleString()}</td>
                <td className="tn-row-actions">
                  {canEdit && (
                    <button
                      type="button"
                      title="Duplicate in this workspace"
                      aria-label={`Duplicate ${f.name}`}
                      onClick={() => void run(async () => `Created “${(await api(endpoints.duplicateFlow, { params: params(f.id), body: {} })).name}”`)}
                    >
                      <CopyPlus size={15} />
                    </button>
                  )}
                  <button type="button" title="Download as JSON" aria-label={`Export ${f.name}`} onClick={() => void exportFlow(f)}>
                    <Download size={15} />
                  </button>
                  <button
                    type="button"
                    title="Copy to another workspace"
                    aria-label={`Copy ${f.name} to another workspace`}
                    data-testid="clone-flow"
                    onClick={() => setCloning(f)}
                  >
                    <FolderInput size={15} />
                  </button>
                  {canEdit && (
                    <button type="button" title="Delete (archive)" aria-label={`Delete ${f.name}`} onClick={() => remove(f)}>
                      <Trash2 size={15} />
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creating && (
        <NewFlowDialog
          onClose={() => setCreating(false)}
          onCreate={async (name, document) => {
            const flow = await api(endpoints.createFlow, { params: { workspaceId: workspace.id }, body: { name, ...(document ? { document } : {}) } });
            navigate({ name: 'flow', workspaceId: workspace.id, flowId: flow.id });
          }}
        />
      )}
      {cloning && <CloneDialog workspace={workspace} workspaces={workspaces} flow={cloning} onClose={() => setCloning(undefined)} />}
    </div>
  );
}
