export { verifyMetaSignature, signMetaBody } from './verifySignature';
export { verifyHandshake, type HandshakeParams, type HandshakeResult } from './verifyHandshake';
export { parseWhatsAppWebhook, type ParsedChange, type IgnoredChange, type ParseWebhookResult } from './parseWhatsAppWebhook';
export {
  webhookEventSchema,
  webhookErrorSchema,
  webhookPartySchema,
  messageDescriptionSchema,
  deliveryStatuses,
  type WebhookEvent,
  type WebhookEventType,
  type WebhookEventOf,
  type WebhookError,
  type WebhookParty,
  type MessageDescription,
  type HistoryMessage,
} from './webhookEvents';
export { webhookEnvelopeSchema, webhookValueSchemas, type WebhookEnvelope, type WebhookField } from './webhookSchemas';
