import { z } from 'zod';
import { defineContent } from '../../defineContent';

export const mediaContent = defineContent({
  kind: 'media',
  schema: z.object({
    kind: z.literal('media'),
    mediaType: z.enum(['image', 'video', 'document', 'audio']),
    url: z.string(),
    caption: z.string().optional(),
    filename: z.string().optional(),
  }),
  toCloud: (c) => ({
    type: c.mediaType,
    [c.mediaType]: {
      link: c.url,
      ...(c.caption && c.mediaType !== 'audio' ? { caption: c.caption } : {}),
      ...(c.filename && c.mediaType === 'document' ? { filename: c.filename } : {}),
    },
  }),
  preview: (c) => c.caption ?? `[${c.mediaType}]`,
});
