import { useMemo } from 'react';
import { flowDocumentSchema } from '@tandem/shared';
import { endpoints } from '@tandem/shared/api';
import { useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { describeChanges } from './describeChanges';

/** The sentences of what one published version changed against the one before it (both loaded here). */
export function VersionChanges({ workspaceId, flowId, version, previous }: { workspaceId: string; flowId: string; version: number; previous: number }) {
  const api = useApi();
  const docs = useLoad(async () => {
    const [before, after] = await Promise.all([previous, version].map((v) => api(endpoints.getVersion, { params: { workspaceId, flowId, version: v } })));
    return { before: before!.document, after: after!.document };
  }, `${workspaceId}|${flowId}|${previous}|${version}`);
  const lines = useMemo(() => {
    if (!docs.data) return undefined;
    const before = flowDocumentSchema.safeParse(docs.data.before);
    const after = flowDocumentSchema.safeParse(docs.data.after);
    return before.success && after.success ? describeChanges(before.data, after.data) : undefined;
  }, [docs.data]);
  if (docs.error) return <p className="tn-errors">{docs.error}</p>;
  if (!docs.data) return <p className="tn-muted">Loading the changes…</p>;
  if (!lines) return <p className="tn-muted">These versions could not be compared.</p>;
  if (lines.length === 0) return <p className="tn-muted">Nothing changed in the steps or settings.</p>;
  return (
    <ul className="tn-version-changes" data-testid="version-changes">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}
