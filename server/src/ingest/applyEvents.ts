import type pg from 'pg';
import { ingestInbound, type EngineDeps } from '@tandem/engine/tasks';
import { wakeSenders } from '../store/outbox';
import type { WebhookEvent, WebhookEventOf } from '../webhooks';
import { applyStatuses } from './applyStatuses';
import { applyEcho, contactByWaId } from './humanReplies';
import { applyContactSync, applyHistoryChunk, applyHistoryError, applyHistoryMedia } from './history';
import { confirmOptOut, consentFromMessage, consentFromPreference, recordConsent, workspaceSettings, type ConsentChange } from './consent';
import { raiseAlert } from './alerts';
import { touchHandoffs } from './handoffActivity';

/**
 * Applies one workspace's webhook events, in an order that makes a body's signals count
 * before its messages: delivery statuses; App replies (echoes), history and contact sync,
 * preferences and account signals; then inbound messages through the engine, with opt-outs
 * recorded and consumed on the way.
 */
export async function applyEvents(workspaceId: string, events: WebhookEvent[], pool: pg.Pool, deps: EngineDeps): Promise<void> {
  const of = <T extends WebhookEvent['eventType']>(type: T) => events.filter((e): e is WebhookEventOf<T> => e.eventType === type);
  await applyStatuses(workspaceId, of('status'), pool, deps);
  for (const e of events) await applySignal(workspaceId, e, pool, deps);

  const inbound = of('inbound');
  if (inbound.length === 0) return;
  const consent = new Map<string, ConsentChange>();
  const settings = await workspaceSettings(pool, workspaceId);
  for (const e of inbound) {
    const change = await consentFromMessage(pool, workspaceId, e, settings);
    if (change) consent.set(e.wamid, change);
  }
  await ingestInbound(
    {
      workspaceId,
      messages: inbound.map((e) => ({
        contact: {
          ...(e.from.waId ? { waId: e.from.waId } : {}),
          ...(e.from.userId ? { userId: e.from.userId } : {}),
          ...(e.from.profileName ? { profileName: e.from.profileName } : {}),
        },
        message: {
          wamid: e.wamid,
          kind: e.kind,
          text: e.text,
          ...(e.replyId ? { replyId: e.replyId } : {}),
          ...(e.contextWamid ? { contextWamid: e.contextWamid } : {}),
          ...(e.data ? { data: e.data } : {}),
          ...(e.referral ? { referral: e.referral } : {}),
          at: e.at,
        },
        type: e.type,
        content: e.content,
        route: !consent.has(e.wamid),
      })),
    },
    deps,
  );
  for (const e of inbound) {
    const change = consent.get(e.wamid);
    if (!change) continue;
    const contactIds = await contactIdsOf(pool, workspaceId, e);
    for (const contactId of contactIds) {
      await recordConsent(pool, contactId, change, e.at);
      deps.logger.info({ workspaceId, contactId, consent: change.consent, source: change.source }, 'marketing consent changed by the contact');
    }
    // The confirmation goes once, to the contact the message itself went to.
    if (change.consent === 'opted_out' && contactIds[0] !== undefined) await confirmOptOut(pool, workspaceId, contactIds[0], e.at);
  }
}

