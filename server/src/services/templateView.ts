import { templateInfoSchema } from '@tandem/shared';
import type { templateSchema } from '@tandem/shared/api';
import type { z } from 'zod';
import type { templates } from '../db/schema';

type TemplateUses = NonNullable<z.infer<typeof templateSchema>['usedBy']>;

/** A stored template as the API shows it; the columns win over the stored info (status webhooks update them). */
export function templateView(t: typeof templates.$inferSelect, usedBy: TemplateUses = []): z.infer<typeof templateSchema> {
  const info = templateInfoSchema.parse({ ...t.info, name: t.name, language: t.language, category: t.category, status: t.status });
  return {
    ...info,
    id: t.id,
    source: t.source,
    updatedAt: t.updatedAt.toISOString(),
    quality: text(t.info.quality),
    rejectedReason: text(t.info.rejectedReason),
    usedBy,
  };
}

/** Meta's extras are stored beside the info; anything but a non-empty string (or Meta's "NONE") reads as none. */
const text = (v: unknown) => (typeof v === 'string' && v.trim() && v !== 'NONE' ? v : null);
