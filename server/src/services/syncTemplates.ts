import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ProviderRejectedError, TransientError, type TemplateInfo } from '@tandem/shared';
import { readCloudApiError } from '@tandem/engine/whatsapp';
import type { Db } from '../db/database';
import { templates } from '../db/schema';
import { metaTemplateInfo, metaTemplateSchema } from './metaTemplateInfo';

export interface GraphApi {
  baseUrl: string;
  version: string;
  fetch?: typeof fetch;
}

const FIELDS = 'name,status,category,language,components,parameter_format,quality_score,rejected_reason';
const MAX_PAGES = 100;
const TIMEOUT_MS = 15_000;

const pageSchema = z.object({ data: z.array(z.unknown()), paging: z.object({ next: z.string().optional() }).optional() });

/**
 * Fetches every template of a WhatsApp Business Account and stores them as the workspace's
 * templates (source `meta`), in one transaction. Templates synced earlier that Meta no longer
 * lists are kept, marked DELETED, so flows using them are flagged instead of failing at send.
 * Meta refusing (bad token, unknown WABA) is a ProviderRejectedError carrying Meta's message.
 */
export async function syncTemplates(db: Db, workspaceId: string, graph: GraphApi, wabaId: string, token: string): Promise<{ synced: number; skipped: number }> {
  const listed = await fetchAllTemplates(graph, wabaId, token);
  const infos: (TemplateInfo & MetaExtras)[] = [];
  for (const raw of listed) {
    const parsed = metaTemplateSchema.safeParse(raw);
    const info = parsed.success ? metaTemplateInfo(parsed.data) : undefined;
    if (info) infos.push({ ...info, ...metaExtras(raw) });
  }
  await db.transaction(async (tx) => {
    if (infos.length) {
      await tx
        .insert(templates)
        .values(
          infos.map((t) => ({ workspaceId, name: t.name, language: t.language, category: t.category, status: t.status, info: t, source: 'meta' as const })),
        )
        .onConflictDoUpdate({
          target: [templates.workspaceId, templates.name, templates.language],
          set: {
            category: sql`excluded.category`,
            status: sql`excluded.status`,
            info: sql`excluded.info`,
            source: sql`excluded.source`,
            updatedAt: sql`now()`,
          },
        });
    }
    const seen = JSON.stringify(infos.map((t) => ({ name: t.name, language: t.language })));
    await tx
      .update(templates)
      .set({ status: 'DELETED', info: sql`jsonb_set(${templates.info}, '{status}', '"DELETED"')`, updatedAt: sql`now()` })
      .where(
        and(
          eq(templates.workspaceId, workspaceId),
          eq(templates.source, 'meta'),
          sql`${templates.status} <> 'DELETED'`,
          sql`NOT EXISTS (SELECT 1 FROM jsonb_to_recordset(${seen}::jsonb) AS s(name text, language text) WHERE s.name = ${templates.name} AND s.language = ${templates.language})`,
        ),
      );
  });
  return { synced: infos.length, skipped: listed.length - infos.length };
}

/** What the templates screen shows beside the info: Meta's quality rating and why it rejected a template. */
type MetaExtras = { quality?: string; rejectedReason?: string };
const extrasSchema = z.looseObject({ quality_score: z.looseObject({ score: z.string() }).optional(), rejected_reason: z.string().optional() });
function metaExtras(raw: unknown): MetaExtras {
  const parsed = extrasSchema.safeParse(raw);
  if (!parsed.success) return {};
  const { quality_score: quality, rejected_reason: reason } = parsed.data;
  return { ...(quality ? { quality: quality.score } : {}), ...(reason ? { rejectedReason: reason } : {}) };
}

/** Follows `paging.next`, only on the Graph API's own origin (the token must never go elsewhere). */
async function fetchAllTemplates(graph: GraphApi, wabaId: string, token: string): Promise<unknown[]> {
  const base = graph.baseUrl.replace(/\/+$/, '');
  const origin = new URL(base).origin;
  const doFetch = graph.fetch ?? globalThis.fetch;
  const out: unknown[] = [];
  let url: string | undefined = `${base}/${graph.version}/${encodeURIComponent(wabaId)}/message_templates?fields=${FIELDS}&limit=100`;
  for (let page = 0; url; page++) {
    if (page === MAX_PAGES) throw new ProviderRejectedError(-1, `WhatsApp listed more than ${MAX_PAGES} pages of templates; stopped`);
    if (new URL(url).origin !== origin) throw new ProviderRejectedError(-1, 'WhatsApp answered with a next page on another host; not followed');
    let response: Response;
    try {
      response = await doFetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      throw new TransientError('Could not reach WhatsApp to list the templates; try again', undefined, { cause: error });
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const e = readCloudApiError(response.status, body);
      const message =
        e.source === 'meta'
          ? `WhatsApp refused to list the templates: ${e.message}${e.details ? ` (${e.details})` : ''}`
          : `WhatsApp could not list the templates: ${e.message}`;
      throw new ProviderRejectedError(e.code, message.replaceAll(token, '***'));
    }
    const parsed = pageSchema.safeParse(body);
    if (!parsed.success) throw new ProviderRejectedError(-1, 'WhatsApp answered the template list in an unexpected shape');
    out.push(...parsed.data.data);
    url = parsed.data.paging?.next;
  }
  return out;
}
