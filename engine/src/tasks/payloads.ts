import { z } from 'zod';
import { inboundMessageSchema, readReceiptOverrides, timerKinds } from '@tandem/shared';

const identitySchema = z
  .object({ waId: z.string().min(1).optional(), userId: z.string().min(1).optional(), profileName: z.string().optional() })
  .refine((i) => i.waId || i.userId, 'a contact needs a WhatsApp id or a user id');

/** Inbound messages after webhook parsing: who wrote, what, and how it is stored in the thread. */
export const inboundPayloadSchema = z.object({
  workspaceId: z.string(),
  messages: z
    .array(
      z.object({
        contact: identitySchema,
        message: inboundMessageSchema,
        type: z.string(),
        content: z.record(z.string(), z.unknown()),
        /** false: store it (and open the window) but do not hand it to any journey (e.g. an opt-out). */
        route: z.boolean().default(true),
      }),
    )
    .min(1),
});
export type InboundPayload = z.infer<typeof inboundPayloadSchema>;

export const businessEventPayloadSchema = z.object({
  workspaceId: z.string(),
  contact: identitySchema,
  name: z.string(),
  payload: z.record(z.string(), z.unknown()),
});
export type BusinessEventPayload = z.infer<typeof businessEventPayloadSchema>;

export const startRunPayloadSchema = z.object({
  workspaceId: z.string(),
  contactId: z.number().int(),
  flowId: z.string(),
  payload: z.record(z.string(), z.unknown()),
  /** The trigger to start at (a broadcast's schedule); default: the API trigger, else the first. */
  triggerNode: z.string().optional(),
});

/** The same start for many contacts (a broadcast page's audience), in one transaction. */
export const startRunsPayloadSchema = startRunPayloadSchema.omit({ contactId: true }).extend({
  contactIds: z.array(z.number().int()).min(1).max(1_000),
});

export type StartRunsPayload = z.infer<typeof startRunsPayloadSchema>;

export const sendPayloadSchema = z.object({ messageId: z.number().int() });

export const firedTimerSchema = z.object({
  runId: z.number().int(),
  contactId: z.number().int(),
  kind: z.enum(timerKinds),
  nodeId: z.string(),
  step: z.number().int(),
});
export const fireTimersPayloadSchema = z.object({ timers: z.array(firedTimerSchema).min(1) });

export const httpPayloadSchema = z.object({
  runId: z.number().int(),
  contactId: z.number().int(),
  workspaceId: z.string(),
  nodeId: z.string(),
  step: z.number().int(),
  request: z.object({
    method: z.string(),
    url: z.string(),
    headers: z.record(z.string(), z.string()),
    body: z.string().optional(),
    timeoutMs: z.number().int(),
  }),
});

export const markReadPayloadSchema = z.object({
  workspaceId: z.string(),
  contactId: z.number().int(),
  runId: z.number().int(),
  nodeId: z.string(),
  wamid: z.string().min(1),
  typing: z.boolean(),
  flowSetting: z.enum(readReceiptOverrides),
});
export type MarkReadPayload = z.infer<typeof markReadPayloadSchema>;

/** A `capi_events` row to post to Meta's Conversions API. */
export const reportConversionPayloadSchema = z.object({ reportId: z.number().int() });

export const releaseHandoffPayloadSchema = z.object({ runId: z.number().int(), contactId: z.number().int(), by: z.string().optional() });
