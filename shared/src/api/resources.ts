import { z } from 'zod';
import { diagnosticSchema } from '../diagnostics';
import { humanReplyModes, quietHoursSchema, readReceiptModes } from '../flow/flowSettings';
import { timeZoneSchema } from '../flow/primitives';
import { rateTableSchema } from '../pricing/rateTable';
import { templateInfoSchema } from '../templates';
import { waFlowInfoSchema } from '../waFlows';

const isoDate = z.string();
const id = z.string().min(1).max(64);

export const roleSchema = z.enum(['viewer', 'agent', 'editor', 'admin']);

export const workspaceSchema = z.object({
  id,
  name: z.string(),
  transport: z.enum(['cloud', 'sandbox']),
  phoneNumberId: z.string().nullable(),
  displayPhoneNumber: z.string().nullable(),
  wabaId: z.string().nullable(),
  coexistence: z.boolean(),
  throughputMps: z.number().int(),
  settings: z.record(z.string(), z.unknown()),
  sendsPausedReason: z.string().nullable(),
  hasAccessToken: z.boolean(),
  /** What people must see: the number disconnected, quality drops, templates paused… */
  alerts: z.array(z.object({ kind: z.string(), message: z.string(), at: isoDate })),
  /** Progress of the coexistence history and contact sync. */
  syncStatus: z.record(z.string(), z.unknown()),
  /** The sandbox clock (simulator time), or the real time. */
  now: isoDate,
  createdAt: isoDate,
  role: roleSchema,
});
export type WorkspaceView = z.infer<typeof workspaceSchema>;

/** Workspace-wide settings; every field optional with a safe default. */
export const workspaceSettingsSchema = z.object({
  optOutKeywords: z.array(z.string().trim().min(1).max(40)).max(50).optional(),
  optInKeywords: z.array(z.string().trim().min(1).max(40)).max(50).optional(),
  /** Sent when a contact opts out by keyword or button; empty turns it off. */
  optOutReply: z.string().max(1_000).optional(),
  marketingCap: z
    .object({
      max: z.number().int().min(1).max(100),
      periodHours: z
        .number()
        .int()
        .min(1)
        .max(24 * 90),
    })
    .nullable()
    .optional(),
  pairGapMs: z.number().int().min(0).max(60_000).optional(),
  /** Mark inbound messages read (and show typing); absent: off (`effectiveReadReceipts`). */
  readReceipts: z.enum(readReceiptModes).optional(),
  /** The time zone a new flow of the workspace starts with (absent: UTC). */
  defaultTimezone: timeZoneSchema.optional(),
  /** The quiet hours a new flow of the workspace starts with; null or absent: none. */
  defaultQuietHours: quietHoursSchema.nullable().optional(),
  allowPrivateNetworks: z.boolean().optional(),
  attributes: z
    .array(z.object({ name: z.string(), type: z.enum(['string', 'number', 'boolean', 'date', 'list']), description: z.string().optional() }))
    .max(200)
    .optional(),
  /** Template rates per market for cost estimates and actual costs; absent: `defaultRateTable`. */
  rates: rateTableSchema.optional(),
  /** Meta's Conversions API for Business Messaging: the dataset of the WhatsApp Business Account that ad conversions are reported to. */
  conversionsApi: z
    .object({ datasetId: z.string().regex(/^\d{5,25}$/, 'The dataset id is the number Meta shows for the WhatsApp Business Account’s dataset') })
    .nullable()
    .optional(),
});

export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

/** What applies while a workspace leaves a consent setting unset. */
export const consentDefaults = {
  optOutKeywords: ['STOP', 'UNSUBSCRIBE', 'STOP ALL', 'STOPP', 'ARRET', 'ARRÊT', 'BAJA', 'PARAR', 'CANCELAR', 'ABMELDEN', 'DISDICI', 'ANNULLA'],
  optInKeywords: ['START', 'SUBSCRIBE', 'UNSTOP'],
  optOutReply: "You won't receive promotional messages from us anymore. Reply START to subscribe again.",
} as const;

