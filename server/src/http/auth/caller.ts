import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Role } from '@tandem/shared/api';
import type { Db } from '../../db/database';
import { apiKeys, memberships, sessions, users } from '../../db/schema';
import { parseApiKey, safeEqual, sha256 } from '../../security/tokens';

/** Who is calling: a logged-in person, a workspace API key, or the bootstrap admin key. */
export type Caller =
  | { kind: 'user'; userId: string; instanceAdmin: boolean; csrfToken: string; label: string }
  | { kind: 'key'; keyId: string; workspaceId: string; role: Role; label: string }
  | { kind: 'admin'; label: string };

export const SESSION_COOKIE = 'tandem_session';

/** Resolves the caller from `Authorization: Bearer …` or the session cookie; undefined when neither is valid. */
export async function resolveCaller(
  db: Db,
  input: { authorization?: string | undefined; sessionToken?: string | undefined; adminKey?: string | undefined },
): Promise<Caller | undefined> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(input.authorization ?? '')?.[1];
  if (bearer) {
    if (input.adminKey && safeEqual(bearer, input.adminKey)) return { kind: 'admin', label: 'admin key' };
    const parsed = parseApiKey(bearer);
    if (!parsed) return undefined;
    const [key] = await db
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.id, parsed.id), isNull(apiKeys.revokedAt)));
    if (!key || !sha256(parsed.secret).equals(key.secretHash)) return undefined;
    await db.update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.id, key.id));
    return { kind: 'key', keyId: key.id, workspaceId: key.workspaceId, role: key.role, label: `key ${key.name} (${key.id})` };
  }
  if (input.sessionToken) {
    const [row] = await db
      .select({ userId: sessions.userId, csrfToken: sessions.csrfToken, instanceAdmin: users.instanceAdmin, email: users.email })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.tokenHash, sha256(input.sessionToken)), gt(sessions.expiresAt, new Date())));
    if (row) return { kind: 'user', userId: row.userId, instanceAdmin: row.instanceAdmin, csrfToken: row.csrfToken, label: row.email };
  }
  return undefined;
}

/** The caller's role in a workspace, or undefined when it has no access (answered as 404). */
export async function roleIn(db: Db, caller: Caller, workspaceId: string): Promise<Role | undefined> {
  if (caller.kind === 'admin') return 'admin';
  if (caller.kind === 'key') return caller.workspaceId === workspaceId ? caller.role : undefined;
  if (caller.instanceAdmin) return 'admin';
  const [m] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, caller.userId), eq(memberships.workspaceId, workspaceId)));
  return m?.role;
}
