import { z } from 'zod';
import { graphErrorSchema, phoneMetadataSchema, unixSecondsSchema, webhookContactSchema } from './commonSchemas';
import { resolveParty } from './identity';
import { webhookMessageSchema } from './messageSchemas';

const optionalString = z.string().optional();

/** `value.statuses[]`: delivery progress of a message we sent. */
const webhookStatusSchema = z.object({
  id: z.string().min(1),
  // Kept open so a status Tandem does not know is reported as ignored instead of failing the body.
  status: z.string().min(1),
  timestamp: unixSecondsSchema,
  recipient_id: optionalString,
  recipient_user_id: optionalString,
  recipient_type: optionalString,
  recipient_participant_id: optionalString,
  biz_opaque_callback_data: optionalString,
  conversation: z.object({ id: z.string(), expiration_timestamp: unixSecondsSchema.optional(), origin: z.object({ type: z.string() }).optional() }).optional(),
  pricing: z.object({ billable: z.boolean().optional(), pricing_model: optionalString, type: optionalString, category: optionalString }).optional(),
  errors: z.array(graphErrorSchema).optional(),
});
export type WebhookStatus = z.infer<typeof webhookStatusSchema>;

/** The value of a `messages` change: inbound messages, statuses of our sends, or errors. */
export const messagesValueSchema = z
  .object({
    messaging_product: optionalString,
    metadata: phoneMetadataSchema,
    contacts: z.array(webhookContactSchema).optional(),
    messages: z.array(webhookMessageSchema).optional(),
    statuses: z.array(webhookStatusSchema).optional(),
    errors: z.array(graphErrorSchema).optional(),
  })
  .superRefine((value, ctx) => {
    value.messages?.forEach((message, index) => {
      const sender = resolveParty(value.contacts, { phone: message.from, userId: message.from_user_id });
      if (sender.waId === undefined && sender.userId === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['messages', index, 'from'],
          message: 'message has no sender: no from, from_user_id, or contacts[] wa_id/user_id',
        });
      }
    });
  });
export type MessagesValue = z.infer<typeof messagesValueSchema>;
