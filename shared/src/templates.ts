import { z } from 'zod';

/** What the checker needs to know about an approved WhatsApp template. */
export const templateInfoSchema = z.object({
  name: z.string(),
  language: z.string(),
  category: z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION']),
  status: z.string().default('APPROVED'),
  /** Names of the body parameters (`["1","2"]` for positional templates). */
  bodyParameters: z.array(z.string()).default([]),
  parameterFormat: z.enum(['positional', 'named']).default('positional'),
  header: z.enum(['none', 'text', 'image', 'video', 'document', 'location']).default('none'),
  /** Whether the header text has a parameter. */
  headerHasParameter: z.boolean().default(false),
  buttons: z
    .array(
      z.object({
        type: z.enum(['QUICK_REPLY', 'URL', 'COPY_CODE', 'PHONE_NUMBER', 'OTP', 'FLOW', 'OTHER']),
        text: z.string(),
        dynamic: z.boolean().default(false),
        /** FLOW buttons: the WhatsApp Flow the button opens, as Meta stores it in the template. */
        flowId: z.string().optional(),
      }),
    )
    .default([]),
  /** The approved text, with {{1}} or {{name}} placeholders, to preview the message. */
  text: z.object({ header: z.string().optional(), body: z.string(), footer: z.string().optional() }).optional(),
});
export type TemplateInfo = z.infer<typeof templateInfoSchema>;