/** A person with access to a workspace, and their role there. */
export const memberSchema = z.object({ id, email: z.string(), name: z.string(), instanceAdmin: z.boolean(), role: roleSchema });
export type MemberView = z.infer<typeof memberSchema>;

/** Where Meta's app dashboard must send the number's webhooks, and the token it echoes when verifying the address. */
export const webhookSetupSchema = z.object({
  url: z.string(),
  /** WHATSAPP_VERIFY_TOKEN of the server; null when it is not set (Meta's check then fails). */
  verifyToken: z.string().nullable(),
  /** Whether WHATSAPP_APP_SECRET is set: without it, webhooks are refused. */
  appSecretSet: z.boolean(),
});

/**
 * What "Test connection" found when it asked Meta about the number with the stored token.
 * `problem` says in one word what to fix; `message` says it in a sentence for people.
 */
export const connectionTestSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    message: z.string(),
    verifiedName: z.string().nullable(),
    displayPhoneNumber: z.string().nullable(),
    qualityRating: z.string().nullable(),
    codeVerificationStatus: z.string().nullable(),
    /** Notes worth acting on (the display number differs from the one saved here…). */
    notes: z.array(z.string()),
  }),
  z.object({
    ok: z.literal(false),
    problem: z.enum(['not_set_up', 'token_invalid', 'no_permission', 'wrong_id', 'unreachable', 'meta_error']),
    message: z.string(),
    /** Meta's error code, when Meta answered with one. */
    metaCode: z.number().int().nullable(),
  }),
]);
export type ConnectionTest = z.infer<typeof connectionTestSchema>;

export const workspaceInputSchema = z.object({
  name: z.string().trim().min(1).max(120),
  transport: z.enum(['cloud', 'sandbox']).optional(),
  phoneNumberId: z
    .string()
    .regex(/^\d{5,32}$/, 'Phone number ids are digits')
    .optional(),
  displayPhoneNumber: z.string().max(32).optional(),
  wabaId: z
    .string()
    .regex(/^\d{5,32}$/)
    .optional(),
  accessToken: z.string().min(10).max(1_000).optional(),
  coexistence: z.boolean().optional(),
  throughputMps: z.number().int().min(1).max(1_000).optional(),
  settings: workspaceSettingsSchema.optional(),
});

export const flowSummarySchema = z.object({
  id,
  name: z.string(),
  liveVersion: z.number().int().nullable(),
  versionCount: z.number().int(),
  updatedAt: isoDate,
  createdAt: isoDate,
});
export type FlowSummary = z.infer<typeof flowSummarySchema>;

export const flowVersionSchema = z.object({ id: z.number().int(), version: z.number().int(), note: z.string(), createdAt: isoDate, live: z.boolean() });
export type FlowVersionView = z.infer<typeof flowVersionSchema>;

/** A flow document as JSON; checked by the compiler, not by this schema, so drafts may be unfinished. */
export const documentJsonSchema = z.record(z.string(), z.unknown());

export const flowDetailSchema = flowSummarySchema.extend({
  draft: documentJsonSchema,
  versions: z.array(flowVersionSchema),
  /** The frozen draft the sandbox runs instead of the live version (the simulator's "Test the draft"), if any. */
  test: z.object({ version: z.number().int(), createdAt: isoDate }).nullable(),
});
export type FlowDetail = z.infer<typeof flowDetailSchema>;

export const validationSchema = z.object({
  ok: z.boolean(),
  diagnostics: z.array(diagnosticSchema),
  windowProofs: z.array(
    z.object({ nodeId: z.string(), status: z.enum(['safe', 'needs_fallback', 'unsafe']), worstMs: z.number().nullable(), reason: z.string() }),
  ),
});

export const versionDiffSchema = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(z.string()),
  connectionsAdded: z.number().int(),
  connectionsRemoved: z.number().int(),
  settingsChanged: z.boolean(),
});

