import type pg from 'pg';
import type {
  ContactIdentity,
  EngineStore,
  EngineTx,
  HandoffRecord,
  HttpCall,
  InboundRecord,
  LockedContact,
  LogRow,
  OutboundRecord,
  RunRecord,
  RunUpdate,
  TimerRecord,
  ContactPatch,
  OutboundJob,
  OutboundResult,
} from '@tandem/engine/runtime';
import type { OutboundContent } from '@tandem/shared';
import { contactFromRow, runFromRow, type ContactRow, type RunRow } from './rows';
import type { SecretBox } from '../security/secretBox';
import { FOREVER } from '@tandem/engine/runtime';
import { resumeContact, type Queryable } from './contactPause';

/** The engine's storage on Postgres: one pooled client per transaction, plain SQL on the hot path. */
/** Sends start at most N per this window per number; the margin covers the gap between taking a slot and the request reaching Meta. */
export const SLOT_WINDOW_MS = 1_050;

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
      }
    >(
      `SELECT c.*, m.id AS message_id, m.workspace_id AS m_workspace_id, m.contact_id, m.run_id, m.node_id, m.step AS m_step, r.flow_version_id,
              m.purpose, m.content, m.status, m.attempts, w.transport, w.phone_number_id, w.access_token, w.sends_paused_reason,
              w.throughput_mps, w.settings, w.clock_offset_ms, now() + w.clock_offset_ms * interval '1 millisecond' AS ws_now,
              CASE WHEN m.category = 'MARKETING' AND (w.settings -> 'marketingCap') IS NOT NULL THEN (
                SELECT count(*)::int FROM messages x WHERE x.contact_id = m.contact_id AND x.direction = 'out' AND x.category = 'MARKETING'
                  AND x.status NOT IN ('pending', 'held', 'failed', 'blocked', 'skipped')
                  AND x.at > now() + w.clock_offset_ms * interval '1 millisecond' - ((w.settings -> 'marketingCap' ->> 'periodHours')::int * interval '1 hour'))
              ELSE 0 END AS marketing_recent
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
      now: row.ws_now,
      clockOffsetMs: row.clock_offset_ms,
    };
  }

  async acquireSendSlot(workspaceId: string, mps: number): Promise<{ ok: true } | { ok: false; retryInMs: number }> {
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
    if (taken.rowCount) return { ok: true };
    const missing = await this.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM send_slots WHERE workspace_id = $1', [workspaceId]);
    if ((missing.rows[0]?.n ?? 0) < mps) {
      await this.pool.query(
        `INSERT INTO send_slots (workspace_id, slot) SELECT $1, s FROM generate_series(0, $2 - 1) s ON CONFLICT DO NOTHING`,
        [workspaceId, mps],
      );
      return this.acquireSendSlot(workspaceId, mps);
    }
    const next = await this.pool.query<{ wait_ms: number }>(
      `SELECT GREATEST(1, ceil(extract(epoch FROM (min(used_at) + $3 * interval '1 millisecond' - clock_timestamp())) * 1000))::int AS wait_ms
       FROM send_slots WHERE workspace_id = $1 AND slot < $2`,
      [workspaceId, mps, window],
    );
    return { ok: false, retryInMs: next.rows[0]?.wait_ms ?? 50 };
  }

  async holdOutbound(messageId: number, until: Date, clockOffsetMs: number, reason: string): Promise<void> {
    await this.pool.query(
      `WITH m AS (UPDATE messages SET status = 'held', error = jsonb_build_object('held', $3::text), updated_at = now() WHERE id = $1 RETURNING id)
       SELECT graphile_worker.add_job('send', json_build_object('messageId', m.id), run_at := $2, job_key := 'send:' || m.id) FROM m`,
      [messageId, new Date(until.getTime() - clockOffsetMs), reason],
    );
  }

  async retryOutbound(messageId: number, afterMs: number, error: Record<string, unknown>): Promise<void> {
    await this.pool.query(
      `WITH m AS (UPDATE messages SET attempts = attempts + 1, error = $3, updated_at = now() WHERE id = $1 RETURNING id)
       SELECT graphile_worker.add_job('send', json_build_object('messageId', m.id), run_at := now() + $2 * interval '1 millisecond', job_key := 'send:' || m.id) FROM m`,
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
         SELECT graphile_worker.add_job('fire-timers', json_build_object('timers', json_agg(json_build_object(
           'runId', run_id, 'kind', kind, 'nodeId', node_id, 'step', step, 'contactId', contact_id)))) AS job
         FROM numbered GROUP BY batch
       )
       SELECT (SELECT count(*)::int FROM due) AS n, (SELECT count(*) FROM jobs) AS j`,
      [limit, chunk],
    );
    return r.rows[0]?.n ?? 0;
  }

  async scheduleNextSweep(): Promise<void> {
    await this.pool.query(
      `WITH next AS (SELECT min(fire_at) AS at FROM timers),
       s AS (UPDATE timer_schedule SET next_at = COALESCE((SELECT at FROM next), 'infinity') WHERE id = 1 RETURNING next_at)
       SELECT graphile_worker.add_job('timer-sweep', '{}'::json, run_at := s.next_at, job_key := 'timer-sweep') FROM s WHERE s.next_at < 'infinity'`,
    );
  }

  async loadVersion(versionId: number): Promise<{ flowId: string; document: unknown }> {
    const r = await this.pool.query<{ flow_id: string; document: unknown }>('SELECT flow_id, document FROM flow_versions WHERE id = $1', [versionId]);
    const row = r.rows[0];
    if (!row) throw new Error(`flow version ${versionId} not found`);
    return { flowId: row.flow_id, document: row.document };
  }
}

