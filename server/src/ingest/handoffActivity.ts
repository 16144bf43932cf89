import type pg from 'pg';

/**
 * Activity in a handed-over conversation (the contact writes, a person replies from the App or
 * the inbox) restarts the quiet period after which a "resume after N hours quiet" handoff gives
 * the conversation back to the bot.
 */
export async function touchHandoffs(pool: pg.Pool, contactId: number): Promise<void> {
  await pool.query(
    `UPDATE timers t SET fire_at = now() + t.restart_ms * interval '1 millisecond'
     FROM runs r WHERE t.run_id = r.id AND t.restart_ms IS NOT NULL AND r.contact_id = $1 AND r.status = 'active'`,
    [contactId],
  );
}

/** The same for the senders of a batch of inbound messages, in one statement, by their WhatsApp or user id. */
export async function touchHandoffsOfSenders(
  pool: pg.Pool,
  workspaceId: string,
  senders: { waId?: string | undefined; userId?: string | undefined }[],
): Promise<void> {
  const waIds = senders.flatMap((s) => (s.waId ? [s.waId] : []));
  const userIds = senders.flatMap((s) => (!s.waId && s.userId ? [s.userId] : []));
  await pool.query(
    `UPDATE timers t SET fire_at = now() + t.restart_ms * interval '1 millisecond'
     FROM runs r JOIN contacts c ON c.id = r.contact_id
     WHERE t.run_id = r.id AND t.restart_ms IS NOT NULL AND r.status = 'active' AND c.workspace_id = $1
       AND (c.wa_id = ANY($2::text[]) OR c.user_id = ANY($3::text[]))`,
    [workspaceId, waIds, userIds],
  );
}
