import type pg from 'pg';
import { readReceiptModes, type ReadReceiptMode } from '@tandem/shared';
import { templateOf } from '@tandem/nodes';
import type {
  ContactIdentity,
  EngineTx,
  HandoffRecord,
  HttpCall,
  InboundRecord,
  LockedContact,
  OutboundRecord,
  RunRecord,
  SavedStep,
  TimerRecord,
  ContactPatch,
  OutboundResult,
  ReadReceiptRecord,
} from '@tandem/engine/runtime';
import { FOREVER, identityKey } from '@tandem/engine/runtime';
import { httpRequestJob, markReadJob, sendJob, timerSweepJob } from '@tandem/engine/tasks';
import { contactFromRow, runFromRow, type ContactRow, type RunRow } from './rows';
import { resumeContact, type Queryable } from './contactPause';
import { addJobSql, enqueue } from './enqueue';

/** One engine transaction on a pooled client: the statements of a step, committed together by PgStore. */
const runColumns = 'id, workspace_id, contact_id, flow_id, flow_version_id, status, current_node, step, waiting_for, waiting_event, snapshot, started_at';
/** The same columns as `json_build_object` arguments, for runs read inside another row. */
const runJsonFields = runColumns
  .split(', ')
  .map((c) => `'${c}', r.${c}`)
  .join(', ');

export class PgTx implements EngineTx {
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

  async recordInbound(m: InboundRecord, contact: { profileName?: string; userId?: string; freeEntryUntil?: Date }): Promise<boolean> {
    const r = await this.c.query<{ fresh: number }>(
      `WITH m AS (
         INSERT INTO messages (workspace_id, contact_id, direction, wamid, type, content, status, status_rank, at, updated_at)
         VALUES ($1, $2, 'in', $3, $4, $5, 'received', 0, $6, $6) ON CONFLICT (wamid) DO NOTHING RETURNING id
       ), c AS (
         UPDATE contacts SET last_inbound_at = GREATEST(last_inbound_at, $6), free_entry_until = GREATEST(free_entry_until, $7),
           profile_name = COALESCE($8, profile_name), user_id = COALESCE(user_id, $9), updated_at = now()
         WHERE id = $2 AND EXISTS (SELECT 1 FROM m)
       ), t AS (
         UPDATE timers t SET fire_at = now() + t.restart_ms * interval '1 millisecond'
         FROM runs r WHERE t.run_id = r.id AND t.restart_ms IS NOT NULL AND r.contact_id = $2 AND r.status = 'active' AND EXISTS (SELECT 1 FROM m)
       )
       SELECT count(*)::int AS fresh FROM m`,
      [m.workspaceId, m.contactId, m.wamid, m.type, m.content, m.at, contact.freeEntryUntil ?? null, contact.profileName ?? null, contact.userId ?? null],
    );
    return r.rows[0]!.fresh === 1;
  }

  async lockContacts(ids: readonly number[]): Promise<Map<number, LockedContact>> {
    const sorted = [...new Set(ids)].sort((a, b) => a - b);
    const r = await this.c.query<LockedRow>(`${lockedSelect} WHERE c.id = ANY($1::bigint[]) ORDER BY c.id FOR UPDATE OF c`, [sorted]);
    return new Map(r.rows.map((row) => [row.id, lockedFromRow(row)]));
  }

  async lockContactForRun(contactId: number, runId: number): Promise<LockedContact | undefined> {
    const r = await this.c.query<LockedRow & { signal_run: RunJson | null }>(
      `SELECT l.*, (SELECT json_build_object(${runJsonFields}) FROM runs r WHERE r.id = $2) AS signal_run
       FROM (${lockedSelect} WHERE c.id = $1 FOR UPDATE OF c) l`,
      [contactId, runId],
    );
    const row = r.rows[0];
    if (!row) return undefined;
    const run = row.signal_run;
    return { ...lockedFromRow(row), ...(run ? { signalRun: runFromJson(run) } : {}) };
  }