const runColumns = 'id, workspace_id, contact_id, flow_id, flow_version_id, status, current_node, step, waiting_for, waiting_event, snapshot, started_at';

class PgTx implements EngineTx {
  constructor(private readonly c: pg.PoolClient) {}

  async upsertContact(workspaceId: string, identity: ContactIdentity, at: Date): Promise<{ id: number; created: boolean }> {
    const key = identity.waId ? 'wa_id' : 'user_id';
    const value = identity.waId ?? identity.userId;
    if (!value) throw new Error('a contact needs a WhatsApp id or a user id');
    const found = await this.c.query<{ id: number }>(`SELECT id FROM contacts WHERE workspace_id = $1 AND ${key} = $2`, [workspaceId, value]);
    if (found.rows[0]) return { id: found.rows[0].id, created: false };
    const inserted = await this.c.query<{ id: number; created: boolean }>(
      `INSERT INTO contacts (workspace_id, wa_id, user_id, phone, profile_name, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6)
       ON CONFLICT (workspace_id, ${key}) DO UPDATE SET updated_at = contacts.updated_at
       RETURNING id, (xmax = 0) AS created`,
      [workspaceId, identity.waId ?? null, identity.userId ?? null, identity.waId ? `+${identity.waId}` : null, identity.profileName ?? null, at],
    );
    return inserted.rows[0]!;
  }

  async recordInbound(m: InboundRecord): Promise<boolean> {
    const r = await this.c.query(
      `INSERT INTO messages (workspace_id, contact_id, direction, wamid, type, content, status, status_rank, at, updated_at)
       VALUES ($1, $2, 'in', $3, $4, $5, 'received', 0, $6, $6) ON CONFLICT (wamid) DO NOTHING`,
      [m.workspaceId, m.contactId, m.wamid, m.type, m.content, m.at],
    );
    return r.rowCount === 1;
  }

  async touchInbound(contactId: number, at: Date, update: { profileName?: string; userId?: string; freeEntryUntil?: Date }): Promise<void> {
    await this.c.query(
      `UPDATE contacts SET last_inbound_at = GREATEST(last_inbound_at, $2), free_entry_until = GREATEST(free_entry_until, $3),
         profile_name = COALESCE($4, profile_name), user_id = COALESCE(user_id, $5), updated_at = now() WHERE id = $1`,
      [contactId, at, update.freeEntryUntil ?? null, update.profileName ?? null, update.userId ?? null],
    );
  }

  async lockContacts(ids: readonly number[]): Promise<Map<number, LockedContact>> {
    const sorted = [...new Set(ids)].sort((a, b) => a - b);
    const r = await this.c.query<ContactRow & { clock_offset_ms: number; ws_now: Date }>(
      `SELECT c.*, w.clock_offset_ms, now() + w.clock_offset_ms * interval '1 millisecond' AS ws_now
       FROM contacts c JOIN workspaces w ON w.id = c.workspace_id
       WHERE c.id = ANY($1::bigint[]) ORDER BY c.id FOR UPDATE OF c`,
      [sorted],
    );
    return new Map(r.rows.map((row) => [row.id, { contact: contactFromRow(row), now: row.ws_now, clockOffsetMs: row.clock_offset_ms }]));
  }

  async activeRuns(contactId: number): Promise<RunRecord[]> {
    const r = await this.c.query<RunRow>(`SELECT ${runColumns} FROM runs WHERE contact_id = $1 AND status = 'active' ORDER BY id DESC`, [contactId]);
    return r.rows.map(runFromRow);
  }

  async getRun(runId: number): Promise<RunRecord | undefined> {
    const r = await this.c.query<RunRow>(`SELECT ${runColumns} FROM runs WHERE id = $1`, [runId]);
    return r.rows[0] ? runFromRow(r.rows[0]) : undefined;
  }

