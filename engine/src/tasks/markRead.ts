import { effectiveReadReceipts } from '@tandem/shared';
import type { EngineDeps } from './deps';
import type { MarkReadPayload } from './payloads';

/**
 * The `mark-read` job: marks a message a step took read, with the typing indicator, as far as the flow's
 * and the workspace's setting allow (read now, so a changed workspace setting applies at once). A receipt
 * is only worth sending now: a failure is logged and dropped, never retried and never the run's concern.
 */
export async function markMessageRead(p: MarkReadPayload, deps: EngineDeps): Promise<void> {
  const target = await deps.store.loadReadReceiptTarget(p.workspaceId);
  if (!target) return;
  const mode = effectiveReadReceipts(p.flowSetting, target.setting);
  if (mode === 'off') return;
  const typing = p.typing && mode === 'read_and_typing';
  const outcome = await deps.transport.markRead(p.wamid, target.sender, { typing });
  const fields = { runId: p.runId, nodeId: p.nodeId, typing };
  if (outcome.ok) deps.logger.info(fields, 'message marked read');
  else
    deps.logger.warn(
      { ...fields, code: outcome.error.code, handling: outcome.handling, error: outcome.error.message },
      'marking the message read failed; dropped',
    );
}