  async lockContactsByIdentity(workspaceId: string, identities: readonly ContactIdentity[]): Promise<Map<string, LockedContact>> {
    const waIds = [...new Set(identities.flatMap((i) => (i.waId ? [i.waId] : [])))];
    const userIds = [...new Set(identities.flatMap((i) => (!i.waId && i.userId ? [i.userId] : [])))];
    // The active runs come along: routing a message reads them next.
    const r = await this.c.query<LockedRow & { active_runs: RunJson[] }>(
      `SELECT l.*, (SELECT coalesce(json_agg(json_build_object(${runJsonFields}) ORDER BY r.id DESC), '[]'::json)
                    FROM runs r WHERE r.contact_id = l.id AND r.status = 'active') AS active_runs
       FROM (${lockedSelect} WHERE c.workspace_id = $1 AND (c.wa_id = ANY($2::text[]) OR c.user_id = ANY($3::text[])) ORDER BY c.id FOR UPDATE OF c) l`,
      [workspaceId, waIds, userIds],
    );
    const out = new Map<string, LockedContact>();
    for (const row of r.rows) {
      const locked = { ...lockedFromRow(row), activeRuns: row.active_runs.map(runFromJson) };
      if (row.wa_id && waIds.includes(row.wa_id)) out.set(identityKey({ waId: row.wa_id }), locked);
      if (row.user_id && userIds.includes(row.user_id)) out.set(identityKey({ userId: row.user_id }), locked);
    }
    return out;
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
    const r = await this.c.query(`SELECT 1 FROM runs WHERE contact_id = $1 AND flow_id = $2 ${activeOnly ? "AND status = 'active'" : ''} LIMIT 1`, [
      contactId,
      flowId,
    ]);
    return (r.rowCount ?? 0) > 0;
  }

  async newRunId(): Promise<number> {
    const r = await this.c.query<{ id: number }>(`SELECT nextval(pg_get_serial_sequence('runs', 'id')) AS id`);
    return r.rows[0]!.id;
  }

  /**
   * The run's row (inserted or updated), its log lines (`unnest`) and, when asked, the removal of
   * its timers, as data-modifying CTEs of one statement: one round trip per step.
   */
  async saveStep({ run, log, clearTimers }: SavedStep): Promise<void> {
    const params: unknown[] = [
      run.id,
      run.status,
      run.currentNode,
      run.step,
      run.waitingFor,
      run.waitingEvent,
      run.snapshot,
      run.outcome ?? null,
      run.endReason ?? null,
      run.now,
      log.map((r) => r.runId),
      log.map((r) => r.flowVersionId),
      log.map((r) => r.step),
      log.map((r) => r.kind),
      log.map((r) => r.nodeId),
      log.map((r) => r.port ?? null),
      log.map((r) => (r.detail ? JSON.stringify(r.detail) : null)),
      log.map((r) => r.at),
      clearTimers,
    ];
    const write = run.isNew
      ? `INSERT INTO runs (id, workspace_id, contact_id, flow_id, flow_version_id, status, current_node, step, waiting_for, waiting_event, snapshot, outcome, end_reason, started_at, updated_at, ended_at)
         OVERRIDING SYSTEM VALUE VALUES ($1, $20, $21, $22, $23, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, CASE WHEN $2 = 'active' THEN NULL ELSE $10::timestamptz END)`
      : `UPDATE runs SET status = $2, current_node = $3, step = $4, waiting_for = $5, waiting_event = $6, snapshot = $7,
           outcome = COALESCE($8, outcome), end_reason = COALESCE($9, end_reason), updated_at = $10::timestamptz,
           ended_at = CASE WHEN $2 = 'active' THEN NULL ELSE $10::timestamptz END
         WHERE id = $1`;
    if (run.isNew) params.push(run.workspaceId, run.contactId, run.flowId, run.flowVersionId);
    await this.c.query(
      `WITH r AS (${write}),
       l AS (
         INSERT INTO run_steps (run_id, flow_version_id, step, kind, node_id, port, detail, at)
         SELECT * FROM unnest($11::bigint[], $12::bigint[], $13::int[], $14::text[], $15::text[], $16::text[], $17::jsonb[], $18::timestamptz[])
       ),
       t AS (DELETE FROM timers WHERE run_id = $1 AND $19::boolean)
       SELECT 1`,
      params,
    );
  }

