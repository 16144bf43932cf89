import type { EchoesValue, StateSyncValue } from './coexistenceSchemas';
import { definedOnly } from './definedOnly';
import type { Ignore } from './defineField';
import { describeMessage } from './describeMessage';
import type { WebhookEvent } from './webhookEvents';

/**
 * Events of an `smb_message_echoes` change: a person at the business answered from the app.
 * Echoes neither open nor extend the customer service window.
 */
export function echoEvents(value: EchoesValue): WebhookEvent[] {
  return value.message_echoes.map((m) => ({ eventType: 'echo', wamid: m.id, to: m.to, at: m.timestamp, ...describeMessage(m) }));
}

/** Events of an `smb_app_state_sync` change: the app's contact book, one event per contact. */
export function contactSyncEvents(value: StateSyncValue, ignore: Ignore): WebhookEvent[] {
  const events: WebhookEvent[] = [];
  for (const item of value.state_sync) {
    if (item.type !== 'contact' || !item.contact) {
      ignore(`state_sync type "${item.type}" is not handled`);
      continue;
    }
    if (item.action !== 'add' && item.action !== 'remove') {
      ignore(`state_sync action "${item.action}" for ${item.contact.phone_number} is not handled`);
      continue;
    }
    events.push(
      definedOnly({
        eventType: 'contact_sync',
        action: item.action,
        waId: item.contact.phone_number,
        fullName: item.contact.full_name,
        firstName: item.contact.first_name,
        at: item.metadata.timestamp,
      }),
    );
  }
  return events;
}
