import { z } from 'zod';
import { defineContent } from '../../defineContent';

export const buttonsContent = defineContent({
  kind: 'buttons',
  schema: z.object({
    kind: z.literal('buttons'),
    header: z.string().optional(),
    body: z.string(),
    footer: z.string().optional(),
    buttons: z.array(z.object({ id: z.string(), title: z.string() })),
  }),
  toCloud: (c) => ({
    type: 'interactive',
    interactive: {
      type: 'button',
      ...(c.header ? { header: { type: 'text', text: c.header } } : {}),
      body: { text: c.body },
      ...(c.footer ? { footer: { text: c.footer } } : {}),
      action: { buttons: c.buttons.map((b) => ({ type: 'reply', reply: { id: b.id, title: b.title } })) },
    },
  }),
  preview: (c) => c.body,
});
