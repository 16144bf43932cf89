import type pg from 'pg';
import type {
  ContactIdentity,
  ContactState,
  EngineTx,
  HandoffRecord,
  HttpCall,
  InboundReceipt,
  OutboundJob,
  LockedContact,
  OutboundRecord,
  RunRecord,
  SavedStep,
  TimerRecord,
  ContactPatch,
  OutboundResult,
  ReadReceiptRecord,
  ConversionRecord,
  ConversionReport,
} from '@tandem/engine/runtime';
import { FOREVER, identityKey } from '@tandem/engine/runtime';
import { httpRequestJob, markReadJob } from '@tandem/engine/tasks';
import { lockedFromRow, lockedSelect, runColumns, runFromJson, runFromRow, runJsonFields, type LockedRow, type RunJson, type RunRow } from './rows';
import { resumeContact, type Queryable } from './contactPause';
import { enqueue } from './enqueue';
import { queueConversionReportSql, recordConversionSql } from './conversionSql';
import { patchContactParams, patchContactSql, runsOfFlowSql, type RunsOfFlow } from './contactSql';
import { recordInboundSql } from './inboundSql';
import { WriteBuffer } from './writeBuffer';
import { claimOutboundSql, outboundJobsFromRows, takeSendSlots, type OutboundRow } from './outboundRows';
import type { RunIdReservoir } from './runIds';
import type { SecretBox } from '../security/secretBox';

/** What every transaction of one store shares: id reservoir, secrets, and a way to commit a statement on its own. */
export type StoreShared = {
  runIds: RunIdReservoir;
  secrets: SecretBox;
  /** Runs one statement outside the transaction, committed at once (on another pooled connection). */
  autonomous: (text: string, params: unknown[]) => Promise<{ rows: unknown[]; rowCount: number | null }>;
};

/** One engine transaction on a pooled client: the statements of a step, committed together by PgStore. */

export class PgTx implements EngineTx {
  private readonly buffer = new WriteBuffer();
  /** `prefetchRuns`' answers, per contact, until `hasRun` takes one or a run of the contact is saved. */
  private readonly knownRuns = new Map<number, { flowId: string; active: boolean; ended: boolean }>();
  /** Live versions per workspace, read once per transaction (publishing never happens inside one). */
  private readonly live = new Map<string, { flowId: string; versionId: number }[]>();

  constructor(
    private readonly c: pg.PoolClient,
    private readonly shared: StoreShared,
  ) {}

  /** The job running this transaction is deleted with its writes (graphile-worker's own completion then finds nothing to do). */
  consumeJob(jobId: string): void {
    this.buffer.consumeJob(jobId);
  }

  /** Writes what the buffer holds: before every other statement, and before COMMIT. */
  async flush(): Promise<void> {
    const write = this.buffer.take();
    if (write) await this.c.query(write.text, write.params);
  }

