import { z } from 'zod';
import { graphErrorSchema, phoneMetadataSchema, unixSecondsSchema } from './commonSchemas';
import { messageContextSchema, messagePayloadShape, requireTypePayload, webhookMessageSchema } from './messageSchemas';

const optionalString = z.string().optional();

/** Field `smb_message_echoes`: messages the business sent from the WhatsApp Business app. */
export const echoesValueSchema = z.object({
  messaging_product: optionalString,
  metadata: phoneMetadataSchema,
  message_echoes: z.array(
    z
      .looseObject({
        ...messagePayloadShape,
        id: z.string().min(1),
        timestamp: unixSecondsSchema,
        from: optionalString,
        to: z.string().min(1),
        context: messageContextSchema.optional(),
      })
      .superRefine(requireTypePayload),
  ),
});
export type EchoesValue = z.infer<typeof echoesValueSchema>;

/** A message of a synced thread; `timestamp` is the device's, `to` is set only on business sends. */
const historyMessageSchema = z
  .looseObject({
    ...messagePayloadShape,
    id: z.string().min(1),
    timestamp: unixSecondsSchema,
    from: optionalString,
    to: optionalString,
    context: messageContextSchema.optional(),
    history_context: z.object({ status: z.string() }).optional(),
  })
  .superRefine(requireTypePayload);
export type HistoryMessageValue = z.infer<typeof historyMessageSchema>;

/** One `history[]` item: a chunk of threads, or (history sync declined) only `errors`. */
const historyItemSchema = z
  .object({
    metadata: z.object({ phase: z.number().int().nonnegative(), chunk_order: z.number().int().nonnegative(), progress: z.number().min(0).max(100) }).optional(),
    threads: z.array(z.object({ id: z.string().min(1), messages: z.array(historyMessageSchema) })).optional(),
    errors: z.array(graphErrorSchema).optional(),
  })
  .superRefine((item, ctx) => {
    if (item.threads && !item.metadata)
      ctx.addIssue({ code: 'custom', path: ['metadata'], message: 'a history chunk with threads carries metadata (phase, chunk_order, progress)' });
  });

/**
 * Field `history`: chunks of past chats, or the follow-up for a `media_placeholder`, which comes
 * under the same field as a `messages` array. `metadata` may be absent around the error variant,
 * whose surroundings Meta does not document.
 */
export const historyValueSchema = z.object({
  messaging_product: optionalString,
  metadata: phoneMetadataSchema.optional(),
  history: z.array(historyItemSchema).optional(),
  messages: z.array(webhookMessageSchema).optional(),
});
export type HistoryValue = z.infer<typeof historyValueSchema>;

/** Field `smb_app_state_sync`: contacts added, edited or removed in the WhatsApp Business app. */
export const stateSyncValueSchema = z.object({
  messaging_product: optionalString,
  metadata: phoneMetadataSchema,
  state_sync: z.array(
    z
      .object({
        type: z.string(),
        contact: z.object({ full_name: optionalString, first_name: optionalString, phone_number: z.string().min(1) }).optional(),
        action: z.string(),
        metadata: z.object({ timestamp: unixSecondsSchema }),
      })
      .superRefine((item, ctx) => {
        if (item.type === 'contact' && !item.contact)
          ctx.addIssue({ code: 'custom', path: ['contact'], message: 'a contact state sync carries a "contact" object' });
      }),
  ),
});
export type StateSyncValue = z.infer<typeof stateSyncValueSchema>;
