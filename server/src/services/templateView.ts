import { templateInfoSchema } from '@tandem/shared';
import type { templateSchema } from '@tandem/shared/api';
import type { z } from 'zod';
import type { templates } from '../db/schema';

/** A stored template as the API shows it; the columns win over the stored info (status webhooks update them). */
export function templateView(t: typeof templates.$inferSelect): z.infer<typeof templateSchema> {
  const info = templateInfoSchema.parse({ ...t.info, name: t.name, language: t.language, category: t.category, status: t.status });
  return { ...info, id: t.id, source: t.source, updatedAt: t.updatedAt.toISOString() };
}