  async liveVersions(workspaceId: string): Promise<{ flowId: string; versionId: number }[]> {
    const r = await this.c.query<{ id: string; live_version_id: number }>(
      'SELECT id, live_version_id FROM flows WHERE workspace_id = $1 AND live_version_id IS NOT NULL AND archived_at IS NULL ORDER BY created_at, id',
      [workspaceId],
    );
    return r.rows.map((row) => ({ flowId: row.id, versionId: row.live_version_id }));
  }

  async hasRun(contactId: number, flowId: string, activeOnly: boolean): Promise<boolean> {
    const r = await this.c.query(`SELECT 1 FROM runs WHERE contact_id = $1 AND flow_id = $2 ${activeOnly ? "AND status = 'active'" : ''} LIMIT 1`, [contactId, flowId]);
    return (r.rowCount ?? 0) > 0;
  }

  async newRunId(): Promise<number> {
    const r = await this.c.query<{ id: number }>(`SELECT nextval(pg_get_serial_sequence('runs', 'id')) AS id`);
    return r.rows[0]!.id;
  }

  async insertRun(run: { id: number; workspaceId: string; contactId: number; flowId: string; flowVersionId: number } & RunUpdate): Promise<void> {
    await this.c.query(
      `INSERT INTO runs (id, workspace_id, contact_id, flow_id, flow_version_id, status, current_node, step, waiting_for, waiting_event, snapshot, outcome, end_reason, started_at, updated_at, ended_at)
       OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15)`,
      [
        run.id,
        run.workspaceId,
        run.contactId,
        run.flowId,
        run.flowVersionId,
        run.status,
        run.currentNode,
        run.step,
        run.waitingFor,
        run.waitingEvent,
        run.snapshot,
        run.outcome ?? null,
        run.endReason ?? null,
        run.now,
        run.status === 'active' ? null : run.now,
      ],
    );
  }

  async updateRun(runId: number, u: RunUpdate): Promise<void> {
    await this.c.query(
      `UPDATE runs SET status = $2, current_node = $3, step = $4, waiting_for = $5, waiting_event = $6, snapshot = $7,
         outcome = COALESCE($8, outcome), end_reason = COALESCE($9, end_reason), updated_at = $10::timestamptz,
         ended_at = CASE WHEN $2 = 'active' THEN NULL ELSE $10::timestamptz END
       WHERE id = $1`,
      [runId, u.status, u.currentNode, u.step, u.waitingFor, u.waitingEvent, u.snapshot, u.outcome ?? null, u.endReason ?? null, u.now],
    );
  }

  async appendLog(rows: readonly LogRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.c.query(
      `INSERT INTO run_steps (run_id, flow_version_id, step, kind, node_id, port, detail, at)
       SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::timestamptz[])`,
      [
        rows.map((r) => r.runId),
        rows.map((r) => r.flowVersionId),
        rows.map((r) => r.step),
        rows.map((r) => r.kind),
        rows.map((r) => r.nodeId),
        rows.map((r) => r.port ?? null),
        rows.map((r) => (r.detail ? JSON.stringify(r.detail) : null)),
        rows.map((r) => r.at),
      ],
    );
  }

