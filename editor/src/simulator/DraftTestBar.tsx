import { useState } from 'react';
import { endpoints } from '@tandem/shared/api';
import { errorText, useApi } from '../api/client';
import { useFlow, useFlowStore } from '../store/useFlow';
import { useWorkspaceData } from '../workspace/workspaceData';
import './draftTest.css';

/**
 * Which version the sandbox runs: the live one, or a test of the draft (frozen when started, so
 * later edits need a restart). Testing needs no publish; publishing ends the test.
 */
export function DraftTestBar({
  workspaceId,
  flowId,
  waId,
  liveVersion,
  unpublished,
  onChanged,
}: {
  workspaceId: string;
  flowId: string;
  waId: string | undefined;
  liveVersion: number | null;
  unpublished: boolean;
  onChanged: () => void;
}) {
  const api = useApi();
  const data = useWorkspaceData()!;
  const revision = useFlow((s) => s.contentRevision);
  const store = useFlowStore();
  const [startedAt, setStartedAt] = useState<number>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const test = data.draftTest;
  const run = async (what: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await what();
      onChanged();
    } catch (e) {
      setProblem(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  let startedRevision: number | undefined;
  const start = () =>
    run(async () => {
      if (!waId) throw new Error('Give the test contact a WhatsApp id first');
      // The server tests what it has: save the draft as it is now first (autosave may still be waiting).
      const { doc, contentRevision } = store.getState();
      await api(endpoints.saveDraft, { params: { workspaceId, flowId }, body: { document: doc as unknown as Record<string, unknown> } });
      startedRevision = contentRevision;
      await api(endpoints.startDraftTest, { params: { workspaceId }, body: { flowId, waId } });
      setStartedAt(startedRevision);
    });
  const stop = () =>
    run(async () => {
      await api(endpoints.stopDraftTest, { params: { workspaceId }, body: { flowId } });
      setStartedAt(undefined);
    });
  const changedSince = test !== null && startedAt !== undefined && startedAt !== revision;
  return (
    <div className={`tn-banner ${test ? 'tn-banner-info' : liveVersion === null ? 'tn-banner-warning' : ''} tn-draft-test`} data-testid="draft-test">
      {test ? (
        <p>
          <strong>Testing the draft</strong> (frozen {new Date(test.createdAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}): the sandbox
          runs it instead of
          {liveVersion ? ` version ${liveVersion}` : ' the unpublished flow'}, for every test contact. Publishing ends the test.
          {changedSince && ' You changed the draft since: restart to test the changes.'}
        </p>
      ) : liveVersion === null ? (
        <p>This flow is not published yet. Test the draft here without publishing: the sandbox then runs it for its test contacts.</p>
      ) : (
        <p>
          The sandbox runs version {liveVersion}.{unpublished ? ' The draft has unpublished changes: test them here without publishing.' : ''}
        </p>
      )}
      <div className="tn-row">
        <button type="button" className={test ? '' : 'tn-primary'} disabled={busy} onClick={() => void start()} data-testid="test-draft">
          {test ? 'Restart with the latest draft' : 'Test the draft'}
        </button>
        {test && (
          <button type="button" disabled={busy} onClick={() => void stop()} data-testid="stop-draft-test">
            {liveVersion ? `Back to version ${liveVersion}` : 'Stop testing'}
          </button>
        )}
      </div>
      {problem && (
        <p className="tn-errors" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
