import type pg from 'pg';

/** Whether a workspace lets its flows call private network addresses (off unless its settings say so). */
export function privateNetworksPolicy(pool: pg.Pool): (workspaceId: string) => Promise<boolean> {
  return async (workspaceId) => {
    const r = await pool.query<{ allow: boolean }>(
      `SELECT COALESCE((settings ->> 'allowPrivateNetworks')::boolean, false) AS allow FROM workspaces WHERE id = $1`,
      [workspaceId],
    );
    return r.rows[0]?.allow ?? false;
  };
}
