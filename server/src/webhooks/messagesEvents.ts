import { definedOnly } from './definedOnly';
import type { Ignore } from './defineField';
import { describeMessage } from './describeMessage';
import { resolveParty } from './identity';
import type { WebhookMessage } from './messageSchemas';
import type { MessagesValue, WebhookStatus } from './messagesValueSchema';
import { toWebhookError } from './toWebhookError';
import { deliveryStatuses, type WebhookEvent, type WebhookEventOf } from './webhookEvents';

/** Events of a `messages` change, in payload order: messages, then statuses, then value errors. */
export function messagesEvents(value: MessagesValue, ignore: Ignore): WebhookEvent[] {
  const events: WebhookEvent[] = [];
  for (const message of value.messages ?? []) events.push(messageEvent(message, value.contacts));
  for (const status of value.statuses ?? []) {
    const event = statusEvent(status, value.contacts);
    if (event) events.push(event);
    else ignore(`status "${status.status}" of ${status.id} is not a delivery status Tandem knows`);
  }
  for (const error of value.errors ?? []) events.push({ eventType: 'value_error', ...toWebhookError(error) });
  return events;
}

function messageEvent(m: WebhookMessage, contacts: MessagesValue['contacts']): WebhookEvent {
  const from = resolveParty(contacts, { phone: m.from, userId: m.from_user_id });
  if (m.type === 'edit' && m.edit) {
    return { eventType: 'edit', wamid: m.id, originalWamid: m.edit.original_message_id, from, at: m.timestamp, message: describeMessage(m.edit.message) };
  }
  if (m.type === 'revoke' && m.revoke) {
    return { eventType: 'revoke', wamid: m.id, originalWamid: m.revoke.original_message_id, from, at: m.timestamp };
  }
  const referral = m.referral;
  const product = m.context?.referred_product;
  return definedOnly<WebhookEventOf<'inbound'>>({
    eventType: 'inbound',
    wamid: m.id,
    from,
    at: m.timestamp,
    ...describeMessage(m),
    referral: referral
      ? definedOnly({
          sourceId: referral.source_id,
          sourceType: referral.source_type,
          sourceUrl: referral.source_url,
          headline: referral.headline,
          body: referral.body,
          ctwaClid: referral.ctwa_clid,
        })
      : undefined,
    referredProduct: product ? { catalogId: product.catalog_id, productRetailerId: product.product_retailer_id } : undefined,
    forwarded: m.context?.frequently_forwarded ? 'frequently_forwarded' : m.context?.forwarded ? 'forwarded' : undefined,
    errors: m.errors?.map(toWebhookError),
  });
}

function statusEvent(s: WebhookStatus, contacts: MessagesValue['contacts']): WebhookEventOf<'status'> | undefined {
  const status = deliveryStatuses.find((known) => known === s.status);
  if (!status) return undefined;
  const recipient = resolveParty(contacts, { phone: s.recipient_id, userId: s.recipient_user_id });
  return definedOnly<WebhookEventOf<'status'>>({
    eventType: 'status',
    wamid: s.id,
    status,
    at: s.timestamp,
    recipient: definedOnly({ waId: recipient.waId, userId: recipient.userId }),
    errors: s.errors?.map(toWebhookError),
    callbackData: s.biz_opaque_callback_data,
    pricing: s.pricing
      ? definedOnly({ type: s.pricing.type, category: s.pricing.category, pricingModel: s.pricing.pricing_model, billable: s.pricing.billable })
      : undefined,
    conversation: s.conversation
      ? definedOnly({ id: s.conversation.id, expiresAt: s.conversation.expiration_timestamp, originType: s.conversation.origin?.type })
      : undefined,
  });
}
