import { z } from 'zod';
import { defineContent } from '../../defineContent';

export const textContent = defineContent({
  kind: 'text',
  schema: z.object({ kind: z.literal('text'), text: z.string(), previewUrl: z.boolean().default(false) }),
  toCloud: (c) => ({ type: 'text', text: { body: c.text, preview_url: c.previewUrl } }),
  preview: (c) => c.text,
});
