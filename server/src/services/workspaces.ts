import { eq, sql } from 'drizzle-orm';
import type { QuietHours } from '@tandem/shared';
import { workspaceSettingsSchema } from '@tandem/shared/api';
import { timerSweepJob } from '@tandem/engine/tasks';
import type { Db } from '../db/database';
import { workspaces } from '../db/schema';
import type { SecretBox } from '../security/secretBox';
import { newId } from './ids';
import { shiftBroadcasts } from '../broadcasts/scheduleBroadcasts';
import { randomToken } from '../security/tokens';
import { sandboxWaFlows, upsertWaFlows } from './waFlows';
import { enqueue } from '../store/enqueue';
import { wakeSenders } from '../store/outbox';

export interface NewWorkspace {
  name: string;
  transport?: 'cloud' | 'sandbox';
  phoneNumberId?: string;
  displayPhoneNumber?: string;
  wabaId?: string;
  accessToken?: string;
  coexistence?: boolean;
  throughputMps?: number;
  settings?: Record<string, unknown>;
}

/** Creates a workspace; its access token is stored encrypted. A sandbox starts with the example WhatsApp Flows. */
export async function createWorkspace(db: Db, secrets: SecretBox, input: NewWorkspace): Promise<string> {
  const id = newId('ws');
  const coexistence = input.coexistence ?? true;
  const transport = input.transport ?? (input.accessToken ? 'cloud' : 'sandbox');
  await db.transaction(async (tx) => {
    await tx.insert(workspaces).values({
      id,
      name: input.name,
      transport,
      phoneNumberId: input.phoneNumberId ?? null,
      displayPhoneNumber: input.displayPhoneNumber ?? null,
      wabaId: input.wabaId ?? null,
      accessToken: input.accessToken ? secrets.encrypt(input.accessToken) : null,
      coexistence,
      throughputMps: input.throughputMps ?? (coexistence ? 20 : 80),
      settings: input.settings ?? {},
      hookSecret: secrets.encrypt(randomToken(32)),
    });
    if (transport === 'sandbox') await upsertWaFlows(tx, id, sandboxWaFlows, 'sandbox');
  });
  return id;
}

/**
 * Moves a sandbox workspace's clock forward (simulator fast-forward, tests): waits, timeouts and
 * broadcasts that fall within the jump fire at once, in order.
 */
export async function advanceClock(db: Db, workspaceId: string, ms: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(workspaces)
      .set({ clockOffsetMs: sql`${workspaces.clockOffsetMs} + ${ms}` })
      .where(eq(workspaces.id, workspaceId));
    await tx.execute(sql`UPDATE timers SET fire_at = fire_at - ${ms} * interval '1 millisecond' WHERE workspace_id = ${workspaceId}`);
    await shiftBroadcasts(tx, workspaceId, ms);
    await tx.execute(sql`UPDATE timer_schedule SET next_at = 'infinity' WHERE id = 1`);
    await enqueue(tx, timerSweepJob, {});
    // Held messages were scheduled in wall-clock time: look at them again on the new clock (and
    // those in line behind the number's throughput take their turns again from now).
    await tx.execute(sql`DELETE FROM send_clocks WHERE workspace_id = ${workspaceId}`);
    await tx.execute(sql`
      WITH m AS (UPDATE messages SET send_after = now() WHERE workspace_id = ${workspaceId} AND direction = 'out' AND status = 'held' RETURNING id)
      SELECT ${sql.raw(wakeSenders)} WHERE EXISTS (SELECT 1 FROM m)`);
  });
}

/** Sending resumed: messages held because the number was paused go now (their next look is moved up). */
export async function releaseHeldSends(db: Pick<Db, 'execute'>, workspaceId: string): Promise<void> {
  await db.execute(sql`
    WITH m AS (
      UPDATE messages SET send_after = now()
      WHERE workspace_id = ${workspaceId} AND direction = 'out' AND status = 'held' AND error ->> 'held' = 'number_paused' RETURNING id
    )
    SELECT ${sql.raw(wakeSenders)} WHERE EXISTS (SELECT 1 FROM m)`);
}

/**
 * The flow settings a new flow of the workspace starts with: the workspace's default time zone and
 * quiet hours, when it has them (settings that do not parse are left out).
 */
export function newFlowSettings(settings: unknown): { timezone?: string; quietHours?: QuietHours | null } {
  const parsed = workspaceSettingsSchema.safeParse(settings);
  if (!parsed.success) return {};
  const { defaultTimezone, defaultQuietHours } = parsed.data;
  return { ...(defaultTimezone ? { timezone: defaultTimezone } : {}), ...(defaultQuietHours !== undefined ? { quietHours: defaultQuietHours } : {}) };
}
