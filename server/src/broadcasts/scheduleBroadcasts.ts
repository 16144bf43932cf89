import { sql } from 'drizzle-orm';
import { definitionOf, isNodeType, parseNodeConfig } from '@tandem/nodes';
import { runtimeOf } from '@tandem/nodes/runtime';
import type { Db } from '../db/database';
import { addJobSql } from '../store/enqueue';
import { broadcastJob } from '../worker/serverJobs';

type Executor = Pick<Db, 'execute'>;

/**
 * Makes the flow's broadcasts match its live version: every schedule trigger of that version gets
 * a row with its next firing and a `broadcast` job for it; older rows go (their jobs then find
 * nothing). Call it in the transaction that changes the live version.
 */
export async function scheduleBroadcasts(db: Executor, flowId: string): Promise<void> {
  await db.execute(sql`DELETE FROM broadcasts WHERE flow_id = ${flowId}`);
  const live = await db.execute<{
    workspace_id: string;
    version_id: number;
    document: { nodes?: { id: string; type: string; data: unknown }[] };
    ws_now: Date;
    clock_offset_ms: number;
  }>(sql`
    SELECT f.workspace_id, v.id AS version_id, v.document, now() + w.clock_offset_ms * interval '1 millisecond' AS ws_now, w.clock_offset_ms
    FROM flows f JOIN flow_versions v ON v.id = f.live_version_id JOIN workspaces w ON w.id = f.workspace_id
    WHERE f.id = ${flowId} AND f.archived_at IS NULL`);
  const row = live.rows[0];
  if (!row) return;
  for (const node of row.document.nodes ?? []) {
    if (!isNodeType(node.type)) continue;
    const { startsOn, broadcast } = runtimeOf(node.type);
    if (startsOn !== 'schedule' || !broadcast) continue;
    const parsed = parseNodeConfig(definitionOf(node.type), node.data);
    if (!parsed.ok) continue;
    const fire = broadcast.next(parsed.config, new Date(row.ws_now));
    if (!fire) continue;
    await db.execute(sql`
      WITH b AS (
        INSERT INTO broadcasts (workspace_id, flow_id, flow_version_id, node_id, fire_at)
        VALUES (${row.workspace_id}, ${flowId}, ${row.version_id}, ${node.id}, ${new Date(fire.getTime() - Number(row.clock_offset_ms))})
        RETURNING id, fire_at
      )
      SELECT ${sql.raw(addJobSql(broadcastJob, { broadcastId: 'b.id' }, { runAt: 'b.fire_at' }))} FROM b`);
  }
}

/** The sandbox clock jumped: broadcasts due within the jump fire now. */
export async function shiftBroadcasts(db: Executor, workspaceId: string, ms: number): Promise<void> {
  await db.execute(sql`
    WITH b AS (UPDATE broadcasts SET fire_at = fire_at - ${ms} * interval '1 millisecond' WHERE workspace_id = ${workspaceId} RETURNING id, fire_at)
    SELECT ${sql.raw(addJobSql(broadcastJob, { broadcastId: 'b.id' }, { runAt: 'b.fire_at' }))} FROM b`);
}
