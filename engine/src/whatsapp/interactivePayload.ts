import { z } from 'zod';
import { declaredInteractiveSchemas } from '@tandem/nodes';
import { documentLinkSchema, mediaLinkSchema } from './mediaPayload';

// Parts first: the schema `interactiveSchema` at the end is built from them.
const footerSchema = z.strictObject({ text: z.string().min(1).max(60) });
const textHeaderSchema = z.strictObject({ type: z.literal('text'), text: z.string().min(1).max(60) });

const replyButtonSchema = z.strictObject({
  type: z.literal('reply'),
  reply: z.strictObject({ id: z.string().min(1).max(256), title: z.string().min(1).max(20) }),
});

const buttonsSchema = z.strictObject({
  type: z.literal('button'),
  header: z
    .discriminatedUnion('type', [
      textHeaderSchema,
      z.strictObject({ type: z.literal('image'), image: mediaLinkSchema }),
      z.strictObject({ type: z.literal('video'), video: mediaLinkSchema }),
      z.strictObject({ type: z.literal('document'), document: documentLinkSchema }),
    ])
    .optional(),
  body: z.strictObject({ text: z.string().min(1).max(1024) }),
  footer: footerSchema.optional(),
  action: z.strictObject({
    buttons: z
      .array(replyButtonSchema)
      .min(1)
      .max(3)
      .superRefine((buttons, ctx) => {
        // Meta requires unique titles; unique ids keep Tandem's reply routing unambiguous.
        flagDuplicates(
          buttons.map((b) => b.reply.title),
          (i) => [i, 'reply', 'title'],
          'button titles must be unique',
          ctx,
        );
        flagDuplicates(
          buttons.map((b) => b.reply.id),
          (i) => [i, 'reply', 'id'],
          'button ids must be unique',
          ctx,
        );
      }),
  }),
});

const rowSchema = z.strictObject({
  id: z.string().min(1).max(200),
  title: z.string().min(1).max(24),
  description: z.string().max(72).optional(),
});

const sectionSchema = z.strictObject({
  title: z.string().min(1).max(24).optional(),
  rows: z.array(rowSchema).min(1).max(10),
});

const listSchema = z.strictObject({
  type: z.literal('list'),
  header: textHeaderSchema.optional(),
  body: z.strictObject({ text: z.string().min(1).max(4096) }),
  footer: footerSchema.optional(),
  action: z.strictObject({
    button: z.string().min(1).max(20),
    sections: z
      .array(sectionSchema)
      .min(1)
      .max(10)
      .superRefine((sections, ctx) => {
        const rows = sections.flatMap((s, si) => s.rows.map((r, ri) => ({ id: r.id, path: [si, 'rows', ri, 'id'] })));
        if (rows.length > 10) {
          ctx.addIssue({ code: 'custom', message: `a list holds at most 10 rows across all sections, got ${rows.length}` });
        }
        if (sections.length > 1) {
          sections.forEach((s, i) => {
            if (s.title === undefined) ctx.addIssue({ code: 'custom', path: [i, 'title'], message: 'each section needs a title when there are several' });
          });
        }
        flagDuplicates(
          rows.map((r) => r.id),
          (i) => rows[i]?.path ?? [],
          'row ids must be unique',
          ctx,
        );
      }),
  }),
});

/**
 * The `interactive` object of a reply-buttons or list message, with Meta's limits (facts §3.3, §3.4),
 * or of an interactive type a node's content kind declares (a Flow message).
 */
export const interactiveSchema = z.discriminatedUnion('type', [buttonsSchema, listSchema, ...declaredInteractiveSchemas()] as unknown as [
  typeof buttonsSchema,
  typeof listSchema,
]);
export type Interactive = z.infer<typeof interactiveSchema>;

function flagDuplicates(values: string[], pathOf: (index: number) => PropertyKey[], message: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) ctx.addIssue({ code: 'custom', path: pathOf(i), message: `${message}: "${value}" repeats` });
    seen.add(value);
  });
}
