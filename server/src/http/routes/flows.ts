import type { Hono } from 'hono';
import { and, asc, eq, sql } from 'drizzle-orm';
import { builtInContactFields } from '@tandem/shared';
import { endpoints } from '@tandem/shared/api';
import { validateFlow } from '@tandem/engine/compiler';
import type { AppContext } from '../appContext';
import type { AppEnv } from '../app';
import { mountRoute } from '../mountRoute';
import { HttpError, notFound } from '../errors';
import { roleIn } from '../auth/caller';
import { flowVersions, flows, templates, workspaces } from '../../db/schema';
import { audit } from '../../services/audit';
import { newFlowSettings } from '../../services/workspaces';
import { assertWithinBudget } from '../../services/costEstimate';
import { assertFlowShaped, createFlow, emptyDocument, flowDetail, listFlows, loadFlowRow, publishFlow, saveDraft } from '../../services/flows';
import { validationContext, workspaceTemplates } from '../../services/flowContext';
import { versionDiff } from '../../services/versionDiff';
import { applyCloneMapping, countMentions, referencesOf } from '../../services/cloneFlow';
import { scheduleBroadcasts } from '../../broadcasts/scheduleBroadcasts';

export function flowRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  const { db } = ctx.database;
  const validation = (result: ReturnType<typeof validateFlow>) => ({ ok: result.ok, diagnostics: result.diagnostics, windowProofs: result.windowProofs });

  mountRoute(app, ctx, endpoints.listFlows, async ({ params, query }) => ({ flows: await listFlows(db, params.workspaceId, query.search) }));

  mountRoute(app, ctx, endpoints.createFlow, async ({ params, body }) => {
    const document = body.document ?? emptyDocument(body.name ?? 'Untitled flow');
    // The workspace's default time zone and quiet hours, unless the document sets its own.
    const [w] = await db.select({ settings: workspaces.settings }).from(workspaces).where(eq(workspaces.id, params.workspaceId));
    const own = typeof document.settings === 'object' && document.settings !== null ? document.settings : {};
    const withDefaults = { ...document, settings: { ...newFlowSettings(w?.settings), ...own } };
    const id = await createFlow(db, params.workspaceId, body.name ? { ...withDefaults, name: body.name } : withDefaults);
    return flowDetail(db, params.workspaceId, id);
  });

  mountRoute(app, ctx, endpoints.getFlow, async ({ params }) => flowDetail(db, params.workspaceId, params.flowId));

  mountRoute(app, ctx, endpoints.saveDraft, async ({ params, body }) => {
    await saveDraft(db, params.workspaceId, params.flowId, body.document);
    const { versions: _v, draft: _d, ...summary } = await flowDetail(db, params.workspaceId, params.flowId);
    return summary;
  });

  mountRoute(app, ctx, endpoints.deleteFlow, async ({ params, caller }) => {
    await loadFlowRow(db, params.workspaceId, params.flowId);
    await db.transaction(async (tx) => {
      await tx.update(flows).set({ archivedAt: sql`now()`, liveVersionId: null }).where(eq(flows.id, params.flowId));
      await scheduleBroadcasts(tx, params.flowId);
      await audit(tx, { workspaceId: params.workspaceId, actor: caller.label, action: 'flow.archive', target: params.flowId });
    });
    return { ok: true as const };
  });

  mountRoute(app, ctx, endpoints.validateFlow, async ({ params, body }) => {
    const flow = await loadFlowRow(db, params.workspaceId, params.flowId);
    return validation(validateFlow(body.document ?? flow.draft, await validationContext(db, params.workspaceId)));
  });

  mountRoute(app, ctx, endpoints.publishFlow, async ({ params, body, caller }) => {
    if (!body.confirmOverBudget) await assertWithinBudget(ctx.database.pool, params.workspaceId, params.flowId);
    const published = await publishFlow(db, params.workspaceId, params.flowId, body.note);
    await audit(db, {
      workspaceId: params.workspaceId,
      actor: caller.label,
      action: 'flow.publish',
      target: params.flowId,
      detail: { version: published.version, note: body.note },
    });
    return {
      id: published.versionId,
      version: published.version,
      note: body.note,
      createdAt: published.createdAt.toISOString(),
      live: true,
      diagnostics: published.diagnostics,
    };
  });

  mountRoute(app, ctx, endpoints.listVersions, async ({ params }) => {
    const flow = await loadFlowRow(db, params.workspaceId, params.flowId);
    const rows = await db
      .select()
      .from(flowVersions)
      .where(and(eq(flowVersions.flowId, flow.id), eq(flowVersions.test, false)))
      .orderBy(asc(flowVersions.version));
    const versions = rows.map((v, i) => ({
      id: v.id,
      version: v.version,
      note: v.note,
      createdAt: v.createdAt.toISOString(),
      live: v.id === flow.liveVersionId,
      diff: i === 0 ? null : versionDiff(rows[i - 1]!.document, v.document),
    }));
    return { versions: versions.reverse() };
  });

  mountRoute(app, ctx, endpoints.getVersion, async ({ params }) => {
    const flow = await loadFlowRow(db, params.workspaceId, params.flowId);
    const [v] = await db
      .select()
      .from(flowVersions)
      .where(and(eq(flowVersions.flowId, flow.id), eq(flowVersions.version, params.version), eq(flowVersions.test, false)));
    if (!v) throw notFound('Version');
    return { id: v.id, version: v.version, note: v.note, createdAt: v.createdAt.toISOString(), live: v.id === flow.liveVersionId, document: v.document };
  });

  mountRoute(app, ctx, endpoints.rollbackFlow, async ({ params, body, caller }) => {
    const flow = await loadFlowRow(db, params.workspaceId, params.flowId);
    const [v] = await db
      .select()
      .from(flowVersions)
      .where(and(eq(flowVersions.flowId, flow.id), eq(flowVersions.version, body.version), eq(flowVersions.test, false)));
    if (!v) throw notFound('Version');
    await db.transaction(async (tx) => {
      await tx.update(flows).set({ liveVersionId: v.id, testVersionId: null, draft: v.document, updatedAt: sql`now()` }).where(eq(flows.id, flow.id));
      await scheduleBroadcasts(tx, flow.id);
      await audit(tx, { workspaceId: params.workspaceId, actor: caller.label, action: 'flow.rollback', target: flow.id, detail: { version: v.version } });
    });
    return { id: v.id, version: v.version, note: v.note, createdAt: v.createdAt.toISOString(), live: true };
  });

  mountRoute(app, ctx, endpoints.duplicateFlow, async ({ params, body }) => {
    const flow = await loadFlowRow(db, params.workspaceId, params.flowId);
    const id = await createFlow(db, params.workspaceId, { ...flow.draft, name: body.name ?? `${flow.name} (copy)` });
    return flowDetail(db, params.workspaceId, id);
  });

  mountRoute(app, ctx, endpoints.exportFlow, async ({ c, params }) => {
    const flow = await loadFlowRow(db, params.workspaceId, params.flowId);
    c.header('Content-Disposition', `attachment; filename="${flow.name.replace(/[^\w.-]+/g, '-').toLowerCase() || 'flow'}.json"`);
    return flow.draft;
  });

  mountRoute(app, ctx, endpoints.importFlow, async ({ params, body }) => {
    assertFlowShaped(body.document);
    const id = await createFlow(db, params.workspaceId, body.document);
    return flowDetail(db, params.workspaceId, id);
  });

  const cloneTarget = async (caller: Parameters<typeof roleIn>[1], targetWorkspaceId: string, need: 'viewer' | 'editor') => {
    const role = await roleIn(db, caller, targetWorkspaceId);
    if (!role) throw notFound('Target workspace');
    if (need === 'editor' && role !== 'editor' && role !== 'admin')
      throw new HttpError(403, 'forbidden', 'Cloning needs the editor role in the target workspace');
  };

  mountRoute(app, ctx, endpoints.clonePreview, async ({ params, body, caller }) => {
    await cloneTarget(caller, body.targetWorkspaceId, 'viewer');
    const flow = await loadFlowRow(db, params.workspaceId, params.flowId);
    const refs = referencesOf(flow.draft);
    const targetTemplates = await db
      .select({ name: templates.name, language: templates.language, category: templates.category })
      .from(templates)
      .where(eq(templates.workspaceId, body.targetWorkspaceId));
    const [target] = await db
      .select({ settings: workspaces.settings, number: workspaces.displayPhoneNumber })
      .from(workspaces)
      .where(eq(workspaces.id, body.targetWorkspaceId));
    const [source] = await db.select({ number: workspaces.displayPhoneNumber }).from(workspaces).where(eq(workspaces.id, params.workspaceId));
    const digits = (n: string | null | undefined) => (n ? n.replace(/\D/g, '') || null : null);
    const sourceNumber = digits(source?.number);
    const known = new Set([
      ...builtInContactFields.map((f) => f.name),
      ...((target?.settings.attributes as { name: string }[] | undefined) ?? []).map((a) => a.name),
    ]);
    const flowNames = refs.flows.length ? await db.select({ id: flows.id, name: flows.name }).from(flows).where(eq(flows.workspaceId, params.workspaceId)) : [];
    return {
      templates: refs.templates.map((t) => ({ ...t, existsInTarget: targetTemplates.some((x) => x.name === t.name && x.language === t.language) })),
      attributes: refs.attributes.map((a) => ({ name: a, existsInTarget: known.has(a) })),
      flows: refs.flows.map((id) => ({ flowId: id, name: flowNames.find((f) => f.id === id)?.name ?? id })),
      targetTemplates: targetTemplates.map((t) => ({ name: t.name, language: t.language, category: t.category as 'MARKETING' | 'UTILITY' | 'AUTHENTICATION' })),
      number: {
        source: sourceNumber,
        target: digits(target?.number),
        mentions: sourceNumber && sourceNumber.length >= 5 ? countMentions(flow.draft, sourceNumber) : 0,
      },
    };
  });

  mountRoute(app, ctx, endpoints.cloneFlow, async ({ params, body, caller }) => {
    await cloneTarget(caller, body.targetWorkspaceId, 'editor');
    const flow = await loadFlowRow(db, params.workspaceId, params.flowId);
    const target = await validationContext(db, body.targetWorkspaceId);
    const sourceTemplates = await workspaceTemplates(db, params.workspaceId);
    const mapped = applyCloneMapping(flow.draft, {
      templates: body.templates,
      attributes: body.attributes,
      flows: body.flows,
      ...(target.templates ? { targetTemplates: target.templates } : {}),
      sourceTemplates,
      ...(body.number ? { number: body.number } : {}),
    });
    const id = await createFlow(db, body.targetWorkspaceId, { ...mapped, name: body.name ?? flow.name });
    const detail = await flowDetail(db, body.targetWorkspaceId, id);
    const result = validateFlow(detail.draft, target);
    await audit(db, {
      workspaceId: body.targetWorkspaceId,
      actor: caller.label,
      action: 'flow.clone',
      target: id,
      detail: { from: { workspaceId: params.workspaceId, flowId: params.flowId } },
    });
    await audit(db, {
      workspaceId: params.workspaceId,
      actor: caller.label,
      action: 'flow.clone_out',
      target: params.flowId,
      detail: { to: { workspaceId: body.targetWorkspaceId, flowId: id } },
    });
    return { flow: detail, validation: validation(result) };
  });
}
