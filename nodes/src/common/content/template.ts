import { z } from 'zod';
import { defineContent } from '../../defineContent';

export const templateCategories = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;
export type TemplateCategory = (typeof templateCategories)[number];

const buttonSchema = z.discriminatedUnion('subType', [
  z.object({
    index: z.number().int(),
    subType: z.enum(['quick_reply', 'url', 'copy_code']),
    value: z.string(),
    optOut: z.boolean().optional(),
  }),
  /** A Flow button: opens a WhatsApp Flow; the token comes back in its reply (send-flow/FACTS.md). */
  z.object({
    index: z.number().int(),
    subType: z.literal('flow'),
    flowToken: z.string(),
    /** The Flow it opens, for Tandem's thread and simulator; Meta keeps it in the template and is not sent it. */
    flowId: z.string().optional(),
    flowActionData: z.record(z.string(), z.unknown()).optional(),
  }),
]);

export const templateContent = defineContent({
  kind: 'template',
  schema: z.object({
    kind: z.literal('template'),
    name: z.string(),
    language: z.string(),
    category: z.enum(templateCategories),
    header: z
      .discriminatedUnion('type', [
        z.object({ type: z.literal('text'), text: z.string() }),
        z.object({ type: z.enum(['image', 'video', 'document']), url: z.string() }),
      ])
      .optional(),
    body: z.array(z.object({ name: z.string().optional(), text: z.string() })),
    buttons: z.array(buttonSchema),
  }),
  toCloud(c) {
    const components: Record<string, unknown>[] = [];
    if (c.header) {
      components.push({
        type: 'header',
        parameters: [c.header.type === 'text' ? { type: 'text', text: c.header.text } : { type: c.header.type, [c.header.type]: { link: c.header.url } }],
      });
    }
    if (c.body.length) {
      components.push({ type: 'body', parameters: c.body.map((p) => ({ type: 'text', text: p.text, ...(p.name ? { parameter_name: p.name } : {}) })) });
    }
    for (const b of c.buttons) {
      const parameter =
        b.subType === 'flow'
          ? { type: 'action', action: { flow_token: b.flowToken, ...(b.flowActionData ? { flow_action_data: b.flowActionData } : {}) } }
          : b.subType === 'quick_reply'
            ? { type: 'payload', payload: b.value }
            : b.subType === 'copy_code'
              ? { type: 'coupon_code', coupon_code: b.value }
              : { type: 'text', text: b.value };
      components.push({ type: 'button', sub_type: b.subType, index: String(b.index), parameters: [parameter] });
    }
    return { type: 'template', template: { name: c.name, language: { code: c.language }, ...(components.length ? { components } : {}) } };
  },
  template: (c) => ({ name: c.name, language: c.language, category: c.category }),
  preview: (c) => `Template ${c.name}`,
});
