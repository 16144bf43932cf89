import { randomBytes } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { ConflictError, ValidationError } from '@tandem/shared';
import { eventNameSchema } from '@tandem/nodes';
import { businessEventJob } from '@tandem/engine/tasks';
import type { Db } from '../db/database';
import { contacts, flowVersions, handoffs, messages, runSteps, runs, timers, workspaces } from '../db/schema';
import { describeMessage } from '../webhooks/describeMessage';
import { messagePayloadSchema } from '../webhooks/messageSchemas';
import { webhookEventSchema, type WebhookEvent } from '../webhooks';
import { runColumns } from './runView';
import { workspaceNow } from './workspaceClock';
import { enqueue } from '../store/enqueue';
import { applyEventsJob } from '../worker/serverJobs';

/** Refuses workspaces on the real Cloud API: the simulator would write to real people's threads. */
export async function assertSandbox(db: Pick<Db, 'select'>, workspaceId: string): Promise<void> {
  const [w] = await db.select({ transport: workspaces.transport }).from(workspaces).where(eq(workspaces.id, workspaceId));
  if (w?.transport !== 'sandbox') throw new ConflictError('not_sandbox', 'The simulator works in sandbox workspaces only');
}

/**
 * The test contact writes to the number: an `inbound` event exactly as a webhook would give it
 * (a button or list reply when `replyId` is given, from a Click-to-WhatsApp ad when `adId` is),
 * at the workspace's time, applied by the `apply-events` job. Returns the message's wamid.
 */
export async function simulateMessage(
  db: Db,
  workspaceId: string,
  m: { waId: string; text: string; replyId?: string | undefined; profileName?: string | undefined; adId?: string | undefined },
): Promise<string> {
  if (!m.text && !m.replyId) throw new ValidationError('Write a text or tap a reply', [{ path: ['text'], message: 'Give a text or a replyId' }]);
  const wamid = simulatedWamid();
  const payload = m.replyId
    ? { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: m.replyId, title: m.text || m.replyId } } }
    : { type: 'text', text: { body: m.text } };
  await applyEvents(db, workspaceId, {
    eventType: 'inbound',
    wamid,
    from: { waId: m.waId, ...(m.profileName ? { profileName: m.profileName } : {}) },
    at: (await workspaceNow(db, workspaceId)).toISOString(),
    ...describeMessage(messagePayloadSchema.parse(payload)),
    ...(m.adId ? { referral: { sourceType: 'ad', sourceId: m.adId } } : {}),
  });
  return wamid;
}

/**
 * The test contact submits a WhatsApp Flow: the interactive `nfm_reply` WhatsApp delivers, with the
 * answers and the token in `response_json` as a JSON string (nodes/src/send-flow/FACTS.md §3).
 */
export async function simulateFlowReply(
  db: Db,
  workspaceId: string,
  m: { waId: string; token: string; answers: Record<string, unknown>; contextWamid?: string | undefined },
): Promise<string> {
  const wamid = simulatedWamid();
  const payload = {
    type: 'interactive',
    interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: JSON.stringify({ flow_token: m.token, ...m.answers }) } },
    ...(m.contextWamid ? { context: { id: m.contextWamid } } : {}),
  };
  await applyEvents(db, workspaceId, {
    eventType: 'inbound',
    wamid,
    from: { waId: m.waId },
    at: (await workspaceNow(db, workspaceId)).toISOString(),
    ...describeMessage(messagePayloadSchema.parse(payload)),
  });
  return wamid;
}

/** The business replies from the WhatsApp Business App: an `echo` event (a person is talking). */
export async function simulateEcho(db: Db, workspaceId: string, m: { waId: string; text: string }): Promise<string> {
  const wamid = simulatedWamid();
  await applyEvents(db, workspaceId, {
    eventType: 'echo',
    wamid,
    to: m.waId,
    at: (await workspaceNow(db, workspaceId)).toISOString(),
    ...describeMessage(messagePayloadSchema.parse({ type: 'text', text: { body: m.text } })),
  });
  return wamid;
}

/** A business event for the test contact, as the signed /hooks endpoint would queue it. */
export async function simulateEvent(db: Db, workspaceId: string, e: { waId: string; name: string; payload: Record<string, unknown> }): Promise<void> {
  const name = eventNameSchema.safeParse(e.name);
  if (!name.success)
    throw new ValidationError('Use a dotted lower-case event name such as cart.abandoned', [{ path: ['name'], message: name.error.issues[0]!.message }]);
  await enqueue(db, businessEventJob, { workspaceId, contact: { waId: e.waId }, name: e.name, payload: e.payload });
}

/** The test contact's thread (oldest first, the latest 500), its latest run and the workspace's time. */
export async function simulatorThread(db: Db, workspaceId: string, waId: string) {
  const now = await workspaceNow(db, workspaceId);
  const [contact] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.waId, waId)));
  if (!contact) return { contact: null, messages: [], run: null, now };
  const thread = await db.select().from(messages).where(eq(messages.contactId, contact.id)).orderBy(desc(messages.at), desc(messages.id)).limit(500);
  const [run] = await db
    .select(runColumns)
    .from(runs)
    .innerJoin(flowVersions, eq(flowVersions.id, runs.flowVersionId))
    .where(eq(runs.contactId, contact.id))
    .orderBy(desc(runs.id))
    .limit(1);
  return { contact, messages: thread.reverse(), run: run ?? null, now };
}

/** Forgets the test contact: its thread, runs with their logs and timers, handoffs, and the contact. */
export async function resetSimulator(db: Db, workspaceId: string, waId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [contact] = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.waId, waId)))
      .for('update');
    if (!contact) return;
    const runIds = (await tx.select({ id: runs.id }).from(runs).where(eq(runs.contactId, contact.id))).map((r) => r.id);
    if (runIds.length) await tx.delete(runSteps).where(inArray(runSteps.runId, runIds));
    await tx.delete(timers).where(eq(timers.contactId, contact.id));
    await tx.delete(handoffs).where(eq(handoffs.contactId, contact.id));
    await tx.delete(messages).where(eq(messages.contactId, contact.id));
    await tx.delete(runs).where(eq(runs.contactId, contact.id));
    await tx.delete(contacts).where(eq(contacts.id, contact.id));
  });
}

async function applyEvents(db: Db, workspaceId: string, event: unknown): Promise<void> {
  const events: WebhookEvent[] = [webhookEventSchema.parse(event)];
  await enqueue(db, applyEventsJob, { workspaceId, events });
}

function simulatedWamid(): string {
  return `wamid.sim.${randomBytes(12).toString('base64url')}`;
}
