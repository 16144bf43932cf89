import type pg from 'pg';
import { Breather, type EngineDeps } from '@tandem/engine/tasks';
import { parseWhatsAppWebhook, type WebhookEvent } from '../webhooks';
import { applyEvents } from './applyEvents';
import type { Drained } from '../worker/pump';

/** Bodies one inbox batch claims at most. */
const INBOX_BATCH = 400;
/** Attempts at a body that fails to apply before it is set aside (kept, marked processed, with its error). */
const MAX_ATTEMPTS = 10;

type Claimed = { id: number; body: string; attempts: number };

/**
 * One round of the webhook inbox: claims up to `limit` stored bodies not yet processed (oldest
 * first, `SKIP LOCKED` so loops share them), parses them, and applies their events in batches per
 * workspace (see applyBodies); then marks them processed in the claim's transaction. When the
 * batch fails, each body is tried alone, so one bad body holds back no other: it is tried again
 * later, and set aside after MAX_ATTEMPTS. Applying is idempotent (messages dedupe by wamid,
 * statuses only move forward), so a batch applied again after a crash changes nothing twice.
 */
export async function drainWebhookInbox(pool: pg.Pool, deps: EngineDeps, limit = INBOX_BATCH): Promise<Drained> {
  return claimBodies(pool, limit, async (rows, ids) => {
    try {
      await applyBodies(rows, pool, deps);
      return { ok: true };
    } catch (error) {
      if (rows.length === 1) return { ok: false, error };
      // Alone, after this claim ends: the good bodies go through, the bad one is counted.
      return { ok: false, error, retryAlone: ids };
    }
  });
}

