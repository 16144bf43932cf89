import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { NotFoundError } from '@tandem/shared';
import type { Role } from '@tandem/shared/api';
import type { Db } from '../db/database';
import { apiKeys } from '../db/schema';
import { randomToken, sha256 } from '../security/tokens';
import { audit } from './audit';
import { newId } from './ids';

type KeyRow = typeof apiKeys.$inferSelect;

/** How a key is recognised in lists without its secret: `tdm_<id>`. */
export const keyPrefix = (id: string) => `tdm_${id}`;

/** The workspace's keys that still work, newest first. */
export async function listApiKeys(db: Db, workspaceId: string): Promise<KeyRow[]> {
  return db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt)))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

/** Creates a key; only the SHA-256 of its secret is stored, so the full key is returned once. */
export async function createApiKey(db: Db, workspaceId: string, input: { name: string; role: Role }, actor: string): Promise<{ row: KeyRow; key: string }> {
  const id = newId('key');
  const secret = randomToken(24);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({ id, workspaceId, name: input.name, role: input.role, secretHash: sha256(secret) })
      .returning();
    await audit(tx, { workspaceId, actor, action: 'api_key.create', target: id, detail: { name: input.name, role: input.role } });
    return { row: row!, key: `${keyPrefix(id)}_${secret}` };
  });
}

/** Revokes a key: requests with it are refused from the next one on. */
export async function revokeApiKey(db: Db, workspaceId: string, keyId: string, actor: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiKeys.id, keyId), eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt)))
      .returning({ name: apiKeys.name });
    if (!row) throw new NotFoundError('API key');
    await audit(tx, { workspaceId, actor, action: 'api_key.revoke', target: keyId, detail: { name: row.name } });
  });
}
