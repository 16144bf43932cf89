import { z } from 'zod';
import { interactiveSchema } from './interactivePayload';
import { captionedMediaSchema, documentMediaSchema, mediaLinkSchema } from './mediaPayload';
import { templateSchema } from './templatePayload';

/**
 * E.164 with the leading `+`: without it Meta prepends the business number's country code and the
 * message can reach the wrong person (facts §3).
 */
export const e164Schema = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number with a leading + (like +16505551234)');

/** A business-scoped user id (BSUID, facts §1.9), e.g. `US.13491208655302741918`. */
const bsuidSchema = z.string().regex(/^[A-Z]{2}\.[A-Za-z0-9.]{4,100}$/, 'must be a business-scoped user id (like US.13491208655302741918)');

/**
 * A Cloud API send body (`POST /<version>/<phone-number-id>/messages`, facts §3), discriminated on
 * `type`. Every limit Meta documents is enforced here, so a bad body fails in Tandem, not at Meta.
 */
export const outboundMessageSchema = z
  .discriminatedUnion('type', [
    message('text', { text: z.strictObject({ body: z.string().min(1).max(4096), preview_url: z.boolean().optional() }) }),
    message('interactive', { interactive: interactiveSchema }),
    message('image', { image: captionedMediaSchema }),
    message('video', { video: captionedMediaSchema }),
    message('document', { document: documentMediaSchema }),
    message('audio', { audio: mediaLinkSchema }),
    message('template', { template: templateSchema }),
  ])
  .superRefine((m, ctx) => {
    if ((m.to === undefined) === (m.recipient === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: m.to === undefined ? 'to (or recipient) is required' : 'give to or recipient, not both' });
    }
  });
export type OutboundMessage = z.infer<typeof outboundMessageSchema>;

/** Marks an inbound message read, optionally showing the typing indicator (facts §3.6). */
export const markReadSchema = z.strictObject({
  messaging_product: z.literal('whatsapp'),
  status: z.literal('read'),
  message_id: z.string().min(1),
  typing_indicator: z.strictObject({ type: z.literal('text') }).optional(),
});
export type MarkRead = z.infer<typeof markReadSchema>;

function message<T extends string, P extends z.ZodRawShape>(type: T, payload: P) {
  return z.strictObject({
    messaging_product: z.literal('whatsapp'),
    recipient_type: z.literal('individual').optional(),
    /** The phone number; or, for a user known only by a username, `recipient` (facts §1.9). Exactly one. */
    to: e164Schema.optional(),
    recipient: bsuidSchema.optional(),
    type: z.literal(type),
    context: z.strictObject({ message_id: z.string().min(1) }).optional(),
    biz_opaque_callback_data: z.string().max(512).optional(),
    ...payload,
  });
}
