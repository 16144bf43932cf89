import { useMemo, useState } from 'react';
import { endpoints, type ResponseOf, type WorkspaceView } from '@tandem/shared/api';
import { errorText, useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { actorWords, auditWords } from './auditWords';

type AuditEntry = ResponseOf<typeof endpoints.auditLog>['entries'][number];

const PAGE = 25;

/** The workspace's audit log, newest first, in sentences: who published, changed roles, created keys, changed the number… */
export function AuditSection({ workspace }: { workspace: WorkspaceView }) {
  const api = useApi();
  const first = useLoad(async () => {
    const [log, flows] = await Promise.all([
      api(endpoints.auditLog, { params: { workspaceId: workspace.id }, query: { limit: PAGE } }),
      api(endpoints.listFlows, { params: { workspaceId: workspace.id } }),
    ]);
    return { entries: log.entries, flows: flows.flows };
  }, workspace.id);
  const [more, setMore] = useState<AuditEntry[]>([]);
  const [moreError, setMoreError] = useState<string>();
  const [end, setEnd] = useState(false);
  const names = useMemo(() => new Map((first.data?.flows ?? []).map((f) => [f.id, f.name])), [first.data]);
  const entries = [...(first.data?.entries ?? []), ...more];

  const loadMore = async () => {
    try {
      const page = await api(endpoints.auditLog, { params: { workspaceId: workspace.id }, query: { limit: PAGE, offset: entries.length } });
      setMore((m) => [...m, ...page.entries]);
      if (page.entries.length < PAGE) setEnd(true);
    } catch (e) {
      setMoreError(errorText(e));
    }
  };

  return (
    <section className="tn-panel tn-team-section" aria-labelledby="team-audit" data-testid="audit-log">
      <h2 id="team-audit">Recent changes</h2>
      <p className="tn-help">Who published, changed roles and keys, or changed the number and settings of {workspace.name}, newest first.</p>
      {first.error && <p className="tn-banner tn-banner-error">The changes could not be loaded: {first.error}</p>}
      {!first.data && !first.error && <p className="tn-muted">Loading…</p>}
      {first.data && entries.length === 0 && <div className="tn-empty">Nothing changed yet.</div>}
      {entries.length > 0 && (
        <ul className="tn-team-audit">
          {entries.map((e) => (
            <li key={e.id} data-action={e.action}>
              <span className="tn-muted">{new Date(e.at).toLocaleString()}</span> <strong>{actorWords(e.actor)}</strong> {auditWords(e, names)}
            </li>
          ))}
        </ul>
      )}
      {moreError && <p className="tn-errors">{moreError}</p>}
      {first.data && entries.length >= PAGE && !end && (
        <button type="button" onClick={() => void loadMore()} data-testid="audit-more">
          Show older changes
        </button>
      )}
    </section>
  );
}
