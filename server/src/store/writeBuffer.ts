import type { LogRow, OutboundRecord, OutboundResult, SavedStep, TimerRecord } from '@tandem/engine/runtime';
import { templateOf } from '@tandem/nodes';
import { timerSweepJob } from '@tandem/engine/tasks';
import { addJobSql } from './enqueue';
import { wakeSenders } from './outbox';

type RunWrite = SavedStep['run'];
type TimerWrite = TimerRecord & { fireAt: Date };
/** Turns in a number's line are rounded up to this grid: one claim takes the messages of a quarter second, not one each. */
const TURN_GRID_MS = 250;

/**
 * The hot writes of an engine transaction — run states, run log lines, timers, queued sends and
 * send results — held back and written together: one statement of data-modifying CTEs over
 * `jsonb_to_recordset`, however many contacts the transaction stepped. The transaction flushes
 * before any other statement (so every read sees every write) and before COMMIT.
 */
export class WriteBuffer {
  private readonly runs = new Map<number, RunWrite>();
  private log: LogRow[] = [];
  /** Runs whose timers are removed (they left the step that armed them), before `timers` are written. */
  private readonly clearedRuns = new Set<number>();
  private readonly timers = new Map<string, TimerWrite>();
  private sends: OutboundRecord[] = [];
  private results: { messageId: number; result: OutboundResult }[] = [];
  /** Claimed messages due again later: held (with the reason) or retried after a failure (with the error). */
  private later: { id: number; held: string | null; error: Record<string, unknown> | null; until: Date | null; after_ms: number | null }[] = [];
  /** Claimed messages queued behind their number's throughput, per number in the order given (see queueBehindLimit). */
  private queued = new Map<string, { gapMs: number; afterMs: number; ids: number[] }>();
  private consumedJob: string | undefined;

  get empty(): boolean {
    return (
      this.runs.size === 0 &&
      this.log.length === 0 &&
      this.clearedRuns.size === 0 &&
      this.timers.size === 0 &&
      this.sends.length === 0 &&
      this.results.length === 0 &&
      this.later.length === 0 &&
      this.queued.size === 0
    );
  }

  saveStep({ run, log, clearTimers }: SavedStep): void {
    const earlier = this.runs.get(run.id);
    // Two steps of one run in one transaction: the row is written once, with the later state.
    this.runs.set(
      run.id,
      earlier
        ? ({ ...earlier, ...run, isNew: earlier.isNew, outcome: run.outcome ?? earlier.outcome, endReason: run.endReason ?? earlier.endReason } as RunWrite)
        : run,
    );
    this.log.push(...log);
    if (clearTimers) {
      this.clearedRuns.add(run.id);
      for (const [key, t] of this.timers) if (t.runId === run.id) this.timers.delete(key);
    }
  }

  setTimer(timer: TimerRecord, clockOffsetMs: number): void {
    this.timers.set(`${timer.runId}:${timer.kind}`, { ...timer, fireAt: new Date(timer.at.getTime() - clockOffsetMs) });
  }

  queueSend(message: OutboundRecord): void {
    this.sends.push(message);
  }

  finishOutbound(messageId: number, result: OutboundResult): void {
    this.results.push({ messageId, result });
  }

  /** Held until `until` (Postgres time) for `reason`; `detail` says more (a person's App reply: by which rule, until when). */
  holdOutbound(messageId: number, until: Date, reason: string, detail?: Record<string, unknown>): void {
    this.later.push({ id: messageId, held: reason, error: detail ?? null, until, after_ms: null });
  }

  /** Tried again `afterMs` after the commit, one more failed attempt counted. */
  retryOutbound(messageId: number, afterMs: number, error: Record<string, unknown>): void {
    this.later.push({ id: messageId, held: null, error, until: null, after_ms: afterMs });
  }

  /**
   * Due at the number's next free turn, one every `gapMs` after the messages queued before it (the
   * first no sooner than `afterMs` from now): the number's turns are booked on its send clock in
   * the flush, one row per number.
   */
  queueBehindLimit(messageId: number, workspaceId: string, gapMs: number, afterMs: number): void {
    const queue = this.queued.get(workspaceId) ?? { gapMs, afterMs, ids: [] };
    queue.ids.push(messageId);
    this.queued.set(workspaceId, queue);
  }

