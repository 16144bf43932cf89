import type { OutboundJob, LockedContact } from '@tandem/engine/runtime';
import type { OutboundContent } from '@tandem/nodes';
import type { SecretBox } from '../security/secretBox';
import { contactFromRow, readReceiptModeOf, type ContactRow } from './rows';

/** A claimed outbox row: the message, its contact and workspace (and its run's flow version), as `claimOutboundSql` reads them. */
export type OutboundRow = ContactRow & {
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
  held_for: string | null;
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
};

/** The advisory lock space of "a sender has this contact's messages": (this number, contact id folded into an int). */
const SENDER_LOCK = 73_501;

/**
 * Due outbox messages, oldest first, locked (`SKIP LOCKED`: a message another transaction holds is
 * left for later), with what the send policy and the transport need. Each contact's place in the
 * outbox is taken with a transaction-level advisory lock: a contact another sender has is left
 * for later, so its messages go in order. The contact rows themselves are read, not locked, and
 * the runs not at all (their flow version only): `lockForResults` reads those that a result moves on.
 */
export const claimOutboundSql = `
  WITH candidates AS MATERIALIZED (
    SELECT m.id, m.contact_id FROM messages m
    WHERE m.send_after <= now() AND m.status IN ('pending', 'held')
    ORDER BY m.send_after, m.id LIMIT $1
    FOR UPDATE OF m SKIP LOCKED
  ), due AS MATERIALIZED (
    SELECT id FROM candidates WHERE pg_try_advisory_xact_lock(${SENDER_LOCK}, (contact_id % 2147483647)::int)
  )
  SELECT c.*, m.id AS message_id, m.workspace_id AS m_workspace_id, m.contact_id, m.run_id, m.node_id, m.step AS m_step, r.flow_version_id,
         m.purpose, m.content, m.status, m.error ->> 'held' AS held_for, m.attempts, w.transport, w.phone_number_id, w.access_token, w.sends_paused_reason,
         w.throughput_mps, w.settings, w.clock_offset_ms, now() + w.clock_offset_ms * interval '1 millisecond' AS ws_now,
         CASE WHEN m.category = 'MARKETING' AND (w.settings -> 'marketingCap') IS NOT NULL THEN (
           SELECT count(*)::int FROM messages x WHERE x.contact_id = m.contact_id AND x.direction = 'out' AND x.category = 'MARKETING'
             AND x.status NOT IN ('pending', 'held', 'failed', 'blocked', 'skipped')
             AND x.at > now() + w.clock_offset_ms * interval '1 millisecond' - ((w.settings -> 'marketingCap' ->> 'periodHours')::int * interval '1 hour'))
         ELSE 0 END AS marketing_recent,
         (SELECT t.status FROM templates t WHERE m.content ->> 'kind' = 'template' AND t.workspace_id = m.workspace_id
            AND t.name = m.content ->> 'name' AND t.language = m.content ->> 'language') AS template_status
  FROM due JOIN messages m ON m.id = due.id JOIN contacts c ON c.id = m.contact_id JOIN workspaces w ON w.id = m.workspace_id
  LEFT JOIN runs r ON r.id = m.run_id
  ORDER BY m.id`;

/** The claimed rows as send jobs; messages of one contact share one locked contact. */
export function outboundJobsFromRows(rows: readonly OutboundRow[], secrets: SecretBox): OutboundJob[] {
  const contacts = new Map<number, LockedContact>();
  // One number's token is decrypted once per batch, not once per message.
  const tokens = new Map<string, string | null>();
  const tokenOf = (row: OutboundRow) => {
    let token = tokens.get(row.m_workspace_id);
    if (token === undefined) {
      token = row.access_token ? secrets.decrypt(row.access_token) : null;
      tokens.set(row.m_workspace_id, token);
    }
    return token;
  };
  return rows.map((row) => {
    let locked = contacts.get(row.contact_id);
    if (!locked) {
      locked = {
        contact: contactFromRow(row),
        now: row.ws_now,
        clockOffsetMs: row.clock_offset_ms,
        readReceipts: readReceiptModeOf(row.settings.readReceipts),
      };
      contacts.set(row.contact_id, locked);
    }
    const cap = row.settings.marketingCap as { max?: number } | undefined;
    return {
      locked,
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
      heldFor: row.held_for,
      attempts: row.attempts,
      to: row.phone ?? (row.wa_id ? `+${row.wa_id}` : null),
      sender: { transport: row.transport, phoneNumberId: row.phone_number_id, accessToken: tokenOf(row) },
      numberPausedReason: row.sends_paused_reason,
      throughputMps: row.throughput_mps,
      pairGapMs: typeof row.settings.pairGapMs === 'number' ? row.settings.pairGapMs : 600,
      marketingCap: typeof cap?.max === 'number' ? cap.max : null,
      marketingSentRecently: row.marketing_recent,
      contact: locked.contact,
      nextSendAt: row.next_send_at,
      templateStatus: row.template_status,
      now: row.ws_now,
      clockOffsetMs: row.clock_offset_ms,
    };
  });
}

type Run = (text: string, params: unknown[]) => Promise<{ rows: unknown[]; rowCount: number | null }>;

/** A send slot is free again this long after its last request finished. */
const SLOT_WINDOW_MS = 1_000;

/**
 * Takes up to `count` free send slots of a number (creating its N slots the first time); see EngineTx.takeSendSlots.
 * The slots are created by `create`, a statement committed on its own: created inside the sending transaction, they
 * would stay uncommitted while its requests are out, and every other sender of the number would wait on them.
 */
export async function takeSendSlots(run: Run, create: Run, workspaceId: string, mps: number, count: number): Promise<{ slots: number[]; retryInMs: number }> {
  const r = await run(
    // Any free slot will do (no order: the scan stops at the count); how many slots exist and when
    // the next one frees up are read only when fewer were free than asked.
    `WITH free AS (
       SELECT workspace_id, slot FROM send_slots
       WHERE workspace_id = $1 AND slot < $2 AND used_at <= clock_timestamp() - $4 * interval '1 millisecond'
       LIMIT $3 FOR UPDATE SKIP LOCKED
     ), taken AS (
       UPDATE send_slots s SET used_at = clock_timestamp() FROM free WHERE (s.workspace_id, s.slot) = (free.workspace_id, free.slot) RETURNING s.slot
     ), got AS (
       SELECT coalesce(array_agg(slot), '{}') AS slots FROM taken
     )
     SELECT got.slots,
            CASE WHEN cardinality(got.slots) < $3 THEN (SELECT count(*)::int FROM send_slots WHERE workspace_id = $1 AND slot < $2) END AS existing,
            CASE WHEN cardinality(got.slots) < $3 THEN (
              SELECT GREATEST(20, ceil(extract(epoch FROM (min(used_at) + $4 * interval '1 millisecond' - clock_timestamp())) * 1000))::int
              FROM send_slots WHERE workspace_id = $1 AND slot < $2) END AS wait_ms
     FROM got`,
    [workspaceId, mps, count, SLOT_WINDOW_MS],
  );
  const row = r.rows[0] as { slots: number[]; existing: number | null; wait_ms: number | null };
  if (row.slots.length === 0 && row.existing !== null && row.existing < mps) {
    await create('INSERT INTO send_slots (workspace_id, slot) SELECT $1, s FROM generate_series(0, $2 - 1) s ON CONFLICT DO NOTHING', [workspaceId, mps]);
    return takeSendSlots(run, create, workspaceId, mps, count);
  }
  return { slots: row.slots, retryInMs: row.wait_ms ?? 50 };
}
