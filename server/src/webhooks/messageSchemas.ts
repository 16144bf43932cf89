import { z } from 'zod';
import { graphErrorSchema, unixSecondsSchema } from './commonSchemas';

/** Message types whose payload sits under a key named after the type, e.g. `{type:"image", image:{…}}`. */
export const MEDIA_TYPES = ['image', 'audio', 'video', 'document', 'sticker'] as const;

const mediaSchema = z.object({
  id: z.string().min(1),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
  voice: z.boolean().optional(),
  animated: z.boolean().optional(),
  // Rolled out gradually since Nov 2025; never relied on, and never stored (download by id).
  url: z.string().optional(),
});

const optionalString = z.string().optional();

const contactCardSchema = z.object({
  name: z
    .object({
      formatted_name: optionalString,
      first_name: optionalString,
      last_name: optionalString,
      middle_name: optionalString,
      prefix: optionalString,
      suffix: optionalString,
    })
    .optional(),
  phones: z.array(z.object({ phone: optionalString, wa_id: optionalString, type: optionalString })).optional(),
  emails: z.array(z.object({ email: optionalString, type: optionalString })).optional(),
  addresses: z
    .array(
      z.object({
        street: optionalString,
        city: optionalString,
        state: optionalString,
        zip: optionalString,
        country: optionalString,
        country_code: optionalString,
        type: optionalString,
      }),
    )
    .optional(),
  org: z.object({ company: optionalString, department: optionalString, title: optionalString }).optional(),
  urls: z.array(z.object({ url: optionalString, type: optionalString })).optional(),
  birthday: optionalString,
});

const interactiveSchema = z
  .looseObject({
    type: z.string(),
    button_reply: z.object({ id: z.string(), title: z.string() }).optional(),
    list_reply: z.object({ id: z.string(), title: z.string(), description: optionalString }).optional(),
  })
  .superRefine((value, ctx) => {
    if ((value.type === 'button_reply' || value.type === 'list_reply') && value[value.type] === undefined) {
      ctx.addIssue({ code: 'custom', path: [value.type], message: `an interactive ${value.type} carries a "${value.type}" object` });
    }
  });

/** The per-type payloads every message-like object (inbound, echo, history) can carry. */
export const messagePayloadShape = {
  type: z.string().min(1),
  text: z.object({ body: z.string() }).optional(),
  interactive: interactiveSchema.optional(),
  // Template quick reply; `payload` is what was set at send time and defaults to the button text.
  button: z.object({ payload: optionalString, text: z.string() }).optional(),
  image: mediaSchema.optional(),
  audio: mediaSchema.optional(),
  video: mediaSchema.optional(),
  document: mediaSchema.optional(),
  sticker: mediaSchema.optional(),
  location: z.object({ latitude: z.number(), longitude: z.number(), name: optionalString, address: optionalString, url: optionalString }).optional(),
  contacts: z.array(contactCardSchema).optional(),
  reaction: z.object({ message_id: z.string(), emoji: optionalString }).optional(),
  order: z.looseObject({ catalog_id: optionalString, text: optionalString, product_items: z.array(z.looseObject({})).optional() }).optional(),
  system: z.looseObject({ body: optionalString, type: optionalString }).optional(),
  unsupported: z.looseObject({ type: optionalString }).optional(),
};

const TYPES_WITH_PAYLOAD = new Set<string>([
  'text',
  'interactive',
  'button',
  ...MEDIA_TYPES,
  'location',
  'contacts',
  'reaction',
  'order',
  'system',
  'edit',
  'revoke',
]);

/** A known type must carry its payload; unknown types pass so new Meta types do not fail the body. */
export function requireTypePayload(message: { type: string; [key: string]: unknown }, ctx: z.RefinementCtx): void {
  if (TYPES_WITH_PAYLOAD.has(message.type) && message[message.type] === undefined) {
    ctx.addIssue({ code: 'custom', path: [message.type], message: `a "${message.type}" message carries a "${message.type}" object` });
  }
}

export const messageContextSchema = z.object({
  from: optionalString,
  id: optionalString,
  forwarded: z.boolean().optional(),
  frequently_forwarded: z.boolean().optional(),
  referred_product: z.object({ catalog_id: z.string(), product_retailer_id: z.string() }).optional(),
});

/** Click-to-WhatsApp ad that started the conversation. */
const referralSchema = z.object({
  source_url: optionalString,
  source_id: optionalString,
  source_type: optionalString,
  body: optionalString,
  headline: optionalString,
  media_type: optionalString,
  image_url: optionalString,
  video_url: optionalString,
  thumbnail_url: optionalString,
  ctwa_clid: optionalString,
  welcome_message: z.object({ text: optionalString }).optional(),
});

/** The new version of a message the user edited: a message without its own id or time. */
const editedMessageSchema = z
  .looseObject({ ...messagePayloadShape, id: optionalString, timestamp: unixSecondsSchema.optional(), context: messageContextSchema.optional() })
  .superRefine(requireTypePayload);

/** `value.messages[]` under field `messages` (and the media follow-up under field `history`). */
export const webhookMessageSchema = z
  .looseObject({
    ...messagePayloadShape,
    id: z.string().min(1),
    timestamp: unixSecondsSchema,
    from: optionalString,
    from_user_id: optionalString,
    context: messageContextSchema.optional(),
    referral: referralSchema.optional(),
    errors: z.array(graphErrorSchema).optional(),
    edit: z.object({ original_message_id: z.string(), message: editedMessageSchema }).optional(),
    revoke: z.object({ original_message_id: z.string() }).optional(),
  })
  .superRefine(requireTypePayload);
export type WebhookMessage = z.infer<typeof webhookMessageSchema>;

/** Any message-like object: a type plus that type's payload (and maybe a reply context). */
export const messagePayloadSchema = z.looseObject({ ...messagePayloadShape, context: messageContextSchema.optional() }).superRefine(requireTypePayload);
export type MessagePayload = z.infer<typeof messagePayloadSchema>;
