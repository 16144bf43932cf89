import type { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { endpoints } from '@tandem/shared/api';
import type { AppContext } from '../appContext';
import type { AppEnv } from '../app';
import { mountRoute } from '../mountRoute';
import { HttpError, notFound } from '../errors';
import { workspaces } from '../../db/schema';
import { createWorkspace, releaseHeldSends } from '../../services/workspaces';
import { workspaceView } from '../../services/workspaceView';
import { addMembership, createUser, findUserByEmail } from '../../services/users';
import { listMembers, removeMember, setMemberRole } from '../../services/workspaceMembers';
import { testConnection } from '../../services/workspaceConnection';
import { audit } from '../../services/audit';
import { randomToken } from '../../security/tokens';
import { visibleWorkspaces } from './auth';

export function workspaceRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  const { db } = ctx.database;
  const load = async (id: string) => {
    const [w] = await db.select().from(workspaces).where(eq(workspaces.id, id));
    if (!w) throw notFound('Workspace');
    return w;
  };

  mountRoute(app, ctx, endpoints.listWorkspaces, async ({ caller }) => ({ workspaces: await visibleWorkspaces(ctx, caller) }));

  mountRoute(app, ctx, endpoints.createWorkspace, async ({ caller, body }) => {
    if (caller.kind === 'key') throw new HttpError(403, 'forbidden', 'API keys belong to one workspace and cannot create others');
    const id = await createWorkspace(db, ctx.secrets, { ...body, ...(body.settings ? { settings: body.settings } : {}) });
    if (caller.kind === 'user') await addMembership(db, caller.userId, id, 'admin');
    await audit(db, { workspaceId: id, actor: caller.label, action: 'workspace.create', target: id });
    return workspaceView(await load(id), 'admin');
  });

  mountRoute(app, ctx, endpoints.getWorkspace, async ({ params, role }) => workspaceView(await load(params.workspaceId), role!));

  mountRoute(app, ctx, endpoints.updateWorkspace, async ({ params, body, caller, role }) => {
    const current = await load(params.workspaceId);
    const { accessToken, resumeSends, settings, ...rest } = body;
    if (rest.phoneNumberId && rest.phoneNumberId !== current.phoneNumberId) {
      const [taken] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.phoneNumberId, rest.phoneNumberId));
      if (taken) throw new HttpError(409, 'number_in_use', 'Another workspace is already connected to this phone number ID');
    }
    await db.transaction(async (tx) => {
      await tx
        .update(workspaces)
        .set({
          ...rest,
          ...(accessToken ? { accessToken: ctx.secrets.encrypt(accessToken), transport: rest.transport ?? 'cloud' } : {}),
          ...(settings ? { settings: { ...current.settings, ...settings } } : {}),
          ...(resumeSends ? { sendsPausedReason: null, sendsPausedAt: null } : {}),
        })
        .where(eq(workspaces.id, params.workspaceId));
      if (resumeSends) await releaseHeldSends(tx, params.workspaceId);
      await audit(tx, { workspaceId: params.workspaceId, actor: caller.label, action: updateAction(body), detail: { changed: Object.keys(body) } });
    });
    return workspaceView(await load(params.workspaceId), role!);
  });

  mountRoute(app, ctx, endpoints.hookSecret, async ({ c, params }) => {
    const w = await load(params.workspaceId);
    let secret = w.hookSecret ? ctx.secrets.decrypt(w.hookSecret) : undefined;
    if (!secret) {
      secret = randomToken(32);
      await db
        .update(workspaces)
        .set({ hookSecret: ctx.secrets.encrypt(secret) })
        .where(eq(workspaces.id, w.id));
    }
    return { secret, url: new URL(`/hooks/${w.id}/events`, c.req.url).toString() };
  });

  mountRoute(app, ctx, endpoints.listMembers, async ({ params }) => ({ members: await listMembers(db, params.workspaceId) }));

  mountRoute(app, ctx, endpoints.addMember, async ({ params, body, caller }) => {
    let user = await findUserByEmail(db, body.email);
    const created = !user;
    if (!user) {
      if (!body.password)
        throw new HttpError(422, 'password_required', 'This person has no Tandem login yet: give them a first password (at least 10 characters)');
      await createUser(db, { email: body.email, name: body.name?.trim() || body.email.split('@')[0]!, password: body.password });
      user = (await findUserByEmail(db, body.email))!;
    }
    return { ...(await setMemberRole(db, params.workspaceId, user.id, body.role, caller.label)), created };
  });

  mountRoute(app, ctx, endpoints.updateMember, async ({ params, body, caller }) =>
    setMemberRole(db, params.workspaceId, params.userId, body.role, caller.label, { onlyMembers: true }),
  );

  mountRoute(app, ctx, endpoints.removeMember, async ({ params, caller }) => {
    await removeMember(db, params.workspaceId, params.userId, caller.label);
    return { ok: true as const };
  });

  mountRoute(app, ctx, endpoints.webhookSetup, async ({ c }) => ({
    url: new URL('/webhooks/whatsapp', c.req.url).toString(),
    verifyToken: ctx.env.WHATSAPP_VERIFY_TOKEN ?? null,
    appSecretSet: ctx.env.WHATSAPP_APP_SECRET !== undefined,
  }));

  mountRoute(app, ctx, endpoints.testConnection, async ({ params }) => {
    const w = await load(params.workspaceId);
    return testConnection(
      { baseUrl: ctx.env.WHATSAPP_API_BASE_URL, version: ctx.env.WHATSAPP_API_VERSION },
      { phoneNumberId: w.phoneNumberId, accessToken: w.accessToken ? ctx.secrets.decrypt(w.accessToken) : null, displayPhoneNumber: w.displayPhoneNumber },
    );
  });
}

const connectionKeys = ['transport', 'phoneNumberId', 'displayPhoneNumber', 'wabaId', 'coexistence', 'throughputMps'];

/** How a workspace change is named in the audit log. */
function updateAction(body: Record<string, unknown>): string {
  if (body.accessToken) return 'workspace.credentials';
  if (body.resumeSends) return 'workspace.resume_sends';
  if (connectionKeys.some((k) => k in body)) return 'workspace.connection';
  if (body.settings) return 'workspace.settings';
  return 'workspace.update';
}
