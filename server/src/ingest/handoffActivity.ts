import type pg from 'pg';

/**
 * Activity in a handed-over conversation (the contact writes, a person replies from the App or
 * the inbox) restarts the quiet period after which a "resume after N hours quiet" handoff gives
 * the conversation back to the bot.
 */
export async function touchHandoffs(pool: pg.Pool, contactId: number): Promise<void> {
  await pool.query(
    `UPDATE timers t SET fire_at = now() + ((n.node -> 'data' -> 'resume' ->> 'idleHours')::float * interval '1 hour')
     FROM runs r JOIN flow_versions v ON v.id = r.flow_version_id
     CROSS JOIN LATERAL (SELECT x AS node FROM jsonb_array_elements(v.document -> 'nodes') x WHERE x ->> 'id' = r.current_node) n
     WHERE t.run_id = r.id AND t.kind = 'idle' AND r.contact_id = $1 AND r.status = 'active' AND r.waiting_for = 'handoff'`,
    [contactId],
  );
}