/** A flow that sends a template: in its draft, in the version contacts enter now, or both. */
const templateUseSchema = z.object({ flowId: id, flowName: z.string(), where: z.enum(['draft', 'live', 'both']) });

export const templateSchema = templateInfoSchema.extend({
  id: z.number().int(),
  source: z.enum(['sandbox', 'meta']),
  updatedAt: isoDate,
  /** Meta's quality rating of the template (GREEN, YELLOW, RED, UNKNOWN); null for sandbox templates. */
  quality: z.string().nullable().optional(),
  /** Why Meta rejected the template, as Meta says it; null unless rejected. */
  rejectedReason: z.string().nullable().optional(),
  /** The workspace's flows that send it (archived flows left out); the list always has it. */
  usedBy: z.array(templateUseSchema).optional(),
});

/** A WhatsApp Flow of the workspace: Meta's `id` and what Tandem read from its Flow JSON. */
export const waFlowSchema = waFlowInfoSchema.extend({ source: z.enum(['sandbox', 'meta']), updatedAt: isoDate });

/** A journey of the contact that holds its messages back because a person replied from the Business App. */
export const journeyHoldSchema = z.object({
  runId: z.number().int(),
  flowId: z.string(),
  flowName: z.string(),
  /** `human_active`: the journey's rule pauses it; `collision_guard`: the seconds it never talks over a person. */
  reason: z.enum(['human_active', 'collision_guard']),
  rule: z.enum(humanReplyModes),
  /** The App reply the hold counts from. */
  since: isoDate,
  /** When the journey may speak again; null: when the keyword is sent from the App or a teammate gives the contact back. */
  until: isoDate.nullable(),
  /** The rule's minutes (pause for a while) or keyword (until the keyword). */
  minutes: z.number().int().optional(),
  keyword: z.string().optional(),
});
export type JourneyHold = z.infer<typeof journeyHoldSchema>;

export const contactSchema = z.object({
  id: z.number().int(),
  waId: z.string().nullable(),
  userId: z.string().nullable(),
  phone: z.string().nullable(),
  profileName: z.string().nullable(),
  attributes: z.record(z.string(), z.unknown()),
  tags: z.array(z.string()),
  timezone: z.string().nullable(),
  marketingConsent: z.enum(['unknown', 'opted_in', 'opted_out']),
  consentChangedAt: isoDate.nullable(),
  consentSource: z.string().nullable(),
  lastInboundAt: isoDate.nullable(),
  windowOpen: z.boolean(),
  windowExpiresAt: isoDate.nullable(),
  freeEntryUntil: isoDate.nullable(),
  lastAppReplyAt: isoDate.nullable(),
  /** Until when all automation stays quiet for this contact (a handoff); null when not paused or paused until released. */
  pausedUntil: isoDate.nullable(),
  /** Paused until the handoff is released. */
  pausedIndefinitely: z.boolean(),
  pauseReason: z.string().nullable(),
  /** Per journey the contact is in: which hold back their messages after a person's App reply, by their own rule. */
  holds: z.array(journeyHoldSchema),
  /** The last Click-to-WhatsApp ad (or post) the contact came from; `clickId`: Meta's click id came with it, so conversions can be reported for 7 days. */
  adClick: z
    .object({
      sourceType: z.string().nullable(),
      sourceId: z.string().nullable(),
      headline: z.string().nullable(),
      sourceUrl: z.string().nullable(),
      clickId: z.boolean(),
      at: isoDate,
    })
    .nullable(),
  createdAt: isoDate,
});
export type ContactView = z.infer<typeof contactSchema>;

export const contactPatchSchema = z.object({
  attributes: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/), z.unknown()).optional(),
  addTags: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
  removeTags: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
  timezone: z.string().max(64).nullable().optional(),
  marketingConsent: z.enum(['opted_in', 'opted_out']).optional(),
});

