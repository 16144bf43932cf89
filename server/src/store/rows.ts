import type { ContactState, RunRecord, StoredSnapshot } from '@tandem/engine/runtime';

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
