import { z } from 'zod';
import { variableNameSchema } from './primitives';

export const attributeTypes = ['string', 'number', 'boolean', 'date', 'list'] as const;
export type AttributeType = (typeof attributeTypes)[number];

/** A custom contact attribute a flow or workspace knows about. */
export const attributeDeclSchema = z.object({
  name: variableNameSchema,
  type: z.enum(attributeTypes).default('string'),
  description: z.string().max(200).optional(),
});
export type AttributeDecl = z.infer<typeof attributeDeclSchema>;

/**
 * Fields every contact has, readable as `contact.<name>` in expressions and messages.
 * Custom attributes share the namespace, so these names are reserved.
 */
export const builtInContactFields: readonly AttributeDecl[] = [
  { name: 'id', type: 'string', description: 'Tandem contact id' },
  { name: 'wa_id', type: 'string', description: 'WhatsApp id (phone number without +)' },
  { name: 'user_id', type: 'string', description: 'Business-scoped user id (BSUID)' },
  { name: 'phone', type: 'string', description: 'Phone number in E.164 form' },
  { name: 'profile_name', type: 'string', description: 'Name from the WhatsApp profile' },
  { name: 'first_name', type: 'string', description: 'First name' },
  { name: 'last_name', type: 'string', description: 'Last name' },
  { name: 'email', type: 'string', description: 'Email address' },
  { name: 'language', type: 'string', description: 'Preferred language code, e.g. en' },
  { name: 'timezone', type: 'string', description: 'IANA time zone' },
  { name: 'tags', type: 'list', description: 'Tags' },
  { name: 'marketing_opt_in', type: 'boolean', description: 'Accepts marketing messages' },
  { name: 'created_at', type: 'date', description: 'When Tandem first saw the contact' },
  { name: 'last_inbound_at', type: 'date', description: 'Last message the contact sent' },
  { name: 'window_open', type: 'boolean', description: '24-hour customer service window is open' },
  { name: 'window_expires_at', type: 'date', description: 'When the 24-hour window closes' },
  { name: 'free_entry_until', type: 'date', description: 'End of the 72-hour free entry point (Click-to-WhatsApp)' },
  { name: 'last_app_reply_at', type: 'date', description: 'Last reply a person sent from the Business App' },
];

/** Built-in fields a flow may change; the rest are kept by Tandem itself. */
export const writableContactFields: readonly string[] = ['first_name', 'last_name', 'email', 'language', 'timezone'];