export const messageSchema = z.object({
  id: z.number().int(),
  direction: z.enum(['in', 'out', 'echo', 'history']),
  type: z.string(),
  content: z.record(z.string(), z.unknown()),
  status: z.string(),
  error: z.record(z.string(), z.unknown()).nullable(),
  wamid: z.string().nullable(),
  runId: z.number().int().nullable(),
  nodeId: z.string().nullable(),
  at: isoDate,
  /** Set on a reply a teammate wrote in the inbox, with their name (null when not recorded). */
  agent: z.object({ name: z.string().nullable() }).optional(),
});
export type MessageView = z.infer<typeof messageSchema>;

export const runSchema = z.object({
  id: z.number().int(),
  flowId: z.string(),
  flowVersionId: z.number().int(),
  version: z.number().int(),
  contactId: z.number().int(),
  status: z.enum(['active', 'completed', 'failed', 'cancelled']),
  currentNode: z.string().nullable(),
  waitingFor: z.string().nullable(),
  outcome: z.string().nullable(),
  endReason: z.string().nullable(),
  startedAt: isoDate,
  endedAt: isoDate.nullable(),
});
export type RunView = z.infer<typeof runSchema>;

export const runStepSchema = z.object({
  id: z.number().int(),
  step: z.number().int(),
  // node-name-ok: run-log kinds ('end': the run finished), not node types
  kind: z.enum(['enter', 'port', 'event', 'effect', 'end']),
  nodeId: z.string().nullable(),
  port: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  at: isoDate,
});

export const handoffSchema = z.object({
  id: z.number().int(),
  contactId: z.number().int(),
  contactName: z.string().nullable(),
  contactWaId: z.string().nullable(),
  runId: z.number().int().nullable(),
  team: z.string(),
  status: z.enum(['open', 'taken', 'released']),
  assignee: z.string().nullable(),
  openedAt: isoDate,
  takenAt: isoDate.nullable(),
  lastMessage: z.string().nullable(),
  /** The contact's messages since a person last answered (in the inbox or the Business App) or, before that, since the handoff; 0 once released. */
  unread: z.number().int().min(0),
});

export const nodeStatsSchema = z.object({ entered: z.number().int(), waiting: z.number().int(), ports: z.record(z.string(), z.number().int()) });
export const analyticsSchema = z.object({
  flowId: z.string(),
  version: z.number().int().nullable(),
  from: isoDate.nullable(),
  to: isoDate.nullable(),
  runs: z.object({ started: z.number().int(), active: z.number().int(), completed: z.number().int(), outcomes: z.record(z.string(), z.number().int()) }),
  nodes: z.record(z.string(), nodeStatsSchema),
  /** The version's conversions in the range (on their time): how many, revenue per currency, and whom the last touch credits. */
  conversions: z.object({
    count: z.number().int(),
    revenue: z.record(z.string(), z.number()),
    credit: z.object({ bot: z.number().int(), app: z.number().int(), agent: z.number().int(), none: z.number().int() }),
  }),
});

export const funnelSchema = z.object({ from: z.string(), to: z.string(), enteredFrom: z.number().int(), reachedTo: z.number().int(), rate: z.number() });

export const simulatorThreadSchema = z.object({
  contact: contactSchema.nullable(),
  messages: z.array(messageSchema),
  run: runSchema.nullable(),
  now: isoDate,
});

export const apiKeySchema = z.object({ id, name: z.string(), role: roleSchema, prefix: z.string(), createdAt: isoDate, lastUsedAt: isoDate.nullable() });

export const auditEntrySchema = z.object({
  id: z.number().int(),
  actor: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  at: isoDate,
});

export const userSchema = z.object({ id, email: z.string(), name: z.string(), instanceAdmin: z.boolean() });

export const contactRefSchema = z
  .object({
    waId: z
      .string()
      .regex(/^\d{6,20}$/, 'A WhatsApp id is the phone number in digits, without +')
      .optional(),
    userId: z.string().min(3).max(128).optional(),
  })
  .refine((c) => c.waId || c.userId, "Give the contact's waId or userId");
