import type { GraphError } from './commonSchemas';
import { definedOnly } from './definedOnly';
import type { WebhookError } from './webhookEvents';

/** Meta's error object as the engine reads it: act on `code` (and details), never on titles. */
export function toWebhookError(error: GraphError): WebhookError {
  return definedOnly({ code: error.code, title: error.title, message: error.message, details: error.error_data?.details });
}
