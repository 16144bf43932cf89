import { z } from 'zod';

/**
 * Meta sends Unix seconds as strings (`"1750275992"`); numbers are accepted too. Parsed values
 * are ISO-8601 strings.
 */
export const unixSecondsSchema = z
  .union([z.string().regex(/^\d{1,12}$/, 'expected Unix seconds as a string of digits'), z.number().int().nonnegative().max(999_999_999_999)])
  .transform((seconds) => new Date(Number(seconds) * 1000).toISOString());

/** `value.metadata`: which business phone number the change concerns. */
export const phoneMetadataSchema = z.object({
  display_phone_number: z.string().optional(),
  phone_number_id: z.string().min(1),
});

/** An error as Meta reports it in webhooks (`statuses[].errors[]`, `value.errors[]`, history chunks). */
export const graphErrorSchema = z.object({
  code: z.number().int(),
  title: z.string(),
  message: z.string().optional(),
  error_data: z.object({ details: z.string().optional() }).optional(),
  href: z.string().optional(),
});
export type GraphError = z.infer<typeof graphErrorSchema>;

/**
 * `value.contacts[]`: who a message came from or a status went to. Since April 2026 `user_id`
 * (BSUID) is present and `wa_id` may be absent for users with a username.
 */
export const webhookContactSchema = z.object({
  profile: z.object({ name: z.string().optional() }).optional(),
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
  parent_user_id: z.string().optional(),
  identity_key_hash: z.string().optional(),
});
export type WebhookContact = z.infer<typeof webhookContactSchema>;

/** Any JSON object, kept as sent (for `raw` copies of loosely documented values). */
export const jsonObjectSchema = z.record(z.string(), z.unknown());