  async patchContact(contactId: number, p: ContactPatch, at: Date): Promise<void> {
    const { timezone, ...attributes } = p.attributes;
    const set = Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== null));
    const unset = Object.entries(attributes).filter(([, v]) => v === null).map(([k]) => k);
    await this.c.query(
      `UPDATE contacts SET
         attributes = (attributes || $2::jsonb) - $3::text[],
         tags = ARRAY(SELECT DISTINCT t FROM unnest(tags || $4::text[]) AS t WHERE t <> ALL($5::text[]) ORDER BY t),
         timezone = CASE WHEN $6::boolean THEN $7 ELSE timezone END,
         marketing_consent = COALESCE($8, marketing_consent),
         consent_changed_at = CASE WHEN $8 IS NULL THEN consent_changed_at ELSE $9 END,
         consent_source = CASE WHEN $8 IS NULL THEN consent_source ELSE 'flow' END,
         updated_at = $9
       WHERE id = $1`,
      [
        contactId,
        set,
        unset,
        p.addTags,
        p.removeTags,
        timezone !== undefined,
        typeof timezone === 'string' ? timezone : null,
        p.consent ? (p.consent === 'opt_in' ? 'opted_in' : 'opted_out') : null,
        at,
      ],
    );
  }

  async queueSend(m: OutboundRecord): Promise<number> {
    const category = m.content.kind === 'template' ? m.content.category : null;
    const r = await this.c.query<{ id: number }>(
      `WITH m AS (
         INSERT INTO messages (workspace_id, contact_id, direction, type, content, status, status_rank, run_id, node_id, step, purpose, category, at, updated_at)
         VALUES ($1, $2, 'out', $3, $4, 'pending', 0, $5, $6, $7, $8, $9, $10, $10) RETURNING id
       )
       SELECT m.id, graphile_worker.add_job('send', json_build_object('messageId', m.id)) FROM m`,
      [m.workspaceId, m.contactId, m.content.kind, m.content, m.runId, m.nodeId, m.step, m.purpose, category, m.at],
    );
    return r.rows[0]!.id;
  }

  async setTimer(t: TimerRecord, clockOffsetMs: number): Promise<void> {
    const fireAt = new Date(t.at.getTime() - clockOffsetMs);
    await this.c.query(
      `WITH t AS (
         INSERT INTO timers (run_id, kind, node_id, step, contact_id, workspace_id, fire_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (run_id, kind) DO UPDATE SET node_id = EXCLUDED.node_id, step = EXCLUDED.step, fire_at = EXCLUDED.fire_at
         RETURNING fire_at
       ), s AS (
         UPDATE timer_schedule SET next_at = t.fire_at FROM t WHERE timer_schedule.id = 1 AND timer_schedule.next_at > t.fire_at RETURNING timer_schedule.next_at
       )
       SELECT graphile_worker.add_job('timer-sweep', '{}'::json, run_at := s.next_at, job_key := 'timer-sweep') FROM s`,
      [t.runId, t.kind, t.nodeId, t.step, t.contactId, t.workspaceId, fireAt],
    );
  }

  async clearTimers(runId: number): Promise<void> {
    await this.c.query('DELETE FROM timers WHERE run_id = $1', [runId]);
  }

  async queueHttp(call: HttpCall): Promise<void> {
    await this.c.query(`SELECT graphile_worker.add_job('http-request', $1::json, max_attempts := 1)`, [JSON.stringify(call)]);
  }

  async openHandoff(h: HandoffRecord): Promise<void> {
    await this.c.query(
      `INSERT INTO handoffs (workspace_id, contact_id, run_id, node_id, team, status, opened_at) VALUES ($1, $2, $3, $4, $5, 'open', $6)`,
      [h.workspaceId, h.contactId, h.runId, h.nodeId, h.team, h.at],
    );
  }

  async finishOutbound(messageId: number, r: OutboundResult): Promise<void> {
    await this.c.query(
      `WITH m AS (
         UPDATE messages SET status = $2, status_rank = CASE WHEN $2 = 'sent' THEN 1 ELSE status_rank END, wamid = COALESCE($3, wamid),
           error = $4, attempts = attempts + 1, sent_at = CASE WHEN $2 = 'sent' THEN $5::timestamptz ELSE sent_at END, updated_at = now()
         WHERE id = $1 RETURNING contact_id
       )
       UPDATE contacts SET next_send_at = $6 FROM m
       WHERE contacts.id = m.contact_id AND $6::timestamptz IS NOT NULL AND (next_send_at IS NULL OR next_send_at < $6::timestamptz)`,
      [messageId, r.status, r.wamid ?? null, r.error ?? null, r.at, r.paceUntil && r.paceUntil > r.at ? r.paceUntil : null],
    );
  }

  async pauseNumber(workspaceId: string, reason: string, at: Date): Promise<void> {
    await this.c.query('UPDATE workspaces SET sends_paused_reason = $2, sends_paused_at = $3 WHERE id = $1 AND sends_paused_reason IS NULL', [workspaceId, reason, at]);
  }

  async setConsent(contactId: number, consent: 'opted_in' | 'opted_out', source: string, at: Date): Promise<void> {
    await this.c.query(
      'UPDATE contacts SET marketing_consent = $2, consent_changed_at = $3, consent_source = $4, updated_at = now() WHERE id = $1',
      [contactId, consent, at, source],
    );
  }

  async pauseContact(contactId: number, until: Date | 'infinity', reason: string): Promise<void> {
    await this.c.query(
      `UPDATE contacts SET paused_until = CASE WHEN paused_until > $2 THEN paused_until ELSE $2 END, pause_reason = $3, updated_at = now() WHERE id = $1`,
      [contactId, until === 'infinity' ? FOREVER : until, reason],
    );
  }

  async resumeContact(contactId: number, reason?: string): Promise<void> {
    await resumeContact(this.c as unknown as Queryable, contactId, reason);
  }

  async closeHandoff(runId: number, at: Date): Promise<void> {
    await this.c.query(`UPDATE handoffs SET status = 'released', released_at = $2 WHERE run_id = $1 AND status <> 'released'`, [runId, at]);
  }
}
