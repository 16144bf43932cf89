import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import type { Db } from '../db/database';
import { users } from '../db/schema';
import type { SecretBox } from '../security/secretBox';
import { randomToken } from '../security/tokens';
import { createWorkspace } from './workspaces';
import { addMembership, createUser } from './users';
import { createFlow, publishFlow } from './flows';
import { upsertTemplate } from './templates';
import { demoTemplates } from './demo/demoTemplates';

const examplesDir = fileURLToPath(new URL('../../../engine/examples', import.meta.url));

export interface SeedResult {
  email: string;
  password: string;
  workspaceId: string;
}

/**
 * First start only (no users yet): an admin, and a sandbox "Demo shop" workspace with the
 * example journeys published and their templates, so the editor and simulator work at once.
 */
export async function seedIfEmpty(db: Db, secrets: SecretBox, admin: { email?: string; password?: string }): Promise<SeedResult | undefined> {
  const [{ n }] = (await db.select({ n: count() }).from(users)) as [{ n: number }];
  if (n > 0) return undefined;
  const email = (admin.email ?? 'admin@tandem.local').toLowerCase();
  const password = admin.password ?? randomToken(12);
  const userId = await createUser(db, { email, name: 'Admin', password, instanceAdmin: true });
  const workspaceId = await createWorkspace(db, secrets, { name: 'Demo shop', transport: 'sandbox', coexistence: true, displayPhoneNumber: '15550783881' });
  await addMembership(db, userId, workspaceId, 'admin');
  for (const t of demoTemplates) await upsertTemplate(db, workspaceId, t, 'sandbox');
  for (const file of readdirSync(examplesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const document = JSON.parse(readFileSync(join(examplesDir, file), 'utf8')) as Record<string, unknown>;
    const flowId = await createFlow(db, workspaceId, document);
    await publishFlow(db, workspaceId, flowId, 'Example journey');
  }
  return { email, password, workspaceId };
}
