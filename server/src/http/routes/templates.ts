import type { Hono } from 'hono';
import { and, asc, eq } from 'drizzle-orm';
import { ConfigurationError } from '@tandem/shared';
import { endpoints } from '@tandem/shared/api';
import type { AppContext } from '../appContext';
import type { AppEnv } from '../app';
import { mountRoute } from '../mountRoute';
import { HttpError, notFound } from '../errors';
import { templates, workspaces } from '../../db/schema';
import { upsertTemplate } from '../../services/templates';
import { templateView } from '../../services/templateView';
import { templateKey, templateUsage } from '../../services/templateUsage';
import { syncTemplates } from '../../services/syncTemplates';
import { placeholders } from '../../services/metaTemplateInfo';

export function templateRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  const { db } = ctx.database;
  const load = async (id: string) => {
    const [w] = await db.select().from(workspaces).where(eq(workspaces.id, id));
    if (!w) throw notFound('Workspace');
    return w;
  };

  mountRoute(app, ctx, endpoints.listTemplates, async ({ params }) => {
    const rows = await db.select().from(templates).where(eq(templates.workspaceId, params.workspaceId)).orderBy(asc(templates.name), asc(templates.language));
    const uses = await templateUsage(db, params.workspaceId);
    return { templates: rows.map((t) => templateView(t, uses.get(templateKey(t)))) };
  });

  mountRoute(app, ctx, endpoints.createTemplate, async ({ params, body }) => {
    const w = await load(params.workspaceId);
    if (w.transport !== 'sandbox') throw new HttpError(409, 'not_sandbox', 'Create templates in WhatsApp Manager, then sync');
    // The parameters follow the text when only the text is given; when both are given they must agree.
    const inText = body.text ? placeholders(body.text.body) : [];
    const ordered = body.parameterFormat === 'named' ? inText : [...inText].sort((a, b) => Number(a) - Number(b));
    if (body.text && body.bodyParameters.length && ordered.join() !== body.bodyParameters.join()) {
      throw new HttpError(400, 'invalid_input', 'The body text and bodyParameters disagree', [
        { path: ['bodyParameters'], message: `The body text has the parameters [${ordered.join(', ')}]` },
      ]);
    }
    const id = await upsertTemplate(db, params.workspaceId, { ...body, bodyParameters: body.bodyParameters.length ? body.bodyParameters : ordered }, 'sandbox');
    const [row] = await db
      .select()
      .from(templates)
      .where(and(eq(templates.id, id), eq(templates.workspaceId, params.workspaceId)));
    return templateView(row!, (await templateUsage(db, params.workspaceId)).get(templateKey(row!)));
  });

  mountRoute(app, ctx, endpoints.syncTemplates, async ({ c, params }) => {
    const w = await load(params.workspaceId);
    if (w.transport === 'sandbox')
      throw new HttpError(409, 'not_cloud', 'A sandbox workspace has no WhatsApp Business Account; add its templates here instead');
    if (!w.wabaId || !w.accessToken) throw new ConfigurationError('Set the WhatsApp Business Account id and the access token first', [], 'not_connected');
    const graph = { baseUrl: ctx.env.WHATSAPP_API_BASE_URL, version: ctx.env.WHATSAPP_API_VERSION };
    const result = await syncTemplates(db, w.id, graph, w.wabaId, ctx.secrets.decrypt(w.accessToken));
    c.get('log').info({ workspaceId: w.id, synced: result.synced, skipped: result.skipped }, 'templates synced');
    return { synced: result.synced };
  });
}
