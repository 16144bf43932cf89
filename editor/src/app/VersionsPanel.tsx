import { useState } from 'react';
import { Eye, History, Undo2 } from 'lucide-react';
import { endpoints } from '@tandem/shared/api';
import { errorText, useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { navigate } from '../shell/router';
import { useFlowStore } from '../store/useFlow';
import { useWorkspaceData } from '../workspace/workspaceData';
import { diffSummary } from './diffSummary';
import { VersionChanges } from './VersionChanges';
import './versions.css';

/** Published versions, newest first, with what each changed; open one read-only or make it live again. */
export function VersionsPanel({ onMessage }: { onMessage: (text: string) => void }) {
  const data = useWorkspaceData();
  const api = useApi();
  const store = useFlowStore();
  const [busy, setBusy] = useState<number>();
  // Versions whose changes were opened: loaded once, kept while the panel is open.
  const [opened, setOpened] = useState<ReadonlySet<number>>(new Set());
  const workspaceId = data?.workspace.id ?? '';
  const flowId = data?.flowId ?? '';
  const versions = useLoad(() => api(endpoints.listVersions, { params: { workspaceId, flowId } }), `${workspaceId}|${flowId}|${data?.liveVersion}`);
  if (!data) return null;

  const rollback = async (version: number) => {
    if (!window.confirm(`Make version ${version} live again? It also becomes the draft (your current draft is replaced).`)) return;
    setBusy(version);
    try {
      await api(endpoints.rollbackFlow, { params: { workspaceId, flowId }, body: { version } });
      const flow = await api(endpoints.getFlow, { params: { workspaceId, flowId } });
      const loaded = store.getState().load(flow.draft);
      onMessage(loaded.ok ? `Version ${version} is live again and is the draft` : `Version ${version} is live again`);
      data.refresh();
      await versions.reload();
    } catch (error) {
      onMessage(`Could not roll back: ${errorText(error)}`);
    } finally {
      setBusy(undefined);
    }
  };

  const list = versions.data?.versions ?? [];
  return (
    <section className="tn-panel" aria-label="Versions">
      <header className="tn-panel-head">
        <History size={18} aria-hidden />
        <h2>Versions</h2>
      </header>
      {versions.error && <p className="tn-errors">{versions.error}</p>}
      {versions.data && list.length === 0 && (
        <p className="tn-help">Not published yet. Publish to create version 1; contacts only ever run published versions.</p>
      )}
      <ol className="tn-versions" data-testid="versions">
        {list.map((v, i) => (
          <li key={v.version} className={v.live ? 'tn-version-live' : ''} data-version={v.version}>
            <div className="tn-version-head">
              <strong>v{v.version}</strong>
              {v.live && <span className="tn-chip tn-chip-live">live</span>}
              <time className="tn-muted">{new Date(v.createdAt).toLocaleString()}</time>
            </div>
            {v.note && <p className="tn-version-note">{v.note}</p>}
            <p className="tn-muted" data-testid="version-diff">
              {diffSummary(v.diff)}
            </p>
            {v.diff && i + 1 < list.length && (
              <details className="tn-version-more" open={i === 0} onToggle={(e) => e.currentTarget.open && setOpened((o) => new Set(o).add(v.version))}>
                <summary>What changed</summary>
                {(i === 0 || opened.has(v.version)) && (
                  <VersionChanges workspaceId={workspaceId} flowId={flowId} version={v.version} previous={list[i + 1]!.version} />
                )}
              </details>
            )}
            <div className="tn-row">
              <button type="button" onClick={() => navigate({ name: 'flow', workspaceId, flowId, version: v.version })}>
                <Eye size={14} /> View
              </button>
              {!v.live && (
                <button type="button" disabled={busy !== undefined} onClick={() => void rollback(v.version)}>
                  <Undo2 size={14} /> {busy === v.version ? 'Rolling back…' : 'Roll back to this'}
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