  /** Every statement but the buffered writes goes through here: what was written before is visible to it. */
  /** `name`: a statement of constant text the connection prepares once (planned once, not on every call). */
  private async query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[], name?: string): Promise<pg.QueryResult<R>> {
    await this.flush();
    return name ? this.c.query<R>({ name, text, values: params ?? [] }) : this.c.query<R>(text, params);
  }

  async createContacts(workspaceId: string, contacts: readonly { identity: ContactIdentity; at: Date }[]): Promise<Set<string>> {
    const byKey = new Map<string, { wa_id: string | null; user_id: string | null; profile_name: string | null; at: Date }>();
    for (const { identity, at } of contacts) {
      if (!identity.waId && !identity.userId) throw new Error('a contact needs a WhatsApp id or a user id');
      const key = identityKey(identity);
      if (!byKey.has(key)) byKey.set(key, { wa_id: identity.waId ?? null, user_id: identity.userId ?? null, profile_name: identity.profileName ?? null, at });
    }
    if (byKey.size === 0) return new Set();
    // A contact another transaction created meanwhile is left as it is (and is not ours to call new).
    const r = await this.query<{ wa_id: string | null; user_id: string | null }>(
      `INSERT INTO contacts (workspace_id, wa_id, user_id, phone, profile_name, created_at, updated_at)
       SELECT $1, x.wa_id, x.user_id, '+' || x.wa_id, x.profile_name, x.at, x.at
       FROM jsonb_to_recordset($2::jsonb) AS x(wa_id text, user_id text, profile_name text, at timestamptz)
       ON CONFLICT DO NOTHING
       RETURNING wa_id, user_id`,
      [workspaceId, JSON.stringify([...byKey.values()])],
    );
    return new Set(r.rows.map((row) => identityKey({ waId: row.wa_id ?? undefined, userId: row.user_id ?? undefined })));
  }

  async recordInbound(batch: readonly InboundReceipt[]): Promise<Set<string>> {
    if (batch.length === 0) return new Set();
    const rows = batch.map(({ message: m, contact }) => ({
      workspace_id: m.workspaceId,
      contact_id: m.contactId,
      wamid: m.wamid,
      type: m.type,
      content: m.content,
      at: m.at,
      free_entry_until: contact.freeEntryUntil ?? null,
      profile_name: contact.profileName ?? null,
      wa_id: contact.waId ?? null,
      user_id: contact.userId ?? null,
      referral: contact.referral ?? null,
    }));
    const r = await this.query<{ wamid: string }>(recordInboundSql, [JSON.stringify(rows)]);
    return new Set(r.rows.map((row) => row.wamid));
  }

  async lockContacts(ids: readonly number[]): Promise<Map<number, LockedContact>> {
    const sorted = [...new Set(ids)].sort((a, b) => a - b);
    const r = await this.query<LockedRow>(`${lockedSelect} WHERE c.id = ANY($1::bigint[]) ORDER BY c.id FOR UPDATE OF c`, [sorted], 'tandem-lock-contacts');
    return new Map(r.rows.map((row) => [row.id, lockedFromRow(row)]));
  }

  async lockForResults(
    contactIds: readonly number[],
    runIds: readonly number[],
  ): Promise<{ contacts: Map<number, LockedContact>; runs: Map<number, RunRecord> }> {
    const sorted = [...new Set(contactIds)].sort((a, b) => a - b);
    // The runs are read once and grouped by contact (a lookup of every run id for each contact grew with the square of the batch).
    const r = await this.query<LockedRow & { runs: RunJson[] | null }>(
      `WITH l AS MATERIALIZED (${lockedSelect} WHERE c.id = ANY($1::bigint[]) ORDER BY c.id FOR UPDATE OF c),
       rs AS (SELECT r.contact_id, json_agg(json_build_object(${runJsonFields})) AS runs FROM runs r WHERE r.id = ANY($2::bigint[]) GROUP BY r.contact_id)
       SELECT l.*, rs.runs FROM l LEFT JOIN rs ON rs.contact_id = l.id`,
      [sorted, [...new Set(runIds)]],
      'tandem-lock-for-results',
    );
    const contacts = new Map<number, LockedContact>();
    const runs = new Map<number, RunRecord>();
    for (const row of r.rows) {
      contacts.set(row.id, lockedFromRow(row));
      for (const run of row.runs ?? []) runs.set(run.id, runFromJson(run));
    }
    return { contacts, runs };
  }

  async readContact(contactId: number): Promise<{ contact: ContactState; now: Date } | undefined> {
    const r = await this.query<LockedRow>(`${lockedSelect} WHERE c.id = $1`, [contactId]);
    const row = r.rows[0];
    if (!row) return undefined;
    const { contact, now } = lockedFromRow(row);
    return { contact, now };
  }

  async lockContactForRun(contactId: number, runId: number): Promise<LockedContact | undefined> {
    const r = await this.query<LockedRow & { signal_run: RunJson | null }>(
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
    const userIds = [...new Set(identities.flatMap((i) => (i.userId ? [i.userId] : [])))];
    // The active runs come along: routing a message reads them next.
    const r = await this.query<LockedRow & { active_runs: RunJson[] }>(
      `SELECT l.*, (SELECT coalesce(json_agg(json_build_object(${runJsonFields}) ORDER BY r.id DESC), '[]'::json)
                    FROM runs r WHERE r.contact_id = l.id AND r.status = 'active') AS active_runs
       FROM (${lockedSelect} WHERE c.workspace_id = $1 AND (c.wa_id = ANY($2::text[]) OR c.user_id = ANY($3::text[])) ORDER BY c.id FOR UPDATE OF c) l`,
      [workspaceId, waIds, userIds],
    );
    const byWaId = new Map<string, LockedContact>();
    const byUserId = new Map<string, LockedContact>();
    for (const row of r.rows) {
      const locked = { ...lockedFromRow(row), activeRuns: row.active_runs.map(runFromJson) };
      if (row.wa_id) byWaId.set(row.wa_id, locked);
      if (row.user_id) byUserId.set(row.user_id, locked);
    }
    // The business-scoped user id names the person first (facts §1.9), the phone number next: a
    // username contact whose number now shows is still that contact, even when another contact
    // (an imported one, say) has the number.
    const out = new Map<string, LockedContact>();
    const byUser = new Set<string>();
    for (const i of identities) {
      const key = identityKey(i);
      const mine = i.userId ? byUserId.get(i.userId) : undefined;
      if (mine) {
        out.set(key, mine);
        byUser.add(key);
      } else if (!byUser.has(key) && i.waId && byWaId.has(i.waId)) out.set(key, byWaId.get(i.waId)!);
    }
    return out;
  }

  async activeRuns(contactId: number): Promise<RunRecord[]> {
    const r = await this.query<RunRow>(`SELECT ${runColumns} FROM runs WHERE contact_id = $1 AND status = 'active' ORDER BY id DESC`, [contactId]);
    return r.rows.map(runFromRow);
  }

  async getRun(runId: number): Promise<RunRecord | undefined> {
    const r = await this.query<RunRow>(`SELECT ${runColumns} FROM runs WHERE id = $1`, [runId]);
    return r.rows[0] ? runFromRow(r.rows[0]) : undefined;
  }

  async getRuns(runIds: readonly number[]): Promise<Map<number, RunRecord>> {
    const r = await this.query<RunRow>(`SELECT ${runColumns} FROM runs WHERE id = ANY($1::bigint[])`, [[...new Set(runIds)]]);
    return new Map(r.rows.map((row) => [row.id, runFromRow(row)]));
  }

  async runsSince(contactId: number, since: Date): Promise<RunRecord[]> {
    const r = await this.query<RunRow>(`SELECT ${runColumns} FROM runs WHERE contact_id = $1 AND started_at >= $2 ORDER BY id DESC`, [contactId, since]);
    return r.rows.map(runFromRow);
  }

  async recordConversion(c: ConversionRecord): Promise<number | undefined> {
    const r = await this.query<{ id: number }>(recordConversionSql, [
      c.workspaceId,
      c.flowId,
      c.flowVersionId,
      c.runId,
      c.contactId,
      c.goal,
      c.event,
      c.value,
      c.currency,
      c.runStartedAt,
      c.at,
    ]);
    const id = r.rows[0]?.id;
    return id === undefined ? undefined : Number(id);
  }

  async queueConversionReport(report: ConversionReport): Promise<void> {
    await this.query(queueConversionReportSql, [
      report.workspaceId,
      report.contactId,
      report.runId,
      report.conversionId ?? null,
      report.eventName,
      report.value,
      report.currency,
      report.eventId,
      report.at,
    ]);
  }

  async skipQueued(runId: number, reason: string): Promise<void> {
    await this.query(
      // A message a sender holds is on its way to WhatsApp already (it cannot be called back): it is
      // left to the sender, not waited for (the sender locks this contact next; waiting would deadlock).
      `UPDATE messages SET status = 'skipped', error = jsonb_build_object('code', 'run_exited', 'message', $2::text), send_after = NULL, updated_at = now()
       WHERE id IN (SELECT id FROM messages WHERE run_id = $1 AND status IN ('pending', 'held') FOR UPDATE SKIP LOCKED)`,
      [runId, reason],
    );
  }

  async liveVersions(workspaceId: string): Promise<{ flowId: string; versionId: number }[]> {
    const known = this.live.get(workspaceId);
    if (known) return known;
    // Reads no row this transaction writes: no need to write the buffer first.
    // A sandbox testing a flow's draft runs the test version instead of the live one.
    const r = await this.c.query<{ id: string; version_id: number }>(
      `SELECT id, COALESCE(test_version_id, live_version_id) AS version_id FROM flows
        WHERE workspace_id = $1 AND COALESCE(test_version_id, live_version_id) IS NOT NULL AND archived_at IS NULL ORDER BY created_at, id`,
      [workspaceId],
    );
    const live = r.rows.map((row) => ({ flowId: row.id, versionId: Number(row.version_id) }));
    this.live.set(workspaceId, live);
    return live;
  }

  async hasRun(contactId: number, flowId: string, activeOnly: boolean): Promise<boolean> {
    const known = this.knownRuns.get(contactId);
    if (known?.flowId === flowId) {
      // Answered once: the contact's runs may change from here on.
      this.knownRuns.delete(contactId);
      return known.active || (!activeOnly && known.ended);
    }
    const [row] = (await this.query<RunsOfFlow>(runsOfFlowSql, [[contactId], flowId])).rows;
    return row!.active || (!activeOnly && row!.ended);
  }

  async prefetchRuns(contactIds: readonly number[], flowId: string): Promise<void> {
    const r = await this.query<RunsOfFlow>(runsOfFlowSql, [[...new Set(contactIds)], flowId]);
    for (const row of r.rows) this.knownRuns.set(row.id, { flowId, active: row.active, ended: row.ended });
  }

  async newRunId(): Promise<number> {
    return this.shared.runIds.take(this.c);
  }

  /** Held back and written with the transaction's other steps (see WriteBuffer). */
  async saveStep(step: SavedStep): Promise<void> {
    this.knownRuns.delete(step.run.contactId);
    this.buffer.saveStep(step);
  }

  async patchContact(contactId: number, p: ContactPatch, at: Date): Promise<void> {
    await this.query(patchContactSql, patchContactParams(contactId, p, at));
  }

  async queueSend(m: OutboundRecord): Promise<void> {
    this.buffer.queueSend(m);
  }

  async setTimer(t: TimerRecord, clockOffsetMs: number): Promise<void> {
    this.buffer.setTimer(t, clockOffsetMs);
  }

  async queueHttp(call: HttpCall): Promise<void> {
    await enqueue(this.c, httpRequestJob, call);
  }

  async queueReadReceipt(receipt: ReadReceiptRecord): Promise<void> {
    await enqueue(this.c, markReadJob, receipt);
  }

  async openHandoff(h: HandoffRecord): Promise<void> {
    await this.query(`INSERT INTO handoffs (workspace_id, contact_id, run_id, node_id, team, status, opened_at) VALUES ($1, $2, $3, $4, $5, 'open', $6)`, [
      h.workspaceId,
      h.contactId,
      h.runId,
      h.nodeId,
      h.team,
      h.at,
    ]);
  }

  async finishOutbound(messageId: number, r: OutboundResult): Promise<void> {
    this.buffer.finishOutbound(messageId, r);
  }

  async claimOutbound(limit: number): Promise<OutboundJob[]> {
    const r = await this.query<OutboundRow>(claimOutboundSql, [limit], 'tandem-claim-outbound');
    return outboundJobsFromRows(r.rows, this.shared.secrets);
  }

  async nextOutboundAt(): Promise<Date | undefined> {
    const r = await this.query<{ at: Date | null }>('SELECT min(send_after) AS at FROM messages WHERE send_after IS NOT NULL', [], 'tandem-next-outbound');
    return r.rows[0]?.at ?? undefined;
  }

  async takeSendSlots(workspaceId: string, mps: number, count: number): Promise<{ slots: number[]; retryInMs: number }> {
    return takeSendSlots((text, params) => this.query(text, params, 'tandem-take-send-slots'), this.shared.autonomous, workspaceId, mps, count);
  }

  async releaseSendSlots(workspaceId: string, used: readonly number[], unused: readonly number[]): Promise<void> {
    if (used.length === 0 && unused.length === 0) return;
    // A slot taken but not used is free at once again (it was free when taken).
    await this.query(
      `UPDATE send_slots SET used_at = CASE WHEN slot = ANY($2::int[]) THEN clock_timestamp() ELSE '-infinity' END
       WHERE workspace_id = $1 AND (slot = ANY($2::int[]) OR slot = ANY($3::int[]))`,
      [workspaceId, used, unused],
      'tandem-release-send-slots',
    );
  }

  // A claimed message due again later: held back and written with the transaction's other writes (see WriteBuffer).
  async holdOutbound(messageId: number, until: Date, clockOffsetMs: number, reason: string, detail?: Record<string, unknown>): Promise<void> {
    this.buffer.holdOutbound(messageId, new Date(until.getTime() - clockOffsetMs), reason, detail);
  }
  async queueBehindLimit(messageId: number, workspaceId: string, gapMs: number, afterMs: number): Promise<void> {
    this.buffer.queueBehindLimit(messageId, workspaceId, gapMs, afterMs);
  }
  async retryOutbound(messageId: number, afterMs: number, error: Record<string, unknown>): Promise<void> {
    this.buffer.retryOutbound(messageId, afterMs, error);
  }

  async pauseNumber(workspaceId: string, reason: string, at: Date): Promise<void> {
    await this.query('UPDATE workspaces SET sends_paused_reason = $2, sends_paused_at = $3 WHERE id = $1 AND sends_paused_reason IS NULL', [
      workspaceId,
      reason,
      at,
    ]);
  }

  async setConsent(contactId: number, consent: 'opted_in' | 'opted_out', source: string, at: Date): Promise<void> {
    await this.query('UPDATE contacts SET marketing_consent = $2, consent_changed_at = $3, consent_source = $4, updated_at = now() WHERE id = $1', [
      contactId,
      consent,
      at,
      source,
    ]);
  }

  async pauseContact(contactId: number, until: Date | 'infinity', reason: string): Promise<void> {
    await this.query(
      `UPDATE contacts SET paused_until = CASE WHEN paused_until > $2 THEN paused_until ELSE $2 END, pause_reason = $3, updated_at = now() WHERE id = $1`,
      [contactId, until === 'infinity' ? FOREVER : until, reason],
    );
  }

  async resumeContact(contactId: number, reason?: string): Promise<void> {
    await resumeContact(this.c as unknown as Queryable, contactId, reason);
  }

  async closeHandoff(runId: number, at: Date): Promise<void> {
    await this.query(`UPDATE handoffs SET status = 'released', released_at = $2 WHERE run_id = $1 AND status <> 'released'`, [runId, at]);
  }
}
