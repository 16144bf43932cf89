import { sql } from 'drizzle-orm';
import { bigint, boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, bytea, createdAt, id, ref } from './columns';

export * from './accessSchema';
export * from './attributionSchema';
export * from './contentSchema';

/** A brand: one WhatsApp number and its settings. */
export const workspaces = pgTable('workspaces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** `cloud`: the real Cloud API; `sandbox`: messages stay in Tandem (simulator, tests). */
  transport: text('transport', { enum: ['cloud', 'sandbox'] })
    .notNull()
    .default('sandbox'),
  phoneNumberId: text('phone_number_id').unique(),
  displayPhoneNumber: text('display_phone_number'),
  wabaId: text('waba_id'),
  /** Access token, encrypted with TANDEM_SECRET_KEY. */
  accessToken: bytea('access_token'),
  coexistence: boolean('coexistence').notNull().default(true),
  /** Messages per second for this number: 20 for coexistence, 80 or up to 1,000 otherwise. */
  throughputMps: integer('throughput_mps').notNull().default(20),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  /** Why sends on this number are paused (error 131048/368, account_update...), or null. */
  sendsPausedReason: text('sends_paused_reason'),
  sendsPausedAt: at('sends_paused_at'),
  /** Secret that signs business events posted to /hooks/<id>/events, encrypted. */
  hookSecret: bytea('hook_secret'),
  /** Things the workspace's people must see: number disconnected, quality drops, templates paused. */
  alerts: jsonb('alerts').$type<{ kind: string; message: string; at: string }[]>().notNull().default([]),
  /** Progress of the coexistence history and contact sync. */
  syncStatus: jsonb('sync_status').$type<Record<string, unknown>>().notNull().default({}),
  /** Virtual clock offset for sandbox workspaces (simulator fast-forward), in ms. */
  clockOffsetMs: bigint('clock_offset_ms', { mode: 'number' }).notNull().default(0),
  createdAt: createdAt(),
});

/** A flow's editable draft; publishing freezes it into a version. */
export const flows = pgTable(
  'flows',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    name: text('name').notNull(),
    draft: jsonb('draft').$type<Record<string, unknown>>().notNull(),
    /** The version contacts enter now; null until first published or after unpublishing. */
    liveVersionId: ref('live_version_id'),
    /**
     * Sandbox only: a test version of the draft the simulator runs instead of the live one (its
     * triggers, starts and "Go to flow"), until the draft is published or the test is stopped.
     */
    testVersionId: ref('test_version_id'),
    archivedAt: at('archived_at'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('flows_workspace').on(t.workspaceId)],
);

/** An immutable published flow; runs are pinned to one. */
export const flowVersions = pgTable(
  'flow_versions',
  {
    id: id(),
    flowId: text('flow_id')
      .notNull()
      .references(() => flows.id),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    version: integer('version').notNull(),
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    note: text('note').notNull().default(''),
    /** A frozen draft the simulator runs, not a published version; numbered −1, −2… outside the published sequence. */
    test: boolean('test').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('flow_versions_flow_version').on(t.flowId, t.version)],
);

/** A person on WhatsApp, per workspace. */
export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    waId: text('wa_id'),
    /** Business-scoped user id (BSUID); may be the only identity once usernames roll out. */
    userId: text('user_id'),
    phone: text('phone'),
    profileName: text('profile_name'),
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    timezone: text('timezone'),
    /** `unknown`, `opted_in` or `opted_out` of marketing messages. */
    marketingConsent: text('marketing_consent', { enum: ['unknown', 'opted_in', 'opted_out'] })
      .notNull()
      .default('unknown'),
    consentChangedAt: at('consent_changed_at'),
    consentSource: text('consent_source'),
    lastInboundAt: at('last_inbound_at'),
    freeEntryUntil: at('free_entry_until'),
    lastAppReplyAt: at('last_app_reply_at'),
    /** All automation is paused for this contact until then (a handoff: a person owns the chat); null = not paused. */
    pausedUntil: at('paused_until'),
    pauseReason: text('pause_reason'),
    /**
     * The last reply a person sent live from the Business App (an echo, not history) and its text,
     * trimmed and lower-cased: each journey's human-reply rule is judged from them when it is about
     * to speak (a resume keyword counts when it is the last thing the person sent).
     */
    lastEchoAt: at('last_echo_at'),
    lastEchoText: text('last_echo_text'),
    /** When a teammate last gave the contact back to the bot ("Back to bot"): App replies before it hold no journey. */
    botReleasedAt: at('bot_released_at'),
    /**
     * The last Click-to-WhatsApp referral the contact came with (ad id, headline, source URL,
     * `ctwa_clid`…, as parsed from the inbound message) and when: attribution and the Conversions API.
     */
    referral: jsonb('referral').$type<Record<string, unknown>>(),
    referralAt: at('referral_at'),
    /** Earliest time the next message may go to this contact (pacing of consecutive bubbles). */
    nextSendAt: at('next_send_at'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contacts_wa_id').on(t.workspaceId, t.waId), uniqueIndex('contacts_user_id').on(t.workspaceId, t.userId)],
);

