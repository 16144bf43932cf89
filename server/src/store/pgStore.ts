import type pg from 'pg';
import { z } from 'zod';
import type { EngineStore, EngineTx, OutboundJob, ReadReceiptTarget } from '@tandem/engine/runtime';
import { fireTimersJob, sendJob, timerSweepJob } from '@tandem/engine/tasks';
import { readReceiptModes } from '@tandem/shared';
import type { OutboundContent } from '@tandem/nodes';
import type { SecretBox } from '../security/secretBox';
import { contactFromRow, type ContactRow } from './rows';
import { PgTx } from './pgTx';
import { addJobSql } from './enqueue';

/** The engine's storage on Postgres: one pooled client per transaction, plain SQL on the hot path. */
/** A send slot is free again this long after its last request finished. */
const SLOT_WINDOW_MS = 1_000;
/** The workspace's `readReceipts` setting, as stored (jsonb: anything). */
const readReceiptModeSchema = z.enum(readReceiptModes);

export class PgStore implements EngineStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly secrets: SecretBox,
  ) {}

  async transaction<T>(fn: (tx: EngineTx) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(new PgTx(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async loadOutbound(messageId: number): Promise<OutboundJob | undefined> {
    const r = await this.pool.query<
      ContactRow & {
        message_id: number;
        m_workspace_id: string;
        contact_id: number;
        run_id: number | null;
        node_id: string | null;
        m_step: number | null;
        flow_version_id: number | null;
        purpose: string;
        content: OutboundContent;
        status: string;
        attempts: number;
        next_send_at: Date | null;
        transport: 'cloud' | 'sandbox';
        phone_number_id: string | null;
        access_token: Buffer | null;
        sends_paused_reason: string | null;
        throughput_mps: number;
        settings: Record<string, unknown>;
        clock_offset_ms: number;
        ws_now: Date;
        marketing_recent: number;
        template_status: string | null;
      }
    >(
      `SELECT c.*, m.id AS message_id, m.workspace_id AS m_workspace_id, m.contact_id, m.run_id, m.node_id, m.step AS m_step, r.flow_version_id,
              m.purpose, m.content, m.status, m.attempts, w.transport, w.phone_number_id, w.access_token, w.sends_paused_reason,
              w.throughput_mps, w.settings, w.clock_offset_ms, now() + w.clock_offset_ms * interval '1 millisecond' AS ws_now,
              CASE WHEN m.category = 'MARKETING' AND (w.settings -> 'marketingCap') IS NOT NULL THEN (
                SELECT count(*)::int FROM messages x WHERE x.contact_id = m.contact_id AND x.direction = 'out' AND x.category = 'MARKETING'
                  AND x.status NOT IN ('pending', 'held', 'failed', 'blocked', 'skipped')
                  AND x.at > now() + w.clock_offset_ms * interval '1 millisecond' - ((w.settings -> 'marketingCap' ->> 'periodHours')::int * interval '1 hour'))
              ELSE 0 END AS marketing_recent,
              (SELECT t.status FROM templates t WHERE m.content ->> 'kind' = 'template' AND t.workspace_id = m.workspace_id
                 AND t.name = m.content ->> 'name' AND t.language = m.content ->> 'language') AS template_status
       FROM messages m JOIN contacts c ON c.id = m.contact_id JOIN workspaces w ON w.id = m.workspace_id
       LEFT JOIN runs r ON r.id = m.run_id
       WHERE m.id = $1`,
      [messageId],
    );
    const row = r.rows[0];
    if (!row) return undefined;
    const cap = row.settings.marketingCap as { max?: number } | undefined;
    return {
      messageId: row.message_id,
      workspaceId: row.m_workspace_id,
      contactId: row.contact_id,
      runId: row.run_id,
      nodeId: row.node_id,
      step: row.m_step,
      flowVersionId: row.flow_version_id,
      purpose: row.purpose,
      content: row.content,
      status: row.status,
      attempts: row.attempts,
      to: row.phone ?? (row.wa_id ? `+${row.wa_id}` : null),
      sender: { transport: row.transport, phoneNumberId: row.phone_number_id, accessToken: row.access_token ? this.secrets.decrypt(row.access_token) : null },
      numberPausedReason: row.sends_paused_reason,
      throughputMps: row.throughput_mps,
      pairGapMs: typeof row.settings.pairGapMs === 'number' ? row.settings.pairGapMs : 600,
      marketingCap: typeof cap?.max === 'number' ? cap.max : null,
      marketingSentRecently: row.marketing_recent,
      contact: contactFromRow(row),
      nextSendAt: row.next_send_at,
      templateStatus: row.template_status,
      now: row.ws_now,
      clockOffsetMs: row.clock_offset_ms,
    };
  }

  async acquireSendSlot(workspaceId: string, mps: number): Promise<{ ok: true; slot: number } | { ok: false; retryInMs: number }> {
    const window = SLOT_WINDOW_MS;
    const taken = await this.pool.query(
      `UPDATE send_slots SET used_at = clock_timestamp()
       WHERE (workspace_id, slot) = (
         SELECT workspace_id, slot FROM send_slots
         WHERE workspace_id = $1 AND slot < $2 AND used_at <= clock_timestamp() - $3 * interval '1 millisecond'
         ORDER BY used_at LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING slot`,
      [workspaceId, mps, window],
    );
    if (taken.rowCount) return { ok: true, slot: (taken.rows[0] as { slot: number }).slot };
    const missing = await this.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM send_slots WHERE workspace_id = $1', [workspaceId]);
    if ((missing.rows[0]?.n ?? 0) < mps) {
      await this.pool.query(`INSERT INTO send_slots (workspace_id, slot) SELECT $1, s FROM generate_series(0, $2 - 1) s ON CONFLICT DO NOTHING`, [
        workspaceId,
        mps,
      ]);
      return this.acquireSendSlot(workspaceId, mps);
    }
    const next = await this.pool.query<{ wait_ms: number }>(
      `SELECT GREATEST(1, ceil(extract(epoch FROM (min(used_at) + $3 * interval '1 millisecond' - clock_timestamp())) * 1000))::int AS wait_ms
       FROM send_slots WHERE workspace_id = $1 AND slot < $2`,
      [workspaceId, mps, window],
    );
    return { ok: false, retryInMs: next.rows[0]?.wait_ms ?? 50 };
  }

  async releaseSendSlot(workspaceId: string, slot: number): Promise<void> {
    await this.pool.query('UPDATE send_slots SET used_at = clock_timestamp() WHERE workspace_id = $1 AND slot = $2', [workspaceId, slot]);
  }

  async holdOutbound(messageId: number, until: Date, clockOffsetMs: number, reason: string): Promise<void> {
    await this.pool.query(
      `WITH m AS (UPDATE messages SET status = 'held', error = jsonb_build_object('held', $3::text), updated_at = now() WHERE id = $1 RETURNING id)
       SELECT ${addJobSql(sendJob, { messageId: 'm.id' }, { runAt: '$2' })} FROM m`,
      [messageId, new Date(until.getTime() - clockOffsetMs), reason],
    );
  }

  async retryOutbound(messageId: number, afterMs: number, error: Record<string, unknown>): Promise<void> {
    await this.pool.query(
      `WITH m AS (UPDATE messages SET attempts = attempts + 1, error = $3, updated_at = now() WHERE id = $1 RETURNING id)
       SELECT ${addJobSql(sendJob, { messageId: 'm.id' }, { runAt: "now() + $2 * interval '1 millisecond'" })} FROM m`,
      [messageId, afterMs, error],
    );
  }

  async resetSweepSchedule(): Promise<void> {
    await this.pool.query(`UPDATE timer_schedule SET next_at = 'infinity' WHERE id = 1`);
  }

  async claimDueTimers(limit: number, chunk: number): Promise<number> {
    const r = await this.pool.query<{ n: number }>(
      `WITH due AS (
         DELETE FROM timers WHERE (run_id, kind) IN (
           SELECT run_id, kind FROM timers WHERE fire_at <= now() ORDER BY fire_at LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING run_id, kind, node_id, step, contact_id
       ), numbered AS (
         SELECT *, (row_number() OVER (ORDER BY contact_id) - 1) / $2 AS batch FROM due
       ), jobs AS (
         SELECT ${addJobSql(fireTimersJob, {
           timers: "json_agg(json_build_object('runId', run_id, 'kind', kind, 'nodeId', node_id, 'step', step, 'contactId', contact_id))",
         })} AS job
         FROM numbered GROUP BY batch
       )
       SELECT (SELECT count(*)::int FROM due) AS n, (SELECT count(*) FROM jobs) AS j`,
      [limit, chunk],
    );
    return r.rows[0]?.n ?? 0;
  }

  async loadReadReceiptTarget(workspaceId: string): Promise<ReadReceiptTarget | undefined> {
    const r = await this.pool.query<{
      transport: 'cloud' | 'sandbox';
      phone_number_id: string | null;
      access_token: Buffer | null;
      setting: unknown;
    }>(`SELECT transport, phone_number_id, access_token, settings -> 'readReceipts' AS setting FROM workspaces WHERE id = $1`, [workspaceId]);
    const row = r.rows[0];
    if (!row) return undefined;
    const setting = readReceiptModeSchema.safeParse(row.setting);
    return {
      sender: { transport: row.transport, phoneNumberId: row.phone_number_id, accessToken: row.access_token ? this.secrets.decrypt(row.access_token) : null },
      setting: setting.success ? setting.data : undefined,
    };
  }

  async scheduleNextSweep(): Promise<void> {
    await this.pool.query(
      `WITH next AS (SELECT min(fire_at) AS at FROM timers),
       s AS (UPDATE timer_schedule SET next_at = COALESCE((SELECT at FROM next), 'infinity') WHERE id = 1 RETURNING next_at)
       SELECT ${addJobSql(timerSweepJob, {}, { runAt: 's.next_at' })} FROM s WHERE s.next_at < 'infinity'`,
    );
  }

  async loadVersion(versionId: number): Promise<{ flowId: string; document: unknown }> {
    const r = await this.pool.query<{ flow_id: string; document: unknown }>('SELECT flow_id, document FROM flow_versions WHERE id = $1', [versionId]);
    const row = r.rows[0];
    if (!row) throw new Error(`flow version ${versionId} not found`);
    return { flowId: row.flow_id, document: row.document };
  }
}