async function claimBodies(
  pool: pg.Pool,
  limit: number,
  apply: (rows: Claimed[], ids: number[]) => Promise<{ ok: true } | { ok: false; error: unknown; retryAlone?: number[] }>,
  onlyId?: number,
): Promise<Drained> {
  const client = await pool.connect();
  let outcome: Awaited<ReturnType<typeof apply>> | undefined;
  let rows: Claimed[] = [];
  try {
    await client.query('BEGIN');
    rows = (
      await client.query<Claimed>(
        `SELECT id, body, attempts FROM webhook_events
         WHERE processed_at IS NULL AND next_attempt_at <= now() ${onlyId === undefined ? '' : 'AND id = $2'}
         ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        onlyId === undefined ? [limit] : [limit, onlyId],
      )
    ).rows;
    if (rows.length === 0) {
      const next = await client.query<{ at: Date | null }>('SELECT min(next_attempt_at) AS at FROM webhook_events WHERE processed_at IS NULL');
      await client.query('COMMIT');
      return { more: false, nextAt: next.rows[0]?.at ?? undefined };
    }
    const ids = rows.map((r) => r.id);
    outcome = await apply(rows, ids);
    if (outcome.ok) await client.query('UPDATE webhook_events SET processed_at = now(), error = NULL WHERE id = ANY($1::bigint[])', [ids]);
    await client.query(outcome.ok ? 'COMMIT' : 'ROLLBACK');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  if (!outcome.ok) {
    if (outcome.retryAlone) {
      for (const id of outcome.retryAlone) await claimBodies(pool, 1, apply, id);
    } else {
      const row = rows[0]!;
      await recordFailure(pool, row, outcome.error);
    }
  }
  return { more: rows.length === limit };
}

/** Counts a failed attempt at one body: tried again later (1 s, 2 s, 4 s … up to 10 min), set aside after the last. */
async function recordFailure(pool: pg.Pool, row: Claimed, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const last = row.attempts + 1 >= MAX_ATTEMPTS;
  await pool.query(
    `UPDATE webhook_events SET attempts = attempts + 1, error = $2, next_attempt_at = now() + $3 * interval '1 millisecond',
       processed_at = CASE WHEN $4 THEN now() ELSE NULL END WHERE id = $1`,
    [row.id, message.slice(0, 2_000), Math.min(600_000, 1_000 * 2 ** row.attempts), last],
  );
}

/**
 * Parsed bodies' events, routed to workspaces by phone number id, applied per workspace. Bodies
 * that carry only messages and statuses (nearly all) are merged, so a batch of them is one
 * statuses statement and one engine transaction per workspace; a body with other signals (an App
 * echo, history, an account event) is applied on its own, in order, so it counts before later
 * messages as it would alone.
 */
async function applyBodies(rows: Claimed[], pool: pg.Pool, deps: EngineDeps): Promise<void> {
  const numbers = new Map<string, Promise<string[]>>();
  let merged = new Map<string, WebhookEvent[]>();
  const flush = async () => {
    for (const [workspaceId, events] of merged) await applyEvents(workspaceId, events, pool, deps);
    merged = new Map();
  };
  const breather = new Breather();
  for (const row of rows) {
    await breather.breathe();
    const parsed = parseWhatsAppWebhook(JSON.parse(row.body));
    if (!parsed.ok) {
      deps.logger.warn({ eventId: row.id, issues: parsed.issues.slice(0, 5) }, 'webhook body does not parse; skipped');
      continue;
    }
    for (const ignored of parsed.ignored) deps.logger.info({ eventId: row.id, ...ignored }, 'webhook change ignored');
    const byWorkspace = new Map<string, WebhookEvent[]>();
    for (const change of parsed.changes) {
      for (const event of change.events) {
        const targets = change.phoneNumberId
          ? await cached(numbers, change.phoneNumberId, () => workspaceOf(pool, change.phoneNumberId!))
          : await workspacesOfAccount(pool, change.wabaId, event);
        if (targets.length === 0)
          deps.logger.warn({ eventId: row.id, phoneNumberId: change.phoneNumberId, field: change.field }, 'webhook for an unknown number; skipped');
        for (const id of targets) byWorkspace.set(id, [...(byWorkspace.get(id) ?? []), event]);
      }
    }
    const simple = [...byWorkspace.values()].every((events) => events.every((e) => e.eventType === 'inbound' || e.eventType === 'status'));
    if (simple) {
      for (const [id, events] of byWorkspace) merged.set(id, [...(merged.get(id) ?? []), ...events]);
      continue;
    }
    await flush();
    for (const [workspaceId, events] of byWorkspace) await applyEvents(workspaceId, events, pool, deps);
  }
  await flush();
}

function cached<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let hit = cache.get(key);
  if (!hit) {
    hit = load();
    cache.set(key, hit);
  }
  return hit;
}

async function workspaceOf(pool: pg.Pool, phoneNumberId: string): Promise<string[]> {
  return (await pool.query<{ id: string }>('SELECT id FROM workspaces WHERE phone_number_id = $1', [phoneNumberId])).rows.map((r) => r.id);
}

/**
 * Where an account-level event (no phone number id) belongs. One about a number (account_update,
 * quality) goes to the workspace with that display number, in the WhatsApp Business Account when
 * known (a WABA can hold several numbers), else anywhere; when the number matches nothing, to the
 * account's only workspace. One about the account (template status) goes to all its workspaces.
 */
async function workspacesOfAccount(pool: pg.Pool, wabaId: string, event: WebhookEvent): Promise<string[]> {
  const phone = 'phoneNumber' in event && event.phoneNumber ? event.phoneNumber.replace(/\D/g, '') : undefined;
  const { rows } = await pool.query<{ id: string; same_number: boolean; in_account: boolean }>(
    `SELECT id, regexp_replace(coalesce(display_phone_number, ''), '\\D', '', 'g') = $2 AS same_number, waba_id IS NOT DISTINCT FROM $1 AS in_account
     FROM workspaces WHERE waba_id = $1 OR ($2::text IS NOT NULL AND regexp_replace(coalesce(display_phone_number, ''), '\\D', '', 'g') = $2)
     ORDER BY created_at`,
    [wabaId, phone ?? null],
  );
  const account = rows.filter((r) => r.in_account);
  if (phone === undefined) return account.map((r) => r.id);
  const number = account.some((r) => r.same_number) ? account.filter((r) => r.same_number) : rows.filter((r) => r.same_number);
  if (number.length > 0) return number.map((r) => r.id);
  return account.length === 1 ? [account[0]!.id] : [];
}
