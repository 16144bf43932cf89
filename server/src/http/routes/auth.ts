import type { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { endpoints } from '@tandem/shared/api';
import type { AppContext } from '../appContext';
import type { AppEnv } from '../app';
import { mountRoute } from '../mountRoute';
import { SESSION_COOKIE } from '../auth/caller';
import { dummyHash, hashPassword, verifyPassword } from '../../security/passwords';
import { AttemptLimiter } from '../../security/attemptLimiter';
import { randomToken, sha256 } from '../../security/tokens';
import { HttpError } from '../errors';
import { memberships, sessions, users, workspaces } from '../../db/schema';
import { findUserByEmail } from '../../services/users';
import { workspaceView } from '../../services/workspaceView';

const SESSION_DAYS = 14;
/** Wrong current passwords a person may give when changing it, per quarter hour. */
const PASSWORD_TRIES = 5;
const PASSWORD_WINDOW_MS = 15 * 60_000;
/** Wrong passwords an e-mail may be tried with at login, per quarter hour: then even the right one waits. */
const LOGIN_TRIES = 10;
const LOGIN_WINDOW_MS = 15 * 60_000;

const waitText = (ms: number) => `${Math.ceil(ms / 60_000)} minute${ms > 60_000 ? 's' : ''}`;

export function authRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  const { db } = ctx.database;

  const loginTries = new AttemptLimiter(LOGIN_TRIES, LOGIN_WINDOW_MS);
  mountRoute(app, ctx, endpoints.login, async ({ c, body }) => {
    // Counted per e-mail, known or not, so the answer does not tell which e-mails have an account.
    const key = body.email.trim().toLowerCase();
    const wait = loginTries.blocked(key);
    if (wait > 0) throw new HttpError(429, 'too_many_attempts', `Too many wrong passwords for this e-mail. Try again in ${waitText(wait)}.`);
    const user = await findUserByEmail(db, body.email);
    const valid = await verifyPassword(body.password, user?.passwordHash ?? dummyHash);
    if (!user || !valid) {
      loginTries.fail(key);
      throw new HttpError(401, 'invalid_credentials', 'Wrong email or password');
    }
    loginTries.succeed(key);
    const token = randomToken();
    const csrfToken = randomToken(18);
    await db.insert(sessions).values({ tokenHash: sha256(token), userId: user.id, csrfToken, expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000) });
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: new URL(c.req.url).protocol === 'https:',
      path: '/',
      maxAge: SESSION_DAYS * 86_400,
    });
    return { user: { id: user.id, email: user.email, name: user.name, instanceAdmin: user.instanceAdmin }, csrfToken };
  });

  const passwordTries = new AttemptLimiter(PASSWORD_TRIES, PASSWORD_WINDOW_MS);
  mountRoute(app, ctx, endpoints.changePassword, async ({ c, caller, body }) => {
    if (caller.kind !== 'user') throw new HttpError(403, 'people_only', 'Only a person signed in to the editor can change their password; API keys have none');
    const wait = passwordTries.blocked(caller.userId);
    if (wait > 0) {
      throw new HttpError(429, 'too_many_attempts', `Too many wrong passwords. Try again in ${waitText(wait)}.`);
    }
    const [user] = await db.select().from(users).where(eq(users.id, caller.userId));
    if (!(await verifyPassword(body.currentPassword, user?.passwordHash ?? dummyHash)) || !user) {
      passwordTries.fail(caller.userId);
      throw new HttpError(403, 'wrong_password', 'Your current password is not right', [
        { path: ['currentPassword'], message: 'This is not your current password' },
      ]);
    }
    passwordTries.succeed(caller.userId);
    if (body.newPassword === body.currentPassword) {
      throw new HttpError(422, 'same_password', 'The new password is the same as the current one', [
        { path: ['newPassword'], message: 'Choose a different password' },
      ]);
    }
    const current = sha256(getCookie(c, SESSION_COOKIE) ?? '');
    const passwordHash = await hashPassword(body.newPassword);
    const ended = await db.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
      return tx
        .delete(sessions)
        .where(and(eq(sessions.userId, user.id), ne(sessions.tokenHash, current)))
        .returning({ userId: sessions.userId });
    });
    c.get('log')?.info({ userId: user.id, otherSessionsEnded: ended.length }, 'password changed');
    return { ok: true as const, otherSessionsEnded: ended.length };
  });

  mountRoute(app, ctx, endpoints.logout, async ({ c }) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  mountRoute(app, ctx, endpoints.me, async ({ caller }) => {
    const list = await visibleWorkspaces(ctx, caller);
    if (caller.kind === 'user') {
      const [user] = await db.select().from(users).where(eq(users.id, caller.userId));
      return {
        user: user ? { id: user.id, email: user.email, name: user.name, instanceAdmin: user.instanceAdmin } : null,
        apiKey: null,
        csrfToken: caller.csrfToken,
        workspaces: list,
      };
    }
    return { user: null, apiKey: caller.kind === 'key' ? { id: caller.keyId, workspaceId: caller.workspaceId } : null, csrfToken: null, workspaces: list };
  });
}

/** The workspaces a caller may use, with its role in each. */
export async function visibleWorkspaces(ctx: AppContext, caller: import('../auth/caller').Caller) {
  const { db } = ctx.database;
  if (caller.kind === 'admin' || (caller.kind === 'user' && caller.instanceAdmin)) {
    return (await db.select().from(workspaces).orderBy(workspaces.createdAt)).map((w) => workspaceView(w, 'admin'));
  }
  if (caller.kind === 'key') {
    return (await db.select().from(workspaces).where(eq(workspaces.id, caller.workspaceId))).map((w) => workspaceView(w, caller.role));
  }
  const roles = await db.select().from(memberships).where(eq(memberships.userId, caller.userId));
  if (roles.length === 0) return [];
  const rows = await db
    .select()
    .from(workspaces)
    .where(
      inArray(
        workspaces.id,
        roles.map((r) => r.workspaceId),
      ),
    )
    .orderBy(workspaces.createdAt);
  return rows.map((w) => workspaceView(w, roles.find((r) => r.workspaceId === w.id)!.role));
}
