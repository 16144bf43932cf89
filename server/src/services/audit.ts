import type { Db } from '../db/database';
import { auditLog } from '../db/schema';

/** Records an action worth knowing about later (publish, rollback, clone, consent, keys, members). */
export async function audit(
  db: Pick<Db, 'insert'>,
  entry: { workspaceId: string; actor: string; action: string; target?: string; detail?: Record<string, unknown> },
): Promise<void> {
  await db
    .insert(auditLog)
    .values({ workspaceId: entry.workspaceId, actor: entry.actor, action: entry.action, target: entry.target ?? null, detail: entry.detail ?? null });
}
