/**
 * The two tables worked by loops instead of jobs, and the channels that wake the loops. Each row
 * is the durable record; a NOTIFY (sent at commit) only tells idle loops to look now.
 * - the outbox: outbound messages with `send_after` due (server/src/worker/pumps.ts sends them);
 * - the inbox: webhook bodies not yet processed (`webhook_events`).
 */
export const OUTBOX_CHANNEL = 'tandem_outbox';
export const INBOX_CHANNEL = 'tandem_inbox';

/** A SQL expression that wakes the sender loops when the statement's transaction commits. */
export const wakeSenders = `pg_notify('${OUTBOX_CHANNEL}', '')`;
export const wakeInbox = `pg_notify('${INBOX_CHANNEL}', '')`;
