import { and, eq, isNull } from 'drizzle-orm';
import type { templateSchema } from '@tandem/shared/api';
import type { z } from 'zod';
import type { Db } from '../db/database';
import { flows, flowVersions } from '../db/schema';
import { referencesOf } from './cloneFlow';

type TemplateUse = NonNullable<z.infer<typeof templateSchema>['usedBy']>[number];

/**
 * Which flows of a workspace send each template, keyed `name|language`: read from each flow's
 * draft and from its live version (the one contacts enter now), through the nodes' own clone
 * hooks, so no node type is named here. Archived flows are left out.
 */
export async function templateUsage(db: Db, workspaceId: string): Promise<Map<string, TemplateUse[]>> {
  const rows = await db
    .select({ id: flows.id, name: flows.name, draft: flows.draft, live: flowVersions.document })
    .from(flows)
    .leftJoin(flowVersions, eq(flowVersions.id, flows.liveVersionId))
    .where(and(eq(flows.workspaceId, workspaceId), isNull(flows.archivedAt)));
  const uses = new Map<string, TemplateUse[]>();
  for (const flow of rows.sort((a, b) => a.name.localeCompare(b.name))) {
    const inDraft = new Set(referencesOf(flow.draft).templates.map(templateKey));
    const inLive = new Set(flow.live ? referencesOf(flow.live).templates.map(templateKey) : []);
    for (const key of new Set([...inDraft, ...inLive])) {
      const where = inDraft.has(key) && inLive.has(key) ? 'both' : inDraft.has(key) ? 'draft' : 'live';
      uses.set(key, [...(uses.get(key) ?? []), { flowId: flow.id, flowName: flow.name, where }]);
    }
  }
  return uses;
}

/** The key templateUsage files a template under. */
export const templateKey = (t: { name: string; language: string }) => `${t.name}|${t.language}`;