/**
 * Every change of a contact's marketing consent, whichever way it came (a keyword, the opt-out
 * button, WhatsApp's own preferences, a journey, the API, an import): written by the trigger
 * `contacts_consent_changes` (migration 0005), so no path that changes the contact can forget it.
 */
export const consentChanges = pgTable(
  'consent_changes',
  {
    id: id(),
    workspaceId: text('workspace_id').notNull(),
    contactId: ref('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    consent: text('consent', { enum: ['unknown', 'opted_in', 'opted_out'] }).notNull(),
    previous: text('previous', { enum: ['unknown', 'opted_in', 'opted_out'] }).notNull(),
    /** The contact's `consent_source` then: `keyword STOP`, `opt-out button`, `api: <who>`, `import: <who>`… */
    source: text('source'),
    at: at('at').notNull(),
  },
  (t) => [index('consent_changes_contact').on(t.contactId, t.id)],
);

/** Every message in a contact's thread: inbound, outbound (also queued ones), App echoes, history. */
export const messages = pgTable(
  'messages',
  {
    id: id(),
    workspaceId: text('workspace_id').notNull(),
    contactId: ref('contact_id').notNull(),
    direction: text('direction', { enum: ['in', 'out', 'echo', 'history'] }).notNull(),
    wamid: text('wamid').unique(),
    type: text('type').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    /** pending → sending → sent → delivered → read (→ played); or held, failed, blocked, skipped. */
    status: text('status').notNull(),
    statusRank: integer('status_rank').notNull().default(0),
    error: jsonb('error').$type<Record<string, unknown>>(),
    runId: ref('run_id'),
    nodeId: text('node_id'),
    step: integer('step'),
    purpose: text('purpose'),
    /** Template category for marketing caps and consent checks. */
    category: text('category'),
    /** From the `pricing` object of status webhooks: Meta's category (marketing, utility, service, referral_conversion…), type (regular, free_customer_service, free_entry_point) and billable. */
    pricingCategory: text('pricing_category'),
    pricingType: text('pricing_type'),
    billable: boolean('billable'),
    /** What the message cost, by the workspace's rate table for the contact's market (null: not known yet or free). */
    cost: doublePrecision('cost'),
    costCurrency: text('cost_currency'),
    attempts: integer('attempts').notNull().default(0),
    /**
     * The outbox: an outbound message waiting to be sent is due at this wall-clock time (sender
     * loops claim due rows in batches); null once sent, failed, or when it waits for nothing.
     */
    sendAfter: at('send_after'),
    sentAt: at('sent_at'),
    at: at('at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('messages_contact_at').on(t.contactId, t.at),
    index('messages_run').on(t.runId),
    index('messages_outbox').on(t.sendAfter).where(sql`send_after IS NOT NULL`),
  ],
);

/** One contact's journey through one flow version. */
export const runs = pgTable(
  'runs',
  {
    id: id(),
    workspaceId: text('workspace_id').notNull(),
    contactId: ref('contact_id').notNull(),
    flowId: text('flow_id').notNull(),
    flowVersionId: ref('flow_version_id').notNull(),
    status: text('status', { enum: ['active', 'completed', 'failed', 'cancelled'] }).notNull(),
    currentNode: text('current_node'),
    /** What the run waits for: reply, event, timer, send, http, handoff; null when it ended. */
    waitingFor: text('waiting_for'),
    waitingEvent: text('waiting_event'),
    step: integer('step').notNull().default(0),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    outcome: text('outcome'),
    endReason: text('end_reason'),
    /** The contact's Click-to-WhatsApp referral when the run started (within its free entry window), for attribution. */
    referral: jsonb('referral').$type<Record<string, unknown>>(),
    startedAt: at('started_at').notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    endedAt: at('ended_at'),
  },
  (t) => [
    index('runs_contact_active').on(t.contactId).where(sql`status = 'active'`),
    // "Has this contact ever run this journey" (re-entry "never") without a scan of the journey's runs; ended runs only, so a step of an active run never updates it.
    index('runs_contact_flow_ended').on(t.contactId, t.flowId).where(sql`status <> 'active'`),
    index('runs_version_node_active').on(t.flowVersionId, t.currentNode).where(sql`status = 'active'`),
    index('runs_flow_started').on(t.flowId, t.startedAt),
  ],
);

/** The log of a run: entered nodes, ports taken, events received, effects. Feeds analytics. */
export const runSteps = pgTable(
  'run_steps',
  {
    id: id(),
    runId: ref('run_id').notNull(),
    flowVersionId: ref('flow_version_id').notNull(),
    step: integer('step').notNull(),
    // node-name-ok: run-log kinds ('end': the run finished), not node types
    kind: text('kind', { enum: ['enter', 'port', 'event', 'effect', 'end'] }).notNull(),
    nodeId: text('node_id'),
    port: text('port'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    at: at('at').notNull(),
  },
  (t) => [index('run_steps_run').on(t.runId, t.id), index('run_steps_version_node').on(t.flowVersionId, t.nodeId, t.kind, t.at)],
);

/** Durable timers: one row per waiting run and timer kind; a sweep job fires the due ones. */
export const timers = pgTable(
  'timers',
  {
    runId: ref('run_id').notNull(),
    // node-name-ok: timer kinds ('wait': a wait's own timer), not node types
    kind: text('kind', { enum: ['wait', 'timeout', 'idle'] }).notNull(),
    nodeId: text('node_id').notNull(),
    step: integer('step').notNull(),
    contactId: ref('contact_id').notNull(),
    workspaceId: text('workspace_id').notNull(),
    /** Real (wall-clock) time the timer fires; sandbox clock offsets are applied when writing. */
    fireAt: at('fire_at').notNull(),
    /** Set for timers that start again on activity (a handoff's quiet period): their length in ms. */
    restartMs: bigint('restart_ms', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.runId, t.kind] }), index('timers_fire_at').on(t.fireAt)],
);

/**
 * Broadcasts: one row per schedule trigger of a live flow version, with the next time it fires.
 * Written when a version goes live (publish, rollback), removed when the flow is archived; the
 * `broadcast` job it schedules starts the audience's journeys page by page (`cursor`).
 */
export const broadcasts = pgTable(
  'broadcasts',
  {
    id: id(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    flowId: text('flow_id')
      .notNull()
      .references(() => flows.id),
    flowVersionId: ref('flow_version_id').notNull(),
    nodeId: text('node_id').notNull(),
    /** Real (wall-clock) time it fires; sandbox clock offsets are applied when writing. */
    fireAt: at('fire_at').notNull(),
    /** The last contact id whose journey this firing has queued (pages resume after it). */
    cursor: bigint('cursor', { mode: 'number' }).notNull().default(0),
    firings: integer('firings').notNull().default(0),
    lastFiredAt: at('last_fired_at'),
  },
  (t) => [uniqueIndex('broadcasts_flow_node').on(t.flowId, t.nodeId)],
);

/** Raw webhook bodies, exactly as received, deduplicated by hash. */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: id(),
    source: text('source').notNull(),
    sha256: bytea('sha256').notNull().unique(),
    body: text('body').notNull(),
    receivedAt: at('received_at').notNull().defaultNow(),
    processedAt: at('processed_at'),
    /** Failed attempts to apply the body; after the last one it is set aside (processed, with its error). */
    attempts: integer('attempts').notNull().default(0),
    /** An unprocessed body is claimed from this time on (later after a failed attempt). */
    nextAttemptAt: at('next_attempt_at').notNull().defaultNow(),
    error: text('error'),
  },
  (t) => [index('webhook_events_inbox').on(t.nextAttemptAt, t.id).where(sql`processed_at IS NULL`)],
);

