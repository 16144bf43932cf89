import { useMemo, useState } from 'react';
import { X } from 'lucide-react';
import { flowDocumentSchema } from '@tandem/shared';
import { endpoints } from '@tandem/shared/api';
import { useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { ChatThread } from '../chat/ChatThread';
import { Dialog } from '../shell/Dialog';
import { useWorkspaceData } from '../workspace/workspaceData';
import { runLogLines } from './runLogWords';
import { RunSteps } from './RunSteps';
import { stepWords } from './stepWords';
import { momentText } from './timeWords';
import { runStatusText, waitingWords } from './runWords';
import './runLog.css';

/** One run's log in sentences (what was sent, how long it waited, which output it left by) beside its messages. */
export function RunLogDialog({ workspaceId, runId, onClose }: { workspaceId: string; runId: number; onClose: () => void }) {
  const api = useApi();
  const templates = useWorkspaceData()?.templates ?? [];
  const [details, setDetails] = useState(false);
  const run = useLoad(() => api(endpoints.getRun, { params: { workspaceId, id: runId } }), `${workspaceId}|${runId}`);
  const r = run.data;
  // The run's own version names its steps and outputs (the draft may have changed since).
  const version = useLoad(
    () => api(endpoints.getVersion, { params: { workspaceId, flowId: r?.flowId ?? '', version: r?.version ?? 1 } }),
    `${workspaceId}|${r?.flowId}|${r?.version}`,
    { enabled: r !== undefined },
  );
  const doc = useMemo(() => {
    const parsed = flowDocumentSchema.safeParse(version.data?.document);
    return parsed.success ? parsed.data : undefined;
  }, [version.data]);
  const lines = useMemo(() => (r ? runLogLines(r.steps, { doc, messages: r.messages, templates }) : []), [r, doc, templates]);
  const words = stepWords(doc);
  return (
    <Dialog title={`Run #${runId}`} onClose={onClose} wide testId="run-log">
      {run.error && <p className="tn-errors">{run.error}</p>}
      {!r && !run.error && <p className="tn-muted">Loading…</p>}
      {r && (
        <>
          <p className="tn-run-summary tn-run-summary-line" data-testid="run-summary">
            <span className={`tn-status tn-status-${r.status}`}>{runStatusText[r.status]}</span>
            <span>
              Started {momentText(r.startedAt)}
              {r.endedAt && `, ended ${momentText(r.endedAt)}`}
            </span>
            {r.status === 'active' && r.currentNode && (
              <span>
                Now at <strong>{words.name(r.currentNode)}</strong>
                {waitingWords(r.waitingFor) && `, ${waitingWords(r.waitingFor)}`}
              </span>
            )}
            {r.outcome && (
              <span>
                Outcome <strong>{r.outcome}</strong>
              </span>
            )}
            <span className="tn-muted">
              Version {r.version} · contact {r.contactId}
            </span>
          </p>
          <div className="tn-run-columns">
            <div>
              <div className="tn-run-log-head">
                <h3>What happened</h3>
                <label>
                  <input type="checkbox" checked={details} onChange={(e) => setDetails(e.target.checked)} data-testid="run-details" />
                  Details
                </label>
              </div>
              <RunSteps lines={lines} details={details} />
            </div>
            <div>
              <h3>Messages</h3>
              <ChatThread
                messages={r.messages}
                templates={templates}
                perspective="business"
                empty="This run sent no messages."
                {...(doc ? { stepName: (m: { nodeId: string | null }) => words.name(m.nodeId) } : {})}
              />
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
