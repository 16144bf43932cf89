import { z } from 'zod';
import { defineContent } from '../../defineContent';

export const listContent = defineContent({
  kind: 'list',
  schema: z.object({
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
  toCloud: (c) => ({
    type: 'interactive',
    interactive: {
      type: 'list',
      ...(c.header ? { header: { type: 'text', text: c.header } } : {}),
      body: { text: c.body },
      ...(c.footer ? { footer: { text: c.footer } } : {}),
      action: {
        button: c.buttonLabel,
        sections: c.sections.map((s) => ({
          ...(s.title ? { title: s.title } : {}),
          rows: s.rows.map((r) => ({ id: r.id, title: r.title, ...(r.description ? { description: r.description } : {}) })),
        })),
      },
    },
  }),
  preview: (c) => c.body,
});
