import { z } from 'zod';

/**
 * A message Tandem sends, after placeholders are filled in: what the thread shows, what the
 * simulator renders, and what the WhatsApp transport turns into a Cloud API request.
 */
export const outboundContentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string(), previewUrl: z.boolean().default(false) }),
  z.object({
    kind: z.literal('media'),
    mediaType: z.enum(['image', 'video', 'document', 'audio']),
    url: z.string(),
    caption: z.string().optional(),
    filename: z.string().optional(),
  }),
  z.object({
    kind: z.literal('buttons'),
    header: z.string().optional(),
    body: z.string(),
    footer: z.string().optional(),
    buttons: z.array(z.object({ id: z.string(), title: z.string() })),
  }),
  z.object({
    kind: z.literal('list'),
    header: z.string().optional(),
    body: z.string(),
    footer: z.string().optional(),
    buttonLabel: z.string(),
    sections: z.array(
      z.object({
        title: z.string().optional(),
        rows: z.array(z.object({ id: z.string(), title: z.string(), description: z.string().optional() })),
      }),
    ),
  }),
  z.object({
    kind: z.literal('template'),
    name: z.string(),
    language: z.string(),
    category: z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION']),
    header: z
      .discriminatedUnion('type', [
        z.object({ type: z.literal('text'), text: z.string() }),
        z.object({ type: z.enum(['image', 'video', 'document']), url: z.string() }),
      ])
      .optional(),
    body: z.array(z.object({ name: z.string().optional(), text: z.string() })),
    buttons: z.array(
      z.object({ index: z.number().int(), subType: z.enum(['quick_reply', 'url', 'copy_code']), value: z.string(), optOut: z.boolean().optional() }),
    ),
  }),
]);
export type OutboundContent = z.infer<typeof outboundContentSchema>;
