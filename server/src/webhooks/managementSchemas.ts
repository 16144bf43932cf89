import { z } from 'zod';
import { phoneMetadataSchema, unixSecondsSchema, webhookContactSchema } from './commonSchemas';

const optionalString = z.string().optional();

/** Field `account_update`: PARTNER_REMOVED (with disconnection_info), ACCOUNT_OFFBOARDED, …; event names stay open. */
export const accountUpdateValueSchema = z.looseObject({
  phone_number: optionalString,
  event: z.string().min(1),
  disconnection_info: z.looseObject({ reason: optionalString, initiated_by: optionalString }).optional(),
});
export type AccountUpdateValue = z.infer<typeof accountUpdateValueSchema>;

/** Field `message_template_status_update`. Ids arrive as JSON numbers; they are kept as strings. */
export const templateStatusValueSchema = z.object({
  event: z.string().min(1),
  message_template_id: z
    .union([
      z.string().regex(/^\d+$/),
      // zod's int() stops at 2^53 - 1: past it JSON.parse has already rounded the id.
      z.number().int({ error: 'template id must be an integer JSON numbers hold exactly' }).nonnegative(),
    ])
    .transform(String),
  message_template_name: z.string(),
  message_template_language: z.string(),
  reason: z.string().nullable().optional(),
  message_template_category: optionalString,
  other_info: z.object({ title: optionalString, description: optionalString }).optional(),
  rejection_info: z.object({ reason: optionalString, recommendation: optionalString }).optional(),
});
export type TemplateStatusValue = z.infer<typeof templateStatusValueSchema>;

/**
 * Field `user_preferences` (marketing stop/resume). Meta's exact shape is partly unverified, so
 * only what the engine needs is required.
 */
export const userPreferencesValueSchema = z.object({
  messaging_product: optionalString,
  metadata: phoneMetadataSchema.optional(),
  contacts: z.array(webhookContactSchema).optional(),
  user_preferences: z.array(
    z.object({
      wa_id: optionalString,
      user_id: optionalString,
      detail: optionalString,
      category: z.string(),
      value: z.string(),
      timestamp: unixSecondsSchema,
    }),
  ),
});
export type UserPreferencesValue = z.infer<typeof userPreferencesValueSchema>;

/** Field `phone_number_quality_update` (FLAGGED, UNFLAGGED, THROUGHPUT_UPGRADE, …). */
export const qualityUpdateValueSchema = z.looseObject({
  display_phone_number: optionalString,
  event: z.string().min(1),
  current_limit: optionalString,
});
export type QualityUpdateValue = z.infer<typeof qualityUpdateValueSchema>;