  async patchContact(contactId: number, p: ContactPatch, at: Date): Promise<void> {
    const { timezone, ...attributes } = p.attributes;
    const set = Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== null));
    const unset = Object.entries(attributes)
      .filter(([, v]) => v === null)
      .map(([k]) => k);
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
    const category = templateOf(m.content)?.category ?? null;
    const r = await this.c.query<{ id: number }>(
      `WITH m AS (
         INSERT INTO messages (workspace_id, contact_id, direction, type, content, status, status_rank, run_id, node_id, step, purpose, category, at, updated_at)
         VALUES ($1, $2, 'out', $3, $4, 'pending', 0, $5, $6, $7, $8, $9, $10, $10) RETURNING id
       )
       SELECT m.id, ${addJobSql(sendJob, { messageId: 'm.id' }, { unkeyed: true })} FROM m`,
      [m.workspaceId, m.contactId, m.content.kind, m.content, m.runId, m.nodeId, m.step, m.purpose, category, m.at],
    );
    return r.rows[0]!.id;
  }

  async setTimer(t: TimerRecord, clockOffsetMs: number): Promise<void> {
    const fireAt = new Date(t.at.getTime() - clockOffsetMs);
    await this.c.query(
      `WITH t AS (
         INSERT INTO timers (run_id, kind, node_id, step, contact_id, workspace_id, fire_at, restart_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (run_id, kind) DO UPDATE SET node_id = EXCLUDED.node_id, step = EXCLUDED.step, fire_at = EXCLUDED.fire_at, restart_ms = EXCLUDED.restart_ms
         RETURNING fire_at
       ), s AS (
         UPDATE timer_schedule SET next_at = t.fire_at FROM t WHERE timer_schedule.id = 1 AND timer_schedule.next_at > t.fire_at RETURNING timer_schedule.next_at
       )
       SELECT ${addJobSql(timerSweepJob, {}, { runAt: 's.next_at' })} FROM s`,
      [t.runId, t.kind, t.nodeId, t.step, t.contactId, t.workspaceId, fireAt, t.restartOnActivityMs ?? null],
    );
  }

  async queueHttp(call: HttpCall): Promise<void> {
    await enqueue(this.c, httpRequestJob, call);
  }

  async queueReadReceipt(receipt: ReadReceiptRecord): Promise<void> {
    await enqueue(this.c, markReadJob, receipt);
  }

  async openHandoff(h: HandoffRecord): Promise<void> {
    await this.c.query(`INSERT INTO handoffs (workspace_id, contact_id, run_id, node_id, team, status, opened_at) VALUES ($1, $2, $3, $4, $5, 'open', $6)`, [
      h.workspaceId,
      h.contactId,
      h.runId,
      h.nodeId,
      h.team,
      h.at,
    ]);
  }

  async finishOutbound(messageId: number, r: OutboundResult): Promise<void> {
    await this.c.query(
      `WITH m AS (
         UPDATE messages SET status = $2, status_rank = CASE WHEN $2 = 'sent' THEN 1 ELSE status_rank END, wamid = COALESCE($3, wamid),
           error = $4, attempts = attempts + 1, sent_at = CASE WHEN $2 = 'sent' THEN $5::timestamptz ELSE sent_at END, updated_at = now(),
           content = COALESCE($7::jsonb, content), type = COALESCE($7::jsonb ->> 'kind', type), category = COALESCE($8, category)
         WHERE id = $1 RETURNING contact_id
       )
       UPDATE contacts SET next_send_at = $6 FROM m
       WHERE contacts.id = m.contact_id AND $6::timestamptz IS NOT NULL AND (next_send_at IS NULL OR next_send_at < $6::timestamptz)`,
      [
        messageId,
        r.status,
        r.wamid ?? null,
        r.error ?? null,
        r.at,
        r.paceUntil && r.paceUntil > r.at ? r.paceUntil : null,
        r.sentInstead ?? null,
        r.sentInstead ? (templateOf(r.sentInstead)?.category ?? null) : null,
      ],
    );
  }

  async pauseNumber(workspaceId: string, reason: string, at: Date): Promise<void> {
    await this.c.query('UPDATE workspaces SET sends_paused_reason = $2, sends_paused_at = $3 WHERE id = $1 AND sends_paused_reason IS NULL', [
      workspaceId,
      reason,
      at,
    ]);
  }

  async setConsent(contactId: number, consent: 'opted_in' | 'opted_out', source: string, at: Date): Promise<void> {
    await this.c.query('UPDATE contacts SET marketing_consent = $2, consent_changed_at = $3, consent_source = $4, updated_at = now() WHERE id = $1', [
      contactId,
      consent,
      at,
      source,
    ]);
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

/** A stored read-receipt setting, or undefined when none (or an unknown one) is stored. */
function readReceiptModeOf(value: string | null): ReadReceiptMode | undefined {
  return (readReceiptModes as readonly string[]).includes(value ?? '') ? (value as ReadReceiptMode) : undefined;
}

/** A contact row locked with its workspace's clock and read-receipt setting. */
type LockedRow = ContactRow & { clock_offset_ms: number; ws_now: Date; read_receipts: string | null };
const lockedSelect = `SELECT c.*, w.clock_offset_ms, now() + w.clock_offset_ms * interval '1 millisecond' AS ws_now, w.settings ->> 'readReceipts' AS read_receipts
       FROM contacts c JOIN workspaces w ON w.id = c.workspace_id`;

function lockedFromRow(row: LockedRow): LockedContact {
  return { contact: contactFromRow(row), now: row.ws_now, clockOffsetMs: row.clock_offset_ms, readReceipts: readReceiptModeOf(row.read_receipts) };
}

/** A run row read inside another row with `json_build_object(runJsonFields)`: its time arrives as text. */
type RunJson = Omit<RunRow, 'started_at'> & { started_at: string };

function runFromJson(run: RunJson) {
  return runFromRow({ ...run, started_at: new Date(run.started_at) });
}
