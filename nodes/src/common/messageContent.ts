import { z } from 'zod';
import { portIdSchema } from '@tandem/shared';
import { field, tag } from '../form';
import { metaLimits as L } from './limits';

const max = (n: number, what: string) => `${what} can be at most ${n} characters (WhatsApp limit)`;

/** Text with `{{ }}` placeholders, limited before placeholders are filled in. */
export function templateText(label: string, limit: number, options: { help?: string; required?: string } = {}) {
  let schema = z.string().max(limit, max(limit, label));
  if (options.required) schema = schema.refine((s) => s.trim().length > 0, options.required) as unknown as typeof schema;
  return field(schema, { label, widget: 'template', limit, ...(options.help ? { help: options.help } : {}) });
}

const optionalLine = (label: string, limit: number) => templateText(label, limit).optional();

export const replyButtonSchema = z.object({
  id: field(portIdSchema, { label: 'Id', help: 'Sent back by WhatsApp when tapped; names the output' }),
  title: field(z.string().trim().min(1, 'Give the button a title').max(L.buttonTitle, max(L.buttonTitle, 'A button title')), {
    label: 'Title',
    widget: 'text',
    limit: L.buttonTitle,
  }),
});
export type ReplyButton = z.infer<typeof replyButtonSchema>;

export const listRowSchema = z.object({
  id: field(portIdSchema, { label: 'Id' }),
  title: field(z.string().trim().min(1, 'Give the row a title').max(L.rowTitle, max(L.rowTitle, 'A row title')), {
    label: 'Title',
    limit: L.rowTitle,
  }),
  description: field(z.string().max(L.rowDescription, max(L.rowDescription, 'A row description')), {
    label: 'Description',
    limit: L.rowDescription,
  }).optional(),
});
export type ListRow = z.infer<typeof listRowSchema>;

export const listSectionSchema = z.object({
  title: field(z.string().max(L.sectionTitle, max(L.sectionTitle, 'A section title')), {
    label: 'Section title',
    limit: L.sectionTitle,
  }).optional(),
  rows: field(z.array(listRowSchema).min(1, 'A section needs at least one row'), { label: 'Rows', widget: 'list' }),
});

function uniqueBy<T>(items: readonly T[], key: (t: T) => string): number | undefined {
  const seen = new Set<string>();
  for (const [i, item] of items.entries()) {
    const k = key(item);
    if (seen.has(k)) return i;
    seen.add(k);
  }
  return undefined;
}

export const textContentSchema = z.object({
  kind: tag('text', 'Message type', { label: 'Text', help: 'A text message, with a link preview if you like' }),
  text: templateText('Text', L.textBody, { required: 'Write the message' }),
  previewUrl: field(z.boolean().default(false), { label: 'Show link preview', widget: 'toggle' }),
});

export const mediaContentSchema = z
  .object({
    kind: tag('media', 'Message type', { label: 'Image, video or file', help: 'A picture, video, document or voice note from a link' }),
    mediaType: field(z.enum(['image', 'video', 'document', 'audio']).default('image'), { label: 'Media type', widget: 'select' }),
    url: field(z.string().min(1, 'Give the media URL').max(2_000), {
      label: 'Media URL',
      widget: 'template',
      help: 'Public https URL of the file',
    }),
    caption: optionalLine('Caption', L.caption),
    filename: field(z.string().max(240), { label: 'File name', help: 'Shown for documents' }).optional(),
  })
  .refine((m) => m.mediaType !== 'audio' || !m.caption, { path: ['caption'], message: 'WhatsApp shows no caption on audio' });

export const buttonsContentSchema = z
  .object({
    kind: tag('buttons', 'Message type', { label: 'Reply buttons', help: 'A message with up to 3 buttons to tap' }),
    header: optionalLine('Header', L.header),
    body: templateText('Body', L.buttonsBody, { required: 'Write the message' }),
    footer: optionalLine('Footer', L.footer),
    buttons: field(z.array(replyButtonSchema).min(1, 'Add at least one button').max(L.buttonsMax, `WhatsApp allows at most ${L.buttonsMax} reply buttons`), {
      label: 'Buttons',
      widget: 'list',
      limit: L.buttonsMax,
    }),
  })
  .superRefine((c, ctx) => {
    const dupTitle = uniqueBy(c.buttons, (b) => b.title.trim().toLowerCase());
    if (dupTitle !== undefined) ctx.addIssue({ code: 'custom', path: ['buttons', dupTitle, 'title'], message: 'Button titles must be different' });
    const dupId = uniqueBy(c.buttons, (b) => b.id);
    if (dupId !== undefined) ctx.addIssue({ code: 'custom', path: ['buttons', dupId, 'id'], message: 'Button ids must be different' });
  });

export const listContentSchema = z
  .object({
    kind: tag('list', 'Message type', { label: 'List', help: 'A menu of up to 10 choices behind one button' }),
    header: optionalLine('Header', L.header),
    body: templateText('Body', L.listBody, { required: 'Write the message' }),
    footer: optionalLine('Footer', L.footer),
    buttonLabel: field(z.string().trim().min(1, 'Label the list button').max(L.listButtonLabel, max(L.listButtonLabel, 'The list button label')), {
      label: 'List button label',
      limit: L.listButtonLabel,
    }),
    sections: field(z.array(listSectionSchema).min(1).max(L.listSectionsMax, `WhatsApp allows at most ${L.listSectionsMax} sections`), {
      label: 'Sections',
      widget: 'list',
    }),
  })
  .superRefine((c, ctx) => {
    const rows = c.sections.flatMap((s) => s.rows);
    if (rows.length > L.listRowsMax) {
      ctx.addIssue({ code: 'custom', path: ['sections'], message: `WhatsApp allows at most ${L.listRowsMax} rows in a list (this one has ${rows.length})` });
    }
    if (c.sections.length > 1) {
      c.sections.forEach((s, i) => {
        if (!s.title?.trim()) ctx.addIssue({ code: 'custom', path: ['sections', i, 'title'], message: 'Each section needs a title when there are several' });
      });
    }
    const dupId = uniqueBy(rows, (r) => r.id);
    if (dupId !== undefined) ctx.addIssue({ code: 'custom', path: ['sections'], message: `Row ids must be different ("${rows[dupId]?.id}" is used twice)` });
    const dupTitle = uniqueBy(rows, (r) => r.title.trim().toLowerCase());
    if (dupTitle !== undefined)
      ctx.addIssue({ code: 'custom', path: ['sections'], message: `Row titles must be different ("${rows[dupTitle]?.title}" is used twice)` });
  });

/** A free-form WhatsApp message: text, media, reply buttons or a list. */
export const messageContentSchema = z.discriminatedUnion('kind', [textContentSchema, mediaContentSchema, buttonsContentSchema, listContentSchema]);
export type MessageContent = z.infer<typeof messageContentSchema>;

/** The choices a message offers: its buttons or list rows. */
export function choicesOf(content: { kind: string } & Partial<{ buttons: ReplyButton[]; sections: { rows: ListRow[] }[] }>): { id: string; label: string }[] {
  if (content.kind === 'buttons') return (content.buttons ?? []).map((b) => ({ id: b.id, label: b.title }));
  if (content.kind === 'list') return (content.sections ?? []).flatMap((s) => s.rows.map((r) => ({ id: r.id, label: r.title })));
  return [];
}
