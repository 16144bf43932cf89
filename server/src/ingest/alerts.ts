import type pg from 'pg';

/** Adds an alert people of the workspace must see, stamped with the workspace's clock (kept to the last 50). */
export async function raiseAlert(pool: pg.Pool, workspaceId: string, kind: string, message: string): Promise<void> {
  await pool.query(
    `UPDATE workspaces SET alerts = (
       SELECT COALESCE(jsonb_agg(a ORDER BY (a->>'at') DESC), '[]'::jsonb) FROM (
         SELECT a FROM jsonb_array_elements(alerts || jsonb_build_array(jsonb_build_object('kind', $2::text, 'message', $3::text,
           'at', to_char((now() + clock_offset_ms * interval '1 millisecond') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))) a
         ORDER BY (a->>'at') DESC LIMIT 50) last
     ) WHERE id = $1`,
    [workspaceId, kind, message],
  );
}
