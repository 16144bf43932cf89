import { useRef, useState } from 'react';
import { flowDocumentSchema, type FlowDocument } from '@tandem/shared';
import { ExternalLink, ScrollText } from 'lucide-react';
import { endpoints, type RunView } from '@tandem/shared/api';
import { useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { RunLogDialog } from '../analytics/RunLogDialog';
import { runStatusText, waitingWords } from '../analytics/runWords';
import { stepWords } from '../analytics/stepWords';
import { momentText } from '../analytics/timeWords';
import { routeHash } from '../shell/router';

/** The journeys the contact is in or went through: which, how it went, the step they are at now, with links to the flow and the run's log. */
export function ContactRuns({ workspaceId, contactId }: { workspaceId: string; contactId: number }) {
  const api = useApi();
  const [open, setOpen] = useState<number>();
  // Published versions never change: each is fetched once, whatever the polls.
  const documents = useRef(new Map<string, FlowDocument | undefined>());
  const data = useLoad(
    async () => {
      const [runs, flows] = await Promise.all([
        api(endpoints.listRuns, { params: { workspaceId }, query: { contactId, limit: 20 } }),
        api(endpoints.listFlows, { params: { workspaceId }, query: {} }),
      ]);
      return { runs: runs.runs, flows: flows.flows, steps: await stepNames(runs.runs) };
    },
    `${workspaceId}|${contactId}`,
    { pollMs: 10_000 },
  );
  // The step an active run is at, named from the run's own version (the draft may have changed since).
  async function stepNames(runs: readonly RunView[]): Promise<Map<number, string>> {
    const active = runs.filter((r) => r.status === 'active' && r.currentNode && r.version > 0);
    const docs = documents.current;
    await Promise.all(
      active
        .filter((r) => !docs.has(`${r.flowId}|${r.version}`))
        .map(async ({ flowId, version }) => {
          const v = await api(endpoints.getVersion, { params: { workspaceId, flowId, version } }).catch(() => undefined);
          const doc = flowDocumentSchema.safeParse(v?.document);
          docs.set(`${flowId}|${version}`, doc.success ? doc.data : undefined);
        }),
    );
    return new Map(active.map((r) => [r.id, stepWords(docs.get(`${r.flowId}|${r.version}`)).name(r.currentNode)]));
  }

  const runs = data.data?.runs ?? [];
  const flowName = (id: string) => data.data?.flows.find((f) => f.id === id)?.name;
  return (
    <section className="tn-contact-section" aria-label="Journeys" data-testid="contact-runs">
      <h2>Journeys</h2>
      {data.error && <p className="tn-errors">{data.error}</p>}
      {!data.data && !data.error && <p className="tn-muted">Loading their journeys…</p>}
      {data.data && runs.length === 0 && <p className="tn-muted">They have not been in a journey yet.</p>}
      {runs.length > 0 && (
        <table className="tn-table">
          <thead>
            <tr>
              <th>Journey</th>
              <th>Status</th>
              <th>Where they are</th>
              <th>Started</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => {
              const name = flowName(r.flowId);
              const step = data.data?.steps.get(r.id);
              return (
                <tr key={r.id} data-run={r.id}>
                  <td>
                    {name ? (
                      <a
                        className="tn-flow-link"
                        href={routeHash({ name: 'flow', workspaceId, flowId: r.flowId, ...(r.version > 0 ? { version: r.version } : {}) })}
                      >
                        {name}
                      </a>
                    ) : (
                      <span className="tn-muted">A deleted journey</span>
                    )}{' '}
                    <span className="tn-muted">{r.version > 0 ? `v${r.version}` : 'draft test'}</span>
                  </td>
                  <td>
                    <span className={`tn-status tn-status-${r.status}`}>{runStatusText[r.status]}</span>
                  </td>
                  <td>
                    {r.status === 'active' ? (
                      <>
                        {step ? <strong>{step}</strong> : null}
                        {waitingWords(r.waitingFor) ? <span className="tn-muted"> · {waitingWords(r.waitingFor)}</span> : null}
                      </>
                    ) : (
                      <span className="tn-muted">{r.endedAt ? `Ended ${momentText(r.endedAt)}` : '—'}</span>
                    )}
                  </td>
                  <td className="tn-muted">{momentText(r.startedAt)}</td>
                  <td className="tn-row-actions">
                    <button type="button" title="What happened, step by step" aria-label={`Log of run ${r.id}`} onClick={() => setOpen(r.id)}>
                      <ScrollText size={14} />
                    </button>
                    {name && (
                      <a href={routeHash({ name: 'flow', workspaceId, flowId: r.flowId })} title="Open the flow" aria-label={`Open ${name}`}>
                        <ExternalLink size={14} />
                      </a>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {open !== undefined && <RunLogDialog workspaceId={workspaceId} runId={open} onClose={() => setOpen(undefined)} />}
    </section>
  );
}
