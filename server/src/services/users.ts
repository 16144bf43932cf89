import { eq } from 'drizzle-orm';
import type { Db } from '../db/database';
import { memberships, users } from '../db/schema';
import { hashPassword } from '../security/passwords';
import { newId } from './ids';

export async function createUser(db: Db, input: { email: string; name: string; password: string; instanceAdmin?: boolean }): Promise<string> {
  const id = newId('usr');
  await db.insert(users).values({
    id,
    email: input.email.toLowerCase(),
    name: input.name,
    passwordHash: await hashPassword(input.password),
    instanceAdmin: input.instanceAdmin ?? false,
  });
  return id;
}

export async function addMembership(db: Db, userId: string, workspaceId: string, role: 'viewer' | 'agent' | 'editor' | 'admin'): Promise<void> {
  await db
    .insert(memberships)
    .values({ userId, workspaceId, role })
    .onConflictDoUpdate({ target: [memberships.userId, memberships.workspaceId], set: { role } });
}

export async function findUserByEmail(db: Db, email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return user;
}
