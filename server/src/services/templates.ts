import { sql } from 'drizzle-orm';
import type { TemplateInfo } from '@tandem/shared';
import type { Db } from '../db/database';
import { templates } from '../db/schema';

/** Adds or updates a template of a workspace. */
export async function upsertTemplate(db: Db, workspaceId: string, t: TemplateInfo, source: 'sandbox' | 'meta'): Promise<number> {
  const [row] = await db
    .insert(templates)
    .values({ workspaceId, name: t.name, language: t.language, category: t.category, status: t.status, info: t, source })
    .onConflictDoUpdate({
      target: [templates.workspaceId, templates.name, templates.language],
      set: { category: t.category, status: t.status, info: t, source, updatedAt: sql`now()` },
    })
    .returning({ id: templates.id });
  return row!.id;
}