/** A conversation handed to people. */
export const handoffs = pgTable(
  'handoffs',
  {
    id: id(),
    workspaceId: text('workspace_id').notNull(),
    contactId: ref('contact_id').notNull(),
    runId: ref('run_id'),
    nodeId: text('node_id'),
    team: text('team').notNull(),
    status: text('status', { enum: ['open', 'taken', 'released'] }).notNull(),
    assignee: text('assignee'),
    openedAt: at('opened_at').notNull(),
    takenAt: at('taken_at'),
    releasedAt: at('released_at'),
  },
  // By run: the dashboard's containment asks, per run, whether a person took part.
  (t) => [index('handoffs_open').on(t.workspaceId, t.status), index('handoffs_run').on(t.runId)],
);

/**
 * The send throughput governor: N slots per number; a send takes the slot used longest ago if
 * that was more than a second ago, so at most N sends start in any one-second window.
 */
export const sendSlots = pgTable(
  'send_slots',
  {
    workspaceId: text('workspace_id').notNull(),
    slot: integer('slot').notNull(),
    usedAt: at('used_at').notNull().default(sql`'-infinity'`),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.slot] })],
);

/**
 * A number's queue behind its throughput: when its last waiting message was given its turn. A
 * message that finds every send slot taken is booked the next turn after it (one message per
 * 1.1/N s), so a backlog is written once and drained in order instead of claimed again each second.
 */
export const sendClocks = pgTable('send_clocks', {
  workspaceId: text('workspace_id').primaryKey(),
  bookedUntil: at('booked_until').notNull(),
  /** The span the last booking added (its messages' turns start `booked_until - span`). */
  spanMs: doublePrecision('span_ms').notNull(),
});

/** When the timer sweep is next scheduled (one row). */
export const timerSchedule = pgTable('timer_schedule', {
  id: integer('id').primaryKey(),
  nextAt: at('next_at').notNull(),
});

/** Liveness of graphile-worker workers, so jobs held by a crashed process are released in seconds, not hours. */
export const workerHeartbeats = pgTable('worker_heartbeats', {
  workerId: text('worker_id').primaryKey(),
  seenAt: at('seen_at').notNull().defaultNow(),
});

/** Business events received on /hooks, deduplicated by idempotency key. */
export const businessEvents = pgTable(
  'business_events',
  {
    id: id(),
    workspaceId: text('workspace_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    name: text('name').notNull(),
    body: jsonb('body').$type<Record<string, unknown>>().notNull(),
    receivedAt: at('received_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('business_events_key').on(t.workspaceId, t.idempotencyKey)],
);
