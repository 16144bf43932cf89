import { z } from 'zod';

/**
 * Media that Meta fetches from a public http(s) URL. Tandem never uploads media, so `link` is the
 * only source; Meta caches a link for 10 minutes, so callers add a query string to force a refetch.
 */
export const mediaLinkSchema = z.strictObject({ link: z.httpUrl() });

export const captionedMediaSchema = mediaLinkSchema.extend({ caption: z.string().max(1024).optional() });

export const documentMediaSchema = captionedMediaSchema.extend({ filename: z.string().min(1).optional() });

export const documentLinkSchema = mediaLinkSchema.extend({ filename: z.string().min(1).optional() });
