import { wakeSenders } from './outbox';

/** Anything that runs SQL: a pool or a transaction's client. */
export interface Queryable {
  query(text: string, params?: unknown[]): Promise<{ rowCount: number | null }>;
}

/**
 * Ends a contact's pause (only one with `reason`, when given) and makes its held messages due
 * now. Used when a handoff ends, an agent releases a contact, or the owner sends the resume
 * keyword from the Business App.
 */
export async function resumeContact(db: Queryable, contactId: number, reason?: string): Promise<void> {
  await db.query(
    `WITH c AS (
       UPDATE contacts SET paused_until = NULL, pause_reason = NULL, resume_keyword = NULL, updated_at = now()
       WHERE id = $1 AND paused_until IS NOT NULL AND ($2::text IS NULL OR pause_reason = $2) RETURNING id
     )
     , m AS (
       UPDATE messages SET send_after = now() WHERE id IN (
         SELECT m.id FROM messages m JOIN c ON m.contact_id = c.id WHERE m.direction = 'out' AND m.status = 'held' FOR UPDATE OF m SKIP LOCKED)
       RETURNING id
     )
     SELECT ${wakeSenders} WHERE EXISTS (SELECT 1 FROM m)`,
    [contactId, reason ?? null],
  );
}
