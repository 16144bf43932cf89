import type { WebhookEvent } from './webhookEvents';

/**
 * The key under which an event is processed at most once, since Meta redelivers for up to 7 days
 * (facts §2): the wamid for messages (inbound, echo, edit, revoke), `wamid:status` for statuses,
 * `wamid:media` for a history media follow-up. Null when Meta gives the event no identity (history
 * chunks, contact syncs, account, template, preference and quality updates, errors): those are
 * state updates to apply idempotently, ordered by their own time where they have one.
 */
export function dedupKey(event: WebhookEvent): string | null {
  switch (event.eventType) {
    case 'inbound':
    case 'echo':
    case 'edit':
    case 'revoke':
      return event.wamid;
    case 'status':
      return `${event.wamid}:${event.status}`;
    case 'history_media':
      return `${event.wamid}:media`;
    default:
      return null;
  }
}
