import { inboundMessageSchema } from '@tandem/shared';
import { z } from 'zod';

const optionalString = z.string().optional();
const isoTime = z.iso.datetime();
/** A message payload as stored in a thread: Meta's object for the type, minus media URLs. */
const contentSchema = z.record(z.string(), z.unknown());

const webhookErrorSchema = z.object({ code: z.number().int(), title: z.string(), message: optionalString, details: optionalString });
export type WebhookError = z.infer<typeof webhookErrorSchema>;

/** A WhatsApp user. `userId` is the BSUID (user_id, else parent_user_id); `waId` the phone number. */
const webhookPartySchema = z.object({ waId: optionalString, userId: optionalString, parentUserId: optionalString, profileName: optionalString });
export type WebhookParty = z.infer<typeof webhookPartySchema>;

/** What any message-like object says, whatever its type (see describeMessage for the mapping). */
const messageDescriptionSchema = z.object({
  type: z.string(),
  kind: inboundMessageSchema.shape.kind,
  text: z.string(),
  replyId: optionalString,
  contextWamid: optionalString,
  data: z.record(z.string(), z.unknown()).optional(),
  content: contentSchema,
});
export type MessageDescription = z.infer<typeof messageDescriptionSchema>;

const inboundEventSchema = messageDescriptionSchema.extend({
  eventType: z.literal('inbound'),
  wamid: z.string(),
  from: webhookPartySchema,
  at: isoTime,
  referral: inboundMessageSchema.shape.referral,
  referredProduct: z.object({ catalogId: z.string(), productRetailerId: z.string() }).optional(),
  forwarded: z.enum(['forwarded', 'frequently_forwarded']).optional(),
  /** e.g. 131051 on `unsupported` messages, 131060 on a coexistence user's first message. */
  errors: z.array(webhookErrorSchema).optional(),
});

const editEventSchema = z.object({
  eventType: z.literal('edit'),
  wamid: z.string(),
  originalWamid: z.string(),
  from: webhookPartySchema,
  at: isoTime,
  message: messageDescriptionSchema,
});

const revokeEventSchema = z.object({
  eventType: z.literal('revoke'),
  wamid: z.string(),
  originalWamid: z.string(),
  from: webhookPartySchema,
  at: isoTime,
});

export const deliveryStatuses = ['sent', 'delivered', 'read', 'played', 'failed'] as const;

const statusEventSchema = z.object({
  eventType: z.literal('status'),
  wamid: z.string(),
  status: z.enum(deliveryStatuses),
  at: isoTime,
  recipient: webhookPartySchema.pick({ waId: true, userId: true }),
  errors: z.array(webhookErrorSchema).optional(),
  /** `biz_opaque_callback_data` as set on the send: correlates the status with a run. */
  callbackData: optionalString,
  pricing: z.object({ type: optionalString, category: optionalString, pricingModel: optionalString, billable: z.boolean().optional() }).optional(),
  conversation: z.object({ id: z.string(), expiresAt: isoTime.optional(), originType: optionalString }).optional(),
});

/** Sent by the business from the WhatsApp Business app: a human took over. Never opens the CSW. */
const echoEventSchema = messageDescriptionSchema.extend({
  eventType: z.literal('echo'),
  wamid: z.string(),
  to: z.string(),
  at: isoTime,
});

const historyMessageSchema = messageDescriptionSchema.extend({
  wamid: z.string(),
  fromBusiness: z.boolean(),
  at: isoTime,
  /** history_context.status as sent: DELIVERED, ERROR, PENDING, PLAYED, READ or SENT. */
  status: optionalString,
});

const historyChunkEventSchema = z.object({
  eventType: z.literal('history_chunk'),
  phase: z.number().int(),
  chunkOrder: z.number().int(),
  progress: z.number(),
  threads: z.array(z.object({ waId: z.string(), messages: z.array(historyMessageSchema) })),
});

/** The content of a `media_placeholder` history message (same wamid), for media under 14 days old. */
const historyMediaEventSchema = messageDescriptionSchema.extend({
  eventType: z.literal('history_media'),
  wamid: z.string(),
  from: webhookPartySchema,
  at: isoTime,
});

const historyErrorEventSchema = webhookErrorSchema.extend({ eventType: z.literal('history_error') });

const contactSyncEventSchema = z.object({
  eventType: z.literal('contact_sync'),
  action: z.enum(['add', 'remove']),
  waId: z.string(),
  fullName: optionalString,
  firstName: optionalString,
  at: isoTime,
});

const accountUpdateEventSchema = z.object({
  eventType: z.literal('account_update'),
  event: z.string(),
  phoneNumber: optionalString,
  /** disconnection_info.reason, e.g. PRIMARY_INACTIVITY. */
  reason: optionalString,
  initiatedBy: optionalString,
  raw: z.record(z.string(), z.unknown()),
});

const templateStatusEventSchema = z.object({
  eventType: z.literal('template_status'),
  event: z.string(),
  templateId: z.string(),
  name: z.string(),
  language: z.string(),
  reason: optionalString,
  category: optionalString,
  otherInfo: z.object({ title: optionalString, description: optionalString }).optional(),
  rejectionInfo: z.object({ reason: optionalString, recommendation: optionalString }).optional(),
});

const preferenceEventSchema = z.object({
  eventType: z.literal('preference'),
  waId: optionalString,
  userId: optionalString,
  category: z.string(),
  value: z.enum(['stop', 'resume']),
  detail: optionalString,
  at: isoTime,
});

const qualityUpdateEventSchema = z.object({
  eventType: z.literal('quality_update'),
  event: z.string(),
  phoneNumber: optionalString,
  currentLimit: optionalString,
  raw: z.record(z.string(), z.unknown()),
});

const valueErrorEventSchema = webhookErrorSchema.extend({ eventType: z.literal('value_error') });

/** One thing a webhook told us, normalised for the engine; `eventType` tells them apart. */
export const webhookEventSchema = z.discriminatedUnion('eventType', [
  inboundEventSchema,
  editEventSchema,
  revokeEventSchema,
  statusEventSchema,
  echoEventSchema,
  historyChunkEventSchema,
  historyMediaEventSchema,
  historyErrorEventSchema,
  contactSyncEventSchema,
  accountUpdateEventSchema,
  templateStatusEventSchema,
  preferenceEventSchema,
  qualityUpdateEventSchema,
  valueErrorEventSchema,
]);
export type WebhookEvent = z.infer<typeof webhookEventSchema>;
type WebhookEventType = WebhookEvent['eventType'];
export type WebhookEventOf<T extends WebhookEventType> = Extract<WebhookEvent, { eventType: T }>;
export type HistoryMessage = z.infer<typeof historyMessageSchema>;
