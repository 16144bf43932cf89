import type pg from 'pg';
import { z } from 'zod';
import type { ConversionReportResult, EngineStore, EngineTx, PendingConversionReport, ReadReceiptTarget } from '@tandem/engine/runtime';
import { fireTimersJob, reportConversionJob, timerSweepJob } from '@tandem/engine/tasks';
import { readReceiptModes } from '@tandem/shared';
import type { SecretBox } from '../security/secretBox';
import { RunIdReservoir } from './runIds';
import { PgTx, type StoreShared } from './pgTx';
import { addJobSql } from './enqueue';

/** The workspace's `readReceipts` setting, as stored (jsonb: anything). */
const readReceiptModeSchema = z.enum(readReceiptModes);

/** The engine's storage on Postgres: one pooled client per transaction, plain SQL on the hot path. */
export class PgStore implements EngineStore {
  private readonly shared: StoreShared;

  constructor(
    private readonly pool: pg.Pool,
    private readonly secrets: SecretBox,
  ) {
    this.shared = { runIds: new RunIdReservoir(), secrets, autonomous: (text, params) => pool.query(text, params) };
  }

  async transaction<T>(fn: (tx: EngineTx) => Promise<T>, options: { consumesJob?: string } = {}): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const tx = new PgTx(client, this.shared);
      const result = await fn(tx);
      if (options.consumesJob !== undefined) tx.consumeJob(options.consumesJob);
      await tx.flush();
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
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

  async loadConversionReport(reportId: number): Promise<PendingConversionReport | undefined> {
    const r = await this.pool.query<{
      workspace_id: string;
      status: PendingConversionReport['status'];
      attempts: number;
      payload: Record<string, unknown>;
      transport: 'cloud' | 'sandbox';
      dataset: string | null;
      access_token: Buffer | null;
    }>(
      `SELECT e.workspace_id, e.status, e.attempts, e.payload, w.transport, NULLIF(w.settings #>> '{conversionsApi,datasetId}', '') AS dataset, w.access_token
       FROM capi_events e JOIN workspaces w ON w.id = e.workspace_id WHERE e.id = $1`,
      [reportId],
    );
    const row = r.rows[0];
    if (!row) return undefined;
    return {
      id: reportId,
      workspaceId: row.workspace_id,
      status: row.status,
      attempts: row.attempts,
      event: row.payload,
      transport: row.transport,
      datasetId: row.dataset,
      accessToken: row.access_token ? this.secrets.decrypt(row.access_token) : null,
    };
  }

  async settleConversionReport(reportId: number, result: ConversionReportResult): Promise<void> {
    await this.pool.query(
      `WITH e AS (
         UPDATE capi_events SET status = $2, attempts = $3, response = COALESCE($4::jsonb, response), last_error = COALESCE($5::jsonb, last_error),
           sent_at = CASE WHEN $2 = 'sent' THEN now() ELSE sent_at END
         WHERE id = $1 RETURNING id
       )
       SELECT ${addJobSql(reportConversionJob, { reportId: 'e.id' }, { runAt: '$6::timestamptz' })} FROM e WHERE $6::timestamptz IS NOT NULL`,
      [
        reportId,
        result.status,
        result.attempts,
        result.response ? JSON.stringify(result.response) : null,
        result.error ? JSON.stringify(result.error) : null,
        result.status === 'pending' ? (result.retryAt ?? null) : null,
      ],
    );
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
