import { z } from 'zod';
import { conversionEventNames } from '@tandem/shared';

const SEVEN_DAYS_S = 7 * 86_400;

/** One event of a Conversions API for Business Messaging request (facts §3). */
export const conversionEventSchema = z
  .object({
    event_name: z.enum(conversionEventNames),
    event_time: z.number().int().positive(),
    event_id: z.string().min(1).max(200).optional(),
    action_source: z.literal('business_messaging'),
    messaging_channel: z.literal('whatsapp'),
    user_data: z
      .object({
        whatsapp_business_account_id: z.string().regex(/^\d+$/, 'must be digits only'),
        ctwa_clid: z.string().min(1),
      })
      .strict(),
    custom_data: z
      .object({
        currency: z
          .string()
          .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')
          .optional(),
        value: z.number().finite().min(0).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type ConversionEvent = z.infer<typeof conversionEventSchema>;

/** The body of `POST /<dataset>/events`. */
export const conversionsRequestSchema = z.object({ data: z.array(conversionEventSchema).min(1).max(1_000), partner_agent: z.string().optional() }).strict();
export type ConversionsRequest = z.infer<typeof conversionsRequestSchema>;

export const conversionsResponseSchema = z.object({
  events_received: z.number().int(),
  messages: z.array(z.unknown()).optional(),
  fbtrace_id: z.string().optional(),
});

/** Whether an event of this time may still be sent at `now` (Meta refuses events older than 7 days). */
export function withinAttributionWindow(eventTimeS: number, now: Date): boolean {
  return now.getTime() / 1000 - eventTimeS <= SEVEN_DAYS_S;
}
