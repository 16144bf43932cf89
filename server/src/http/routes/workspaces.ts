import type { Hono } from 'hono';
import { and, eq } from 'drizzle-orm';
import { endpoints } from '@tandem/shared/api';
import type { AppContext } from '../appContext';
import type { AppEnv } from '../app';
import { mountRoute } from '../mountRoute';
import { HttpError, notFound } from '../errors';
import { memberships, users, workspaces } from '../../db/schema';
import { createWorkspace, releaseHeldSends } from '../../services/workspaces';
import { workspaceView } from '../../services/workspaceView';
import { addMembership, createUser, findUserByEmail } from '../../services/users';
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
      if (accessToken || resumeSends) {
        await audit(tx, {
          workspaceId: params.workspaceId,
          actor: caller.label,
          action: accessToken ? 'workspace.credentials' : 'workspace.resume_sends',
          detail: { changed: Object.keys(body) },
        });
      }
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

  mountRoute(app, ctx, endpoints.listMembers, async ({ params }) => {
    const rows = await db
      .select({ id: users.id, email: users.email, name: users.name, instanceAdmin: users.instanceAdmin, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.workspaceId, params.workspaceId));
    return { members: rows };
  });

  mountRoute(app, ctx, endpoints.addMember, async ({ params, body, caller }) => {
    let user = await findUserByEmail(db, body.email);
    if (!user) {
      if (!body.password) throw new HttpError(422, 'password_required', 'This person has no account yet: give an initial password (at least 10 characters)');
      await createUser(db, { email: body.email, name: body.name ?? body.email.split('@')[0]!, password: body.password });
      user = (await findUserByEmail(db, body.email))!;
    }
    await addMembership(db, user.id, params.workspaceId, body.role);
    await audit(db, { workspaceId: params.workspaceId, actor: caller.label, action: 'member.set', target: user.email, detail: { role: body.role } });
    const [m] = await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, user.id), eq(memberships.workspaceId, params.workspaceId)));
    return { id: user.id, email: user.email, name: user.name, instanceAdmin: user.instanceAdmin, role: m!.role };
  });
}
