import { wakeSenders } from './outbox';

/** Anything that runs SQL: a pool or a transaction's client. */
export interface Queryable {
  query(text: string, params?: unknown[]): Promise<{ rowCount: number | null }>;
}

/**
 * Ends a contact's handoff pause (only one with `reason`, when given) and makes its held messages
 * due now. Used when a handoff ends: the people are done, so App replies they sent during it hold
 * no journey any more either (as a teammate's "Resume automation" would).
 */
export async function resumeContact(db: Queryable, contactId: number, reason?: string): Promise<void> {
  await db.query(
    `WITH c AS (
       UPDATE contacts c SET paused_until = NULL, pause_reason = NULL,
         bot_released_at = now() + w.clock_offset_ms * interval '1 millisecond', updated_at = now()
       FROM workspaces w
       WHERE c.id = $1 AND w.id = c.workspace_id AND c.paused_until IS NOT NULL AND ($2::text IS NULL OR c.pause_reason = $2) RETURNING c.id
     )
     , m AS (${heldOf('c')})
     SELECT ${wakeSenders} WHERE EXISTS (SELECT 1 FROM m)`,
    [contactId, reason ?? null],
  );
}

/**
 * A teammate gives the contact back to the bot ("Back to bot"): any pause ends, and App replies
 * up to now hold no journey any more, whatever its rule (the time is the workspace's clock, as
 * the replies' are). Held messages are due now.
 */
export async function giveBackToBot(db: Queryable, contactId: number): Promise<void> {
  await db.query(
    `WITH c AS (
       UPDATE contacts c SET paused_until = NULL, pause_reason = NULL,
         bot_released_at = now() + w.clock_offset_ms * interval '1 millisecond', updated_at = now()
       FROM workspaces w WHERE c.id = $1 AND w.id = c.workspace_id RETURNING c.id
     )
     , m AS (${heldOf('c')})
     SELECT ${wakeSenders} WHERE EXISTS (SELECT 1 FROM m)`,
    [contactId],
  );
}

/** The statement that makes the held messages of the contacts in CTE `from` due now. */
const heldOf = (from: string) => `
       UPDATE messages SET send_after = now() WHERE id IN (
         SELECT m.id FROM messages m JOIN ${from} ON m.contact_id = ${from}.id WHERE m.direction = 'out' AND m.status = 'held' FOR UPDATE OF m SKIP LOCKED)
       RETURNING id`;