  consumeJob(jobId: string): void {
    this.consumedJob = jobId;
  }

  /** The statement that writes everything held, and its parameters; undefined when nothing is held. */
  take(): { text: string; params: unknown[] } | undefined {
    if (this.empty) return undefined;
    const params: unknown[] = [];
    const json = (rows: unknown[]) => {
      params.push(JSON.stringify(rows));
      return `$${params.length}::jsonb`;
    };
    const ctes: string[] = [];
    /** CTEs that only select (queue a job, notify) run only when the final SELECT reads them. */
    const selects = ['1'];
    const runs = [...this.runs.values()];
    const inserted = runs.filter((r) => r.isNew);
    const updated = runs.filter((r) => !r.isNew);
    if (inserted.length)
      ctes.push(`rn AS (
        INSERT INTO runs (id, workspace_id, contact_id, flow_id, flow_version_id, status, current_node, step, waiting_for, waiting_event, snapshot, outcome, end_reason, started_at, updated_at, ended_at, referral)
        OVERRIDING SYSTEM VALUE
        SELECT x.id, x.workspace_id, x.contact_id, x.flow_id, x.flow_version_id, x.status, x.current_node, x.step, x.waiting_for, x.waiting_event, x.snapshot,
               x.outcome, x.end_reason, x.now, x.now, CASE WHEN x.status = 'active' THEN NULL ELSE x.now END,
               -- The ad click the run owes its contact to (attribution): the contact's last one, within 7 days.
               (SELECT c.referral || jsonb_build_object('at', c.referral_at) FROM contacts c
                WHERE c.id = x.contact_id AND c.referral IS NOT NULL AND c.referral_at > x.now - interval '7 days')
        FROM jsonb_to_recordset(${json(inserted.map((r) => runJson(r)))}) AS x(id bigint, workspace_id text, contact_id bigint, flow_id text, flow_version_id bigint,
          status text, current_node text, step int, waiting_for text, waiting_event text, snapshot jsonb, outcome text, end_reason text, now timestamptz))`);
    if (updated.length)
      ctes.push(`ru AS (
        UPDATE runs SET status = x.status, current_node = x.current_node, step = x.step, waiting_for = x.waiting_for, waiting_event = x.waiting_event,
          snapshot = x.snapshot, outcome = COALESCE(x.outcome, runs.outcome), end_reason = COALESCE(x.end_reason, runs.end_reason), updated_at = x.now,
          ended_at = CASE WHEN x.status = 'active' THEN NULL ELSE x.now END
        FROM jsonb_to_recordset(${json(updated.map((r) => runJson(r)))}) AS x(id bigint, status text, current_node text, step int, waiting_for text,
          waiting_event text, snapshot jsonb, outcome text, end_reason text, now timestamptz)
        WHERE runs.id = x.id)`);
    if (this.log.length)
      ctes.push(`rl AS (
        INSERT INTO run_steps (run_id, flow_version_id, step, kind, node_id, port, detail, at)
        SELECT x.run_id, x.flow_version_id, x.step, x.kind, x.node_id, x.port, x.detail, x.at
        FROM ${ordered(
          json(
            this.log.map((l) => ({
              run_id: l.runId,
              flow_version_id: l.flowVersionId,
              step: l.step,
              kind: l.kind,
              node_id: l.nodeId,
              port: l.port ?? null,
              detail: l.detail ?? null,
              at: l.at,
            })),
          ),
          'run_id bigint, flow_version_id bigint, step int, kind text, node_id text, port text, detail jsonb, at timestamptz',
        )}
        ORDER BY x.n)`);
    const timers = [...this.timers.values()];
    const timerRows = timers.length
      ? json(
          timers.map((t) => ({
            run_id: t.runId,
            kind: t.kind,
            node_id: t.nodeId,
            step: t.step,
            contact_id: t.contactId,
            workspace_id: t.workspaceId,
            fire_at: t.fireAt,
            restart_ms: t.restartOnActivityMs ?? null,
          })),
        )
      : undefined;
    if (this.clearedRuns.size) {
      params.push([...this.clearedRuns]);
      // Timers armed again in this transaction are left to the upsert below (one statement touches a row once).
      const keep = timerRows
        ? ` AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset(${timerRows}) AS k(run_id bigint, kind text) WHERE k.run_id = t.run_id AND k.kind = t.kind)`
        : '';
      ctes.push(`td AS (DELETE FROM timers t WHERE t.run_id = ANY($${params.length}::bigint[])${keep})`);
    }
    if (timerRows) {
      ctes.push(`ti AS (
        INSERT INTO timers (run_id, kind, node_id, step, contact_id, workspace_id, fire_at, restart_ms)
        SELECT * FROM jsonb_to_recordset(${timerRows}) AS x(run_id bigint, kind text, node_id text, step int, contact_id bigint, workspace_id text, fire_at timestamptz, restart_ms bigint)
        ON CONFLICT (run_id, kind) DO UPDATE SET node_id = EXCLUDED.node_id, step = EXCLUDED.step, fire_at = EXCLUDED.fire_at, restart_ms = EXCLUDED.restart_ms
        RETURNING fire_at)`);
      // The sweep is scheduled for the earliest new timer when it is earlier than the one planned.
      ctes.push(`ts AS (
        UPDATE timer_schedule SET next_at = (SELECT min(fire_at) FROM ti) WHERE timer_schedule.id = 1 AND timer_schedule.next_at > (SELECT min(fire_at) FROM ti)
        RETURNING timer_schedule.next_at)`);
      ctes.push(`tj AS (SELECT ${addJobSql(timerSweepJob, {}, { runAt: 'ts.next_at' })} FROM ts)`);
      selects.push('(SELECT count(*) FROM tj)');
    }
    if (this.sends.length) {
      ctes.push(`so AS (
        INSERT INTO messages (workspace_id, contact_id, direction, type, content, status, status_rank, run_id, node_id, step, purpose, category, at, updated_at, send_after)
        SELECT x.workspace_id, x.contact_id, 'out', x.content ->> 'kind', x.content, 'pending', 0, x.run_id, x.node_id, x.step, x.purpose, x.category, x.at, x.at, now()
        FROM ${ordered(
          json(
            this.sends.map((m) => ({
              workspace_id: m.workspaceId,
              contact_id: m.contactId,
              content: m.content,
              run_id: m.runId,
              node_id: m.nodeId,
              step: m.step,
              purpose: m.purpose,
              category: templateOf(m.content)?.category ?? null,
              at: m.at,
            })),
          ),
          'workspace_id text, contact_id bigint, content jsonb, run_id bigint, node_id text, step int, purpose text, category text, at timestamptz',
        )}
        ORDER BY x.n)`);
      ctes.push(`sn AS (SELECT ${wakeSenders})`);
      selects.push('(SELECT count(*) FROM sn)');
    }
    if (this.results.length) {
      ctes.push(`fo AS (
        UPDATE messages m SET status = x.status, status_rank = CASE WHEN x.status = 'sent' THEN 1 ELSE m.status_rank END, wamid = COALESCE(x.wamid, m.wamid),
          error = x.error, attempts = m.attempts + 1, sent_at = CASE WHEN x.status = 'sent' THEN x.at ELSE m.sent_at END, updated_at = now(),
          content = COALESCE(x.sent_instead, m.content), type = COALESCE(x.sent_instead ->> 'kind', m.type), category = COALESCE(x.category, m.category), send_after = NULL
        FROM jsonb_to_recordset(${json(
          this.results.map(({ messageId, result: r }) => ({
            id: messageId,
            status: r.status,
            wamid: r.wamid ?? null,
            error: r.error ?? null,
            at: r.at,
            pace_until: r.paceUntil && r.paceUntil > r.at ? r.paceUntil : null,
            sent_instead: r.sentInstead ?? null,
            category: r.sentInstead ? (templateOf(r.sentInstead)?.category ?? null) : null,
          })),
        )}) AS x(id bigint, status text, wamid text, error jsonb, at timestamptz, pace_until timestamptz, sent_instead jsonb, category text)
        WHERE m.id = x.id RETURNING m.contact_id, x.pace_until)`);
      ctes.push(`fp AS (
        UPDATE contacts c SET next_send_at = p.pace
        FROM (SELECT contact_id, max(pace_until) AS pace FROM fo WHERE pace_until IS NOT NULL GROUP BY contact_id) p
        WHERE c.id = p.contact_id AND (c.next_send_at IS NULL OR c.next_send_at < p.pace))`);
    }
    if (this.later.length) {
      ctes.push(`ol AS (
        UPDATE messages m SET status = CASE WHEN x.held IS NULL THEN m.status ELSE 'held' END,
          error = CASE WHEN x.held IS NULL THEN x.error ELSE jsonb_build_object('held', x.held) || COALESCE(x.error, '{}') END,
          attempts = m.attempts + CASE WHEN x.held IS NULL THEN 1 ELSE 0 END,
          send_after = COALESCE(x.until, now() + x.after_ms * interval '1 millisecond'), updated_at = now()
        FROM jsonb_to_recordset(${json(this.later)}) AS x(id bigint, held text, error jsonb, until timestamptz, after_ms int)
        WHERE m.id = x.id)`);
    }
    if (this.queued.size) {
      const numbers = [...this.queued].map(([workspaceId, q]) => ({ workspace_id: workspaceId, after_ms: q.afterMs, span_ms: q.ids.length * q.gapMs }));
      const turns = [...this.queued].flatMap(([workspaceId, q]) => q.ids.map((id, k) => ({ id, workspace_id: workspaceId, at_ms: k * q.gapMs })));
      // The clock's new end is its old end (or the first free turn, if later) plus this batch's turns;
      // the batch's first turn is where they start.
      ctes.push(`bk AS (
        INSERT INTO send_clocks AS c (workspace_id, booked_until, span_ms)
        SELECT b.workspace_id, clock_timestamp() + (b.after_ms + b.span_ms) * interval '1 millisecond', b.span_ms
        FROM jsonb_to_recordset(${json(numbers)}) AS b(workspace_id text, after_ms float8, span_ms float8)
        ON CONFLICT (workspace_id) DO UPDATE SET
          booked_until = GREATEST(c.booked_until + EXCLUDED.span_ms * interval '1 millisecond', EXCLUDED.booked_until), span_ms = EXCLUDED.span_ms
        RETURNING c.workspace_id, c.booked_until - c.span_ms * interval '1 millisecond' AS first_turn)`);
      ctes.push(`oq AS (
        UPDATE messages m SET status = 'held', error = jsonb_build_object('held', 'throughput'),
          send_after = to_timestamp(ceil(extract(epoch FROM bk.first_turn + t.at_ms * interval '1 millisecond') * ${1_000 / TURN_GRID_MS}) / ${1_000 / TURN_GRID_MS}),
          updated_at = now()
        FROM jsonb_to_recordset(${json(turns)}) AS t(id bigint, workspace_id text, at_ms float8) JOIN bk ON bk.workspace_id = t.workspace_id
        WHERE m.id = t.id)`);
    }
    if (this.consumedJob !== undefined) {
      params.push(this.consumedJob);
      ctes.push(`cj AS (DELETE FROM graphile_worker._private_jobs WHERE id = $${params.length}::bigint)`);
      this.consumedJob = undefined;
    }
    this.runs.clear();
    this.log = [];
    this.clearedRuns.clear();
    this.timers.clear();
    this.sends = [];
    this.results = [];
    this.later = [];
    this.queued = new Map();
    return { text: `WITH ${ctes.join(',\n')}\nSELECT ${selects.join(', ')}`, params };
  }
}

/** Rows of a jsonb array in their order (`x.n`), with the named columns. */
function ordered(param: string, columns: string): string {
  const names = columns.split(', ').map((c) => c.split(' ')[0]);
  return `ROWS FROM (jsonb_to_recordset(${param}) AS (${columns})) WITH ORDINALITY AS x(${names.join(', ')}, n)`;
}

function runJson(r: RunWrite): Record<string, unknown> {
  return {
    id: r.id,
    ...(r.isNew ? { workspace_id: r.workspaceId, contact_id: r.contactId, flow_id: r.flowId, flow_version_id: r.flowVersionId } : {}),
    status: r.status,
    current_node: r.currentNode,
    step: r.step,
    waiting_for: r.waitingFor,
    waiting_event: r.waitingEvent,
    snapshot: r.snapshot,
    outcome: r.outcome ?? null,
    end_reason: r.endReason ?? null,
    now: r.now,
  };
}
