import { and, eq, sql } from 'drizzle-orm';
import { ConflictError, NotFoundError } from '@tandem/shared';
import type { MemberView, Role } from '@tandem/shared/api';
import type { Db } from '../db/database';
import { memberships, users, workspaces } from '../db/schema';
import { audit } from './audit';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const memberColumns = { id: users.id, email: users.email, name: users.name, instanceAdmin: users.instanceAdmin, role: memberships.role };

/** The people with access to a workspace, by email. */
export async function listMembers(db: Db, workspaceId: string): Promise<MemberView[]> {
  return db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(users.email);
}

/**
 * Gives a person a role in the workspace (adding them when they are not a member yet), audited as
 * `member.set` or `member.role`. Refuses (409) to demote the workspace's last admin; with
 * `onlyMembers`, 404 for someone who is not a member.
 */
export async function setMemberRole(
  db: Db,
  workspaceId: string,
  userId: string,
  role: Role,
  actor: string,
  options: { onlyMembers?: boolean } = {},
): Promise<MemberView> {
  return db.transaction(async (tx) => {
    const before = await lockMembership(tx, workspaceId, userId);
    if (!before && options.onlyMembers) throw new NotFoundError('Member');
    if (before === 'admin' && role !== 'admin') await refuseLastAdmin(tx, workspaceId, 'demote');
    await tx
      .insert(memberships)
      .values({ userId, workspaceId, role })
      .onConflictDoUpdate({ target: [memberships.userId, memberships.workspaceId], set: { role } });
    const member = await memberOf(tx, workspaceId, userId);
    if (!member) throw new NotFoundError('Member');
    await audit(tx, {
      workspaceId,
      actor,
      action: before ? 'member.role' : 'member.set',
      target: member.email,
      detail: before ? { from: before, to: role } : { role },
    });
    return member;
  });
}

/** Takes a member's access away at once (their sessions no longer reach the workspace); refuses (409) for the last admin. */
export async function removeMember(db: Db, workspaceId: string, userId: string, actor: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockMembership(tx, workspaceId, userId);
    if (!before) throw new NotFoundError('Member');
    if (before === 'admin') await refuseLastAdmin(tx, workspaceId, 'remove');
    const member = await memberOf(tx, workspaceId, userId);
    await tx.delete(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
    await audit(tx, { workspaceId, actor, action: 'member.remove', target: member?.email ?? userId, detail: { role: before } });
  });
}

/** Locks the workspace row (membership changes of one workspace happen one at a time) and reads the person's current role. */
async function lockMembership(tx: Tx, workspaceId: string, userId: string): Promise<Role | undefined> {
  const locked = await tx.execute(sql`SELECT id FROM ${workspaces} WHERE id = ${workspaceId} FOR UPDATE`);
  if (locked.rows.length === 0) throw new NotFoundError('Workspace');
  const [row] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return row?.role;
}

async function refuseLastAdmin(tx: Tx, workspaceId: string, what: 'demote' | 'remove'): Promise<void> {
  const [row] = await tx
    .select({ admins: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'admin')));
  if ((row?.admins ?? 0) > 1) return;
  throw new ConflictError(
    'last_admin',
    what === 'remove'
      ? 'This is the only admin of the workspace: make someone else an admin before removing them'
      : 'This is the only admin of the workspace: make someone else an admin before changing their role',
  );
}

async function memberOf(tx: Tx, workspaceId: string, userId: string): Promise<MemberView | undefined> {
  const [m] = await tx
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return m;
}
