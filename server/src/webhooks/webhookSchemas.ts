import { z } from 'zod';
import { echoesValueSchema, historyValueSchema, stateSyncValueSchema } from './coexistenceSchemas';
import { accountUpdateValueSchema, qualityUpdateValueSchema, templateStatusValueSchema, userPreferencesValueSchema } from './managementSchemas';
import { messagesValueSchema } from './messagesValueSchema';

/**
 * Every WhatsApp Business Account webhook: `entry[]` and `changes[]` are arrays, and one POST
 * may carry many of each. A change's `value` is checked against its field's schema below.
 */
export const webhookEnvelopeSchema = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.object({
      /** The WABA id. */
      id: z.string().min(1),
      time: z.union([z.number(), z.string()]).optional(),
      changes: z.array(z.object({ field: z.string().min(1), value: z.unknown() })),
    }),
  ),
});

/** The `value` schema of each field Tandem handles; other fields are reported as ignored. */
export const webhookValueSchemas = {
  messages: messagesValueSchema,
  smb_message_echoes: echoesValueSchema,
  history: historyValueSchema,
  smb_app_state_sync: stateSyncValueSchema,
  account_update: accountUpdateValueSchema,
  message_template_status_update: templateStatusValueSchema,
  user_preferences: userPreferencesValueSchema,
  phone_number_quality_update: qualityUpdateValueSchema,
} as const;
export type WebhookField = keyof typeof webhookValueSchemas;
