import type pg from 'pg';

/**
 * A person replied from the App or the inbox: the timers that restart on activity (the quiet period
 * after which a "resume after N hours quiet" handoff gives the conversation back to the bot) start
 * again. A message from the contact does the same where it is stored (PgTx.recordInbound).
 */
export async function touchHandoffs(pool: pg.Pool, contactId: number): Promise<void> {
  await pool.query(
    `UPDATE timers t SET fire_at = now() + t.restart_ms * interval '1 millisecond'
     FROM runs r WHERE t.run_id = r.id AND t.restart_ms IS NOT NULL AND r.contact_id = $1 AND r.status = 'active'`,
    [contactId],
  );
}
