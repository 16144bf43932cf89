import { useState } from 'react';
import { ArrowLeft, Eye, Undo2 } from 'lucide-react';
import { endpoints } from '@tandem/shared/api';
import { errorText, useApi } from '../api/client';
import { navigate } from '../shell/router';
import { useWorkspaceData, type ViewedVersion } from '../workspace/workspaceData';

/** Instead of the palette while a published version is shown: which one, and the way back. */
export function VersionBar({ viewing, onMessage }: { viewing: ViewedVersion; onMessage: (text: string) => void }) {
  const data = useWorkspaceData();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  if (!data) return null;
  const draft = () => navigate({ name: 'flow', workspaceId: data.workspace.id, flowId: data.flowId });
  const rollback = async () => {
    if (!window.confirm(`Make version ${viewing.version} live again? It also becomes the draft.`)) return;
    setBusy(true);
    try {
      await api(endpoints.rollbackFlow, { params: { workspaceId: data.workspace.id, flowId: data.flowId }, body: { version: viewing.version } });
      draft();
    } catch (error) {
      onMessage(`Could not roll back: ${errorText(error)}`);
      setBusy(false);
    }
  };
  return (
    <nav className="tn-palette tn-version-bar" aria-label="Version" data-testid="read-only-banner">
      <p className="tn-readonly-title">
        <Eye size={16} aria-hidden /> Version {viewing.version}
      </p>
      <p className="tn-muted">Read-only{viewing.live ? ' · live now' : ''}</p>
      <p className="tn-muted">{new Date(viewing.createdAt).toLocaleString()}</p>
      {viewing.note && <p className="tn-version-note">{viewing.note}</p>}
      <button type="button" onClick={draft}>
        <ArrowLeft size={14} /> Back to the draft
      </button>
      {!viewing.live && (
        <button type="button" disabled={busy} onClick={() => void rollback()}>
          <Undo2 size={14} /> Make this live again
        </button>
      )}
    </nav>
  );
}
