import type { RunView } from '@tandem/shared/api';
import { flowVersions, runs } from '../db/schema';

/** The columns of a run the API shows, with its version number (join `flow_versions`). */
export const runColumns = {
  id: runs.id,
  flowId: runs.flowId,
  flowVersionId: runs.flowVersionId,
  version: flowVersions.version,
  contactId: runs.contactId,
  status: runs.status,
  currentNode: runs.currentNode,
  waitingFor: runs.waitingFor,
  outcome: runs.outcome,
  endReason: runs.endReason,
  startedAt: runs.startedAt,
  endedAt: runs.endedAt,
};

export interface RunRow extends Omit<RunView, 'startedAt' | 'endedAt'> {
  startedAt: Date;
  endedAt: Date | null;
}

/** A run as the API shows it. */
export function runView(r: RunRow): RunView {
  return { ...r, startedAt: r.startedAt.toISOString(), endedAt: r.endedAt ? r.endedAt.toISOString() : null };
}
