import { useMemo, useState } from 'react';
import { endpoints } from '@tandem/shared/api';
import { useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { useFlow } from '../store/useFlow';
import { RunLogDialog } from './RunLogDialog';
import { runStatusText } from './runWords';
import { stepWords } from './stepWords';
import { momentText } from './timeWords';

/** Runs of the flow (at one step when `node` is given), newest first; each opens its log. */
export function RunList({ workspaceId, flowId, node }: { workspaceId: string; flowId: string; node?: string }) {
  const api = useApi();
  const [open, setOpen] = useState<number>();
  const runs = useLoad(
    () => api(endpoints.listRuns, { params: { workspaceId }, query: { flowId, limit: 25, ...(node ? { node } : {}) } }),
    `${workspaceId}|${flowId}|${node ?? ''}`,
    { pollMs: 5_000 },
  );
  const list = runs.data?.runs ?? [];
  const doc = useFlow((s) => s.doc);
  const words = useMemo(() => stepWords(doc), [doc]);
  return (
    <div className="tn-runs" data-testid="run-list">
      <h3>{node ? 'Runs at this step' : 'Latest runs'}</h3>
      {runs.error && <p className="tn-errors">{runs.error}</p>}
      {runs.data && list.length === 0 && <p className="tn-help">{node ? 'No run is at this step, or ended here.' : 'No runs yet.'}</p>}
      <ul>
        {list.map((r) => (
          <li key={r.id}>
            <button type="button" onClick={() => setOpen(r.id)} data-run={r.id}>
              <strong>#{r.id}</strong>
              <span className={`tn-status tn-status-${r.status}`}>{runStatusText[r.status]}</span>
              <span className="tn-muted">
                contact {r.contactId}
                {r.currentNode ? ` · ${r.status === 'active' ? 'at' : 'ended at'} ${words.name(r.currentNode)}` : ''} · v{r.version}
              </span>
              <time className="tn-muted" dateTime={r.startedAt}>
                {momentText(r.startedAt)}
              </time>
            </button>
          </li>
        ))}
      </ul>
      {open !== undefined && <RunLogDialog workspaceId={workspaceId} runId={open} onClose={() => setOpen(undefined)} />}
    </div>
  );
}
