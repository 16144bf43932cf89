export { verifyMetaSignature, signMetaBody } from './verifySignature';
export { verifyHandshake } from './verifyHandshake';
export { parseWhatsAppWebhook } from './parseWhatsAppWebhook';
export { webhookEventSchema, type WebhookEvent, type WebhookEventOf } from './webhookEvents';
