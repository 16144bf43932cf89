import { sql } from 'drizzle-orm';
import { NotFoundError } from '@tandem/shared';
import type { Db } from '../db/database';

type Reader = Pick<Db, 'execute'>;

/**
 * The workspace's current time: the database's clock plus the sandbox offset (the simulator's
 * fast-forward), the same clock the engine uses for windows, waits and timeouts.
 */
export async function workspaceNow(db: Reader, workspaceId: string): Promise<Date> {
  const r = await db.execute<{ now: Date }>(sql`SELECT now() + clock_offset_ms * interval '1 millisecond' AS now FROM workspaces WHERE id = ${workspaceId}`);
  const row = r.rows[0];
  if (!row) throw new NotFoundError('Workspace');
  return new Date(row.now);
}
