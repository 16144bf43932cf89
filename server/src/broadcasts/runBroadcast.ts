import type pg from 'pg';
import { runtimeOf } from '@tandem/nodes/runtime';
import { contactView, runtimeCaps } from '@tandem/engine/runtime';
import { startRunsJob, type EngineDeps } from '@tandem/engine/tasks';
import { contactFromRow, type ContactRow } from '../store/rows';
import { addJobSql, addJobsSql } from '../store/enqueue';
import { broadcastJob } from '../worker/serverJobs';

/** Contacts looked at per job; a longer audience continues in the next job. */
const BROADCAST_PAGE = 1_000;
/** Contacts one start-runs job starts, in one transaction. */
const START_CHUNK = 100;

type BroadcastRow = {
  id: number;
  workspace_id: string;
  flow_id: string;
  flow_version_id: number;
  node_id: string;
  fire_at: Date;
  cursor: number;
  live: boolean;
  clock_offset_ms: number;
  ws_now: Date;
};

/**
 * The `broadcast` job: when a schedule trigger is due, queues `start-runs` (chunks of contacts) for
 * its whole audience, a page at a time (each page and its cursor commit together, so a crash resumes
 * where it stopped and nobody is queued twice), then schedules the next firing. The journeys
 * start under the flow's entry rules and pass the policy gate like any other.
 */
export async function runBroadcast(broadcastId: number, pool: pg.Pool, deps: EngineDeps): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const b = (
      await client.query<BroadcastRow>(
        `SELECT b.id, b.workspace_id, b.flow_id, b.flow_version_id, b.node_id, b.fire_at, b.cursor, f.live_version_id = b.flow_version_id AS live,
                w.clock_offset_ms, now() + w.clock_offset_ms * interval '1 millisecond' AS ws_now
         FROM broadcasts b JOIN flows f ON f.id = b.flow_id JOIN workspaces w ON w.id = b.workspace_id
         WHERE b.id = $1 FOR UPDATE OF b SKIP LOCKED`,
        [broadcastId],
      )
    ).rows[0];
    if (!b || b.fire_at.getTime() > Date.now() + 1_000) return void (await client.query('COMMIT'));
    if (!b.live) {
      await client.query('DELETE FROM broadcasts WHERE id = $1', [b.id]);
      return void (await client.query('COMMIT'));
    }
    const { version } = await deps.interpreter.load(b.flow_version_id);
    const trigger = version.triggers.find((t) => t.id === b.node_id);
    const broadcast = trigger && runtimeOf(trigger.type).broadcast;
    if (!trigger || !broadcast) {
      await client.query('DELETE FROM broadcasts WHERE id = $1', [b.id]);
      return void (await client.query('COMMIT'));
    }
    const { config } = trigger;
    const dueAt = new Date(b.fire_at.getTime() + Number(b.clock_offset_ms));
    const page = (
      await client.query<ContactRow>('SELECT * FROM contacts WHERE workspace_id = $1 AND id > $2 ORDER BY id LIMIT $3', [
        b.workspace_id,
        b.cursor,
        BROADCAST_PAGE,
      ])
    ).rows;
    const audience = page.filter((row) => {
      const contact = contactFromRow(row);
      return broadcast.inAudience(
        config,
        { tags: contact.tags, marketingConsent: contact.marketingConsent, view: contactView(contact, version.contactFields, b.ws_now) },
        runtimeCaps,
        b.ws_now,
      );
    });
    if (audience.length > 0) {
      // The page's journeys in one insert: a start-runs job per chunk of START_CHUNK contacts, each
      // chunk started in one transaction (one job and one start-run transaction per contact cost ~7
      // round trips a contact).
      const chunks: number[][] = [];
      for (let i = 0; i < audience.length; i += START_CHUNK) chunks.push(audience.slice(i, i + START_CHUNK).map((r) => r.id));
      await client.query(
        addJobsSql(
          startRunsJob,
          {
            workspaceId: '$1::text',
            contactIds: 'c',
            flowId: '$2::text',
            triggerNode: '$3::text',
            payload: "json_build_object('scheduled_at', $4::text)",
          },
          'jsonb_array_elements($5::jsonb) c',
        ),
        [b.workspace_id, b.flow_id, b.node_id, dueAt.toISOString(), JSON.stringify(chunks)],
      );
    }
    if (page.length === BROADCAST_PAGE) {
      await client.query(
        `WITH b AS (UPDATE broadcasts SET cursor = $2 WHERE id = $1 RETURNING id)
         SELECT ${addJobSql(broadcastJob, { broadcastId: 'b.id' })} FROM b`,
        [b.id, page[page.length - 1]!.id],
      );
    } else {
      const next = broadcast.next(config, dueAt);
      if (next) {
        await client.query(
          `WITH b AS (UPDATE broadcasts SET cursor = 0, fire_at = $2, firings = firings + 1, last_fired_at = $3 WHERE id = $1 RETURNING id, fire_at)
           SELECT ${addJobSql(broadcastJob, { broadcastId: 'b.id' }, { runAt: 'b.fire_at' })} FROM b`,
          [b.id, new Date(next.getTime() - Number(b.clock_offset_ms)), dueAt],
        );
      } else {
        await client.query('DELETE FROM broadcasts WHERE id = $1', [b.id]);
      }
    }
    await client.query('COMMIT');
    deps.logger.info({ broadcastId: b.id, flowId: b.flow_id, looked: page.length, started: audience.length }, 'broadcast page queued');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
