import { describeDetail } from './stepDetail';
import { X } from 'lucide-react';
import { endpoints } from '@tandem/shared/api';
import { useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { ChatThread } from '../chat/ChatThread';
import { Dialog } from '../shell/Dialog';
import { useWorkspaceData } from '../workspace/workspaceData';
import type { RunDetail } from '../workspace/types';

/** One run's log: every step entered and left, the events it received, and its messages. */
export function RunLogDialog({ workspaceId, runId, onClose }: { workspaceId: string; runId: number; onClose: () => void }) {
  const api = useApi();
  const templates = useWorkspaceData()?.templates ?? [];
  const run = useLoad(() => api(endpoints.getRun, { params: { workspaceId, id: runId } }), `${workspaceId}|${runId}`);
  const r = run.data;
  return (
    <Dialog title={`Run #${runId}`} onClose={onClose} wide testId="run-log">
      {run.error && <p className="tn-errors">{run.error}</p>}
      {!r && !run.error && <p className="tn-muted">Loading…</p>}
      {r && (
        <>
          <p className="tn-run-summary">
            <span className={`tn-status tn-status-${r.status}`}>{r.status}</span> version {r.version} · contact {r.contactId} · started{' '}
            {new Date(r.startedAt).toLocaleString()}
            {r.endedAt && ` · ended ${new Date(r.endedAt).toLocaleString()}`}
            {r.currentNode && (
              <>
                {' · at '}
                <code>{r.currentNode}</code>
              </>
            )}
            {r.waitingFor && r.status === 'active' && ` (waiting for ${r.waitingFor})`}
            {r.outcome && ` · outcome “${r.outcome}”`}
            {r.endReason && ` · ${r.endReason}`}
          </p>
          <div className="tn-run-columns">
            <div>
              <h3>Steps</h3>
              <StepLog steps={r.steps} />
            </div>
            <div>
              <h3>Messages</h3>
              <ChatThread messages={r.messages} templates={templates} perspective="business" empty="This run sent no messages." />
            </div>
          </div>
        </>
      )}
      <footer className="tn-dialog-actions">
        <button type="button" onClick={onClose}>
          <X size={14} /> Close
        </button>
      </footer>
    </Dialog>
  );
}

const kindText: Record<RunDetail['steps'][number]['kind'], string> = { enter: 'entered', port: 'left by', event: 'event', effect: 'effect', end: 'ended' };

function StepLog({ steps }: { steps: RunDetail['steps'] }) {
  return (
    <ol className="tn-steps" data-testid="run-steps">
      {steps.map((s) => (
        <li key={s.id} className={`tn-step tn-step-${s.kind}`}>
          <time>{new Date(s.at).toLocaleTimeString()}</time>
          <span className="tn-step-kind">{kindText[s.kind]}</span>
          {s.kind === 'port' ? <code>{s.port}</code> : s.nodeId && <code>{s.nodeId}</code>}
          {s.kind === 'port' && s.nodeId && <span className="tn-muted"> of {s.nodeId}</span>}
          {s.detail && <span className="tn-step-detail">{describeDetail(s.detail)}</span>}
        </li>
      ))}
    </ol>
  );
}