async function applySignal(workspaceId: string, e: WebhookEvent, pool: pg.Pool, deps: EngineDeps): Promise<void> {
  switch (e.eventType) {
    case 'echo': {
      const contactId = await applyEcho(pool, workspaceId, e);
      await touchHandoffs(pool, contactId);
      return;
    }
    case 'history_chunk':
      deps.logger.info(
        { workspaceId, phase: e.phase, chunk: e.chunkOrder, progress: e.progress, imported: await applyHistoryChunk(pool, workspaceId, e) },
        'history chunk imported',
      );
      return;
    case 'history_media':
      return applyHistoryMedia(pool, workspaceId, e);
    case 'history_error':
      return applyHistoryError(pool, workspaceId, e);
    case 'contact_sync':
      return applyContactSync(pool, workspaceId, e);
    case 'preference': {
      const change = consentFromPreference(e);
      const waId = e.waId;
      if (!change || !waId) return;
      await recordConsent(pool, await contactByWaId(pool, workspaceId, waId), change, e.at);
      return;
    }
    case 'template_status': {
      const status = e.event === 'REINSTATED' || e.event === 'UNARCHIVED' ? 'APPROVED' : e.event;
      const updated = await pool.query(
        `UPDATE templates SET status = $4, info = jsonb_set(info, '{status}', to_jsonb($4::text)), updated_at = now() WHERE workspace_id = $1 AND name = $2 AND language = $3`,
        [workspaceId, e.name, e.language, status],
      );
      if (status === 'APPROVED') {
        // Sends held while the template was paused or pending go now.
        await pool.query(
          `WITH m AS (
             UPDATE messages SET send_after = now() WHERE workspace_id = $1 AND direction = 'out' AND status = 'held' AND error ->> 'held' = 'template_paused'
               AND content ->> 'name' = $2 AND content ->> 'language' = $3 RETURNING id
           )
           SELECT ${wakeSenders} WHERE EXISTS (SELECT 1 FROM m)`,
          [workspaceId, e.name, e.language],
        );
      }
      // Every workspace of the account hears about its templates; only those that have this one are told.
      if (updated.rowCount && ['REJECTED', 'PAUSED', 'DISABLED', 'FLAGGED'].includes(e.event)) {
        await raiseAlert(
          pool,
          workspaceId,
          'template',
          `Template ${e.name} (${e.language}) is ${e.event.toLowerCase()}${e.reason && e.reason !== 'NONE' ? `: ${e.reason}` : ''}`,
        );
      }
      return;
    }
    case 'account_update':
      if (e.event === 'PARTNER_REMOVED' || e.event === 'ACCOUNT_OFFBOARDED') {
        const why = `WhatsApp ${e.event}${e.reason ? ` (${e.reason})` : ''}`;
        await pool.query('UPDATE workspaces SET sends_paused_reason = $2, sends_paused_at = now() WHERE id = $1', [workspaceId, why]);
        const hint = e.reason === 'PRIMARY_INACTIVITY' ? ': open the WhatsApp Business App on the phone, then reconnect the number' : '';
        await raiseAlert(pool, workspaceId, 'disconnected', `The number was disconnected from Tandem (${e.reason ?? e.event})${hint}. Sends are paused.`);
        deps.logger.warn({ workspaceId, event: e.event, reason: e.reason }, 'number disconnected: sends paused');
      } else if (e.event === 'ACCOUNT_RECONNECTED') {
        await raiseAlert(pool, workspaceId, 'reconnected', 'The number is connected again; resume sends in the workspace settings.');
      }
      return;
    case 'quality_update':
      await raiseAlert(pool, workspaceId, 'quality', `Phone number quality update: ${e.event}${e.currentLimit ? ` (limit ${e.currentLimit})` : ''}`);
      return;
    default:
      return;
  }
}

/**
 * Every contact the sender's identifiers name: one person can be two contacts (an imported phone
 * number and a username contact that got its user id first), and a consent change is theirs on both.
 * The user id's contact comes first (the one the message went to, as ingestInbound routes it).
 */
async function contactIdsOf(pool: pg.Pool, workspaceId: string, e: WebhookEventOf<'inbound'>): Promise<number[]> {
  const r = await pool.query<{ id: number }>(
    `SELECT id FROM contacts WHERE workspace_id = $1 AND (wa_id = $2 OR user_id = $3) ORDER BY user_id = $3 IS TRUE DESC, id`,
    [workspaceId, e.from.waId ?? null, e.from.userId ?? null],
  );
  return r.rows.map((row) => row.id);
}
