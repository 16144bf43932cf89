import { and, eq, sql, type SQL } from 'drizzle-orm';
import { ConflictError, NotFoundError, WINDOW_MS } from '@tandem/shared';
import type { z } from 'zod';
import type { handoffSchema } from '@tandem/shared/api';
import { releaseHandoffJob } from '@tandem/engine/tasks';
import type { Db } from '../db/database';
import { contacts, handoffs, messages, timers } from '../db/schema';
import { messagePreview } from './messageView';
import { workspaceNow } from './workspaceClock';
import { enqueue } from '../store/enqueue';
import { wakeSenders } from '../store/outbox';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type HandoffView = z.infer<typeof handoffSchema>;
type HandoffRow = typeof handoffs.$inferSelect;
export type HandoffFilter = 'open' | 'taken' | 'released' | 'active';

/**
 * Handed-over conversations with the contact's name and WhatsApp id and the last message of
 * the thread (whoever wrote it). Active ones (open or taken) oldest first, as an inbox works
 * through them; released ones newest first. At most 500.
 */
export async function listHandoffs(db: Pick<Db, 'execute'>, workspaceId: string, status: HandoffFilter): Promise<HandoffView[]> {
  const statuses = status === 'active' ? ['open', 'taken'] : [status];
  const order = status === 'released' ? sql`h.released_at DESC NULLS LAST, h.id DESC` : sql`h.opened_at, h.id`;
  return handoffViews(db, sql`h.workspace_id = ${workspaceId} AND h.status IN (SELECT jsonb_array_elements_text(${JSON.stringify(statuses)}::jsonb))`, order);
}

export async function handoffView(db: Pick<Db, 'execute'>, workspaceId: string, id: number): Promise<HandoffView> {
  const [view] = await handoffViews(db, sql`h.workspace_id = ${workspaceId} AND h.id = ${id}`, sql`h.id`);
  if (!view) throw new NotFoundError('Handoff');
  return view;
}

async function handoffViews(db: Pick<Db, 'execute'>, where: SQL, order: SQL): Promise<HandoffView[]> {
  const r = await db.execute<{
    id: number;
    contact_id: number;
    contact_name: string | null;
    wa_id: string | null;
    run_id: number | null;
    team: string;
    status: HandoffView['status'];
    assignee: string | null;
    opened_at: Date;
    taken_at: Date | null;
    last_content: Record<string, unknown> | null;
    unread: number;
  }>(sql`
    SELECT h.id, h.contact_id, h.run_id, h.team, h.status, h.assignee, h.opened_at, h.taken_at, c.wa_id,
           COALESCE(c.profile_name, NULLIF(trim(concat_ws(' ', c.attributes ->> 'first_name', c.attributes ->> 'last_name')), '')) AS contact_name,
           last.content AS last_content,
           CASE WHEN h.status = 'released' THEN 0 ELSE (
             SELECT count(*)::int FROM messages m
             WHERE m.contact_id = h.contact_id AND m.direction = 'in'
               AND m.at > GREATEST(h.opened_at, COALESCE((
                 SELECT max(p.at) FROM messages p
                 WHERE p.contact_id = h.contact_id AND (p.direction = 'echo' OR (p.direction = 'out' AND p.purpose = 'agent'))
               ), h.opened_at))
           ) END AS unread
    FROM handoffs h
    JOIN contacts c ON c.id = h.contact_id
    LEFT JOIN LATERAL (SELECT m.content FROM messages m WHERE m.contact_id = h.contact_id ORDER BY m.at DESC, m.id DESC LIMIT 1) last ON true
    WHERE ${where}
    ORDER BY ${order}
    LIMIT 500`);
  return r.rows.map((h) => ({
    id: h.id,
    contactId: h.contact_id,
    contactName: h.contact_name,
    contactWaId: h.wa_id,
    runId: h.run_id,
    team: h.team,
    status: h.status,
    assignee: h.assignee,
    openedAt: new Date(h.opened_at).toISOString(),
    takenAt: h.taken_at ? new Date(h.taken_at).toISOString() : null,
    lastMessage: h.last_content ? messagePreview(h.last_content) : null,
    unread: h.unread,
  }));
}

