import type pg from 'pg';
import { defaultRateTable, type RateTable } from '@tandem/shared';
import { workspaceSettingsSchema } from '@tandem/shared/api';

/** The workspace's rate table: its `rates` setting, or the built-in table when unset or unreadable. */
export async function workspaceRates(db: Pick<pg.Pool, 'query'>, workspaceId: string): Promise<RateTable> {
  const r = await db.query<{ settings: unknown }>('SELECT settings FROM workspaces WHERE id = $1', [workspaceId]);
  const parsed = workspaceSettingsSchema.safeParse(r.rows[0]?.settings ?? {});
  return (parsed.success ? parsed.data.rates : undefined) ?? defaultRateTable;
}
