import type { ContactState, LockedContact, RunRecord, StoredSnapshot } from '@tandem/engine/runtime';
import { readReceiptModes, type ReadReceiptMode } from '@tandem/shared';

/** Columns of `contacts` as node-postgres returns them. */
export interface ContactRow {
  id: number;
  workspace_id: string;
  wa_id: string | null;
  user_id: string | null;
  phone: string | null;
  profile_name: string | null;
  attributes: Record<string, unknown>;
  tags: string[];
  timezone: string | null;
  marketing_consent: ContactState['marketingConsent'];
  last_inbound_at: Date | null;
  free_entry_until: Date | null;
  last_app_reply_at: Date | null;
  last_echo_at: Date | null;
  last_echo_text: string | null;
  bot_released_at: Date | null;
  paused_until: Date | null;
  pause_reason: string | null;
  created_at: Date;
}

export function contactFromRow(r: ContactRow): ContactState {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    waId: r.wa_id,
    userId: r.user_id,
    phone: r.phone,
    profileName: r.profile_name,
    attributes: r.attributes,
    tags: r.tags,
    timezone: r.timezone,
    marketingConsent: r.marketing_consent,
    lastInboundAt: r.last_inbound_at,
    freeEntryUntil: r.free_entry_until,
    lastAppReplyAt: r.last_app_reply_at,
    lastEchoAt: r.last_echo_at,
    lastEchoText: r.last_echo_text,
    botReleasedAt: r.bot_released_at,
    pausedUntil: r.paused_until,
    pauseReason: r.pause_reason,
    createdAt: r.created_at,
  };
}

export interface RunRow {
  id: number;
  workspace_id: string;
  contact_id: number;
  flow_id: string;
  flow_version_id: number;
  status: RunRecord['status'];
  current_node: string | null;
  step: number;
  waiting_for: RunRecord['waitingFor'];
  waiting_event: string | null;
  snapshot: StoredSnapshot;
  started_at: Date;
}

export function runFromRow(r: RunRow): RunRecord {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    contactId: r.contact_id,
    flowId: r.flow_id,
    flowVersionId: r.flow_version_id,
    status: r.status,
    currentNode: r.current_node,
    step: r.step,
    waitingFor: r.waiting_for,
    waitingEvent: r.waiting_event,
    snapshot: r.snapshot,
    startedAt: r.started_at,
  };
}

/** The columns of `runs` a RunRecord is read from. */
export const runColumns =
  'id, workspace_id, contact_id, flow_id, flow_version_id, status, current_node, step, waiting_for, waiting_event, snapshot, started_at';
/** The same columns as `json_build_object` arguments, for a run (alias `r`) read inside another row. */
export const runJsonFields = runColumns
  .split(', ')
  .map((c) => `'${c}', r.${c}`)
  .join(', ');

/** A run row read inside another row with `json_build_object(runJsonFields)`: its time arrives as text. */
export type RunJson = Omit<RunRow, 'started_at'> & { started_at: string };

export function runFromJson(run: RunJson): RunRecord {
  return runFromRow({ ...run, started_at: new Date(run.started_at) });
}

/** A stored read-receipt setting (jsonb: anything), or undefined when none or an unknown one is stored. */
export function readReceiptModeOf(value: unknown): ReadReceiptMode | undefined {
  return (readReceiptModes as readonly unknown[]).includes(value) ? (value as ReadReceiptMode) : undefined;
}

/** A contact row read with its workspace's clock and read-receipt setting. */
export type LockedRow = ContactRow & { clock_offset_ms: number; ws_now: Date; read_receipts: string | null };
/** Contacts (alias `c`) with their workspace's clock and read-receipt setting: add the WHERE and the lock. */
export const lockedSelect = `SELECT c.*, w.clock_offset_ms, now() + w.clock_offset_ms * interval '1 millisecond' AS ws_now, w.settings ->> 'readReceipts' AS read_receipts
       FROM contacts c JOIN workspaces w ON w.id = c.workspace_id`;

export function lockedFromRow(row: LockedRow): LockedContact {
  return { contact: contactFromRow(row), now: row.ws_now, clockOffsetMs: row.clock_offset_ms, readReceipts: readReceiptModeOf(row.read_receipts) };
}
