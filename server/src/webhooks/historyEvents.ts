import type { HistoryMessageValue, HistoryValue } from './coexistenceSchemas';
import { definedOnly } from './definedOnly';
import { describeMessage } from './describeMessage';
import { resolveParty } from './identity';
import { toWebhookError } from './toWebhookError';
import type { HistoryMessage, WebhookEvent } from './webhookEvents';

/**
 * Events of a `history` change: one `history_chunk` per chunk, one `history_error` per chunk
 * error (2593109: the business turned history sharing off), one `history_media` per follow-up.
 * History is an archive for threads; it must never start or advance a flow.
 */
export function historyEvents(value: HistoryValue): WebhookEvent[] {
  const events: WebhookEvent[] = [];
  const businessNumber = value.metadata?.display_phone_number;
  for (const item of value.history ?? []) {
    for (const error of item.errors ?? []) events.push({ eventType: 'history_error', ...toWebhookError(error) });
    if (!item.metadata) continue;
    events.push({
      eventType: 'history_chunk',
      phase: item.metadata.phase,
      chunkOrder: item.metadata.chunk_order,
      progress: item.metadata.progress,
      threads: (item.threads ?? []).map((thread) => ({
        waId: thread.id,
        messages: thread.messages.map((m) => historyMessage(m, thread.id, businessNumber)),
      })),
    });
  }
  for (const m of value.messages ?? []) {
    events.push({
      eventType: 'history_media',
      wamid: m.id,
      from: resolveParty(undefined, { phone: m.from, userId: m.from_user_id }),
      at: m.timestamp,
      ...describeMessage(m),
    });
  }
  return events;
}

function historyMessage(m: HistoryMessageValue, threadId: string, businessNumber: string | undefined): HistoryMessage {
  return definedOnly({
    wamid: m.id,
    fromBusiness: sentByBusiness(m, threadId, businessNumber),
    at: m.timestamp,
    ...describeMessage(m),
    status: m.history_context?.status,
  });
}

/**
 * Meta says `to` marks business sends, yet its own example shows them with only `from` set to
 * the business number; so either signal counts, and without metadata anything not from the
 * thread's user does.
 */
function sentByBusiness(m: HistoryMessageValue, threadId: string, businessNumber: string | undefined): boolean {
  if (m.to !== undefined) return true;
  if (m.from === undefined) return false;
  if (businessNumber !== undefined) return digits(m.from) === digits(businessNumber);
  return m.from !== threadId;
}

function digits(phone: string): string {
  return phone.replace(/\D/g, '');
}
