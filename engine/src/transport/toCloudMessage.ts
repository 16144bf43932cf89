import { contentKindOf, type OutboundContent } from '@tandem/nodes';
import { outboundMessageSchema, type OutboundMessage } from '../whatsapp';

export type CloudMessageResult = { ok: true; message: OutboundMessage } | { ok: false; problem: string };

/** Who a message goes to: a phone number (E.164 with +), or a business-scoped user id when that is all we know. */
export type Addressee = { to: string } | { recipient: string };

/**
 * Turns a rendered message into the Cloud API body for one recipient, checked against Meta's
 * limits; a placeholder that rendered empty or too long is caught here.
 */
export function toCloudMessage(addressee: Addressee, content: OutboundContent, callbackData?: string): CloudMessageResult {
  const base = {
    messaging_product: 'whatsapp' as const,
    recipient_type: 'individual' as const,
    ...addressee,
    ...(callbackData ? { biz_opaque_callback_data: callbackData } : {}),
  };
  const kind = contentKindOf(content.kind);
  if (!kind) return { ok: false, problem: `no node declares the message kind "${content.kind}"` };
  const body = kind.toCloud(content);
  const parsed = outboundMessageSchema.safeParse({ ...base, ...body });
  if (parsed.success) return { ok: true, message: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, problem: `${issue?.path.join('.') ?? 'message'}: ${issue?.message ?? 'invalid'}` };
}