/** Takes an open conversation: the caller is its assignee, and "not taken" no longer fires. */
export async function takeHandoff(db: Db, workspaceId: string, id: number, actor: string): Promise<void> {
  await db.transaction(async (tx) => {
    const h = await lockHandoff(tx, workspaceId, id);
    if (h.status !== 'open')
      throw h.status === 'taken' ? new ConflictError('already_taken', `${h.assignee ?? 'Someone'} has taken this conversation`) : released();
    await take(tx, h, actor, await workspaceNow(tx, workspaceId));
  });
}

/**
 * A person's reply from Tandem: a text message put in the outbox, due now, as the engine
 * queues its own. It needs the 24-hour window open (only
 * templates may go outside it); replying to an open conversation takes it.
 */
export async function replyHandoff(db: Db, workspaceId: string, id: number, text: string, actor: string): Promise<typeof messages.$inferSelect> {
  return db.transaction(async (tx) => {
    const h = await lockHandoff(tx, workspaceId, id);
    if (h.status === 'released') throw released();
    const now = await workspaceNow(tx, workspaceId);
    const [contact] = await tx.select({ lastInboundAt: contacts.lastInboundAt }).from(contacts).where(eq(contacts.id, h.contactId));
    if (!contact?.lastInboundAt || contact.lastInboundAt.getTime() + WINDOW_MS <= now.getTime()) {
      throw new ConflictError('window_closed', 'The contact has not written in the last 24 hours: WhatsApp only allows templates now');
    }
    if (h.status === 'open') await take(tx, h, actor, now);
    // `sentBy` names the teammate in the thread; the sender reads only the message's own fields.
    const content = { kind: 'text', text, previewUrl: false, sentBy: actor };
    const queued = await tx.execute<{ id: number }>(sql`
      WITH m AS (
        INSERT INTO messages (workspace_id, contact_id, direction, type, content, status, status_rank, run_id, node_id, step, purpose, category, at, updated_at, send_after)
        VALUES (${workspaceId}, ${h.contactId}, 'out', 'text', ${JSON.stringify(content)}::jsonb, 'pending', 0, NULL, NULL, NULL, 'agent', NULL, ${now}::timestamptz, now(), now())
        RETURNING id
      )
      SELECT m.id, ${sql.raw(wakeSenders)} FROM m`);
    const [row] = await tx.select().from(messages).where(eq(messages.id, queued.rows[0]!.id));
    return row!;
  });
}

/** Gives the conversation back to the bot: the run leaves the handoff by its "resolved" output. */
export async function releaseHandoff(db: Db, workspaceId: string, id: number, actor: string): Promise<void> {
  await db.transaction(async (tx) => {
    const h = await lockHandoff(tx, workspaceId, id);
    if (h.status === 'released') throw released();
    await tx
      .update(handoffs)
      .set({ status: 'released', releasedAt: await workspaceNow(tx, workspaceId) })
      .where(eq(handoffs.id, h.id));
    if (h.runId !== null) {
      await enqueue(tx, releaseHandoffJob, { runId: h.runId, contactId: h.contactId, by: actor });
    }
  });
}

async function lockHandoff(tx: Tx, workspaceId: string, id: number): Promise<HandoffRow> {
  const [h] = await tx
    .select()
    .from(handoffs)
    .where(and(eq(handoffs.id, id), eq(handoffs.workspaceId, workspaceId)))
    .for('update');
  if (!h) throw new NotFoundError('Handoff');
  return h;
}

async function take(tx: Tx, h: HandoffRow, actor: string, now: Date): Promise<void> {
  await tx.update(handoffs).set({ status: 'taken', assignee: actor, takenAt: now }).where(eq(handoffs.id, h.id));
  if (h.runId !== null) {
    await tx.delete(timers).where(and(eq(timers.runId, h.runId), eq(timers.kind, 'timeout'), h.nodeId ? eq(timers.nodeId, h.nodeId) : undefined));
  }
}

const released = () => new ConflictError('released', 'This conversation was given back to the bot');
