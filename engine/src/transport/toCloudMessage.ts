import type { OutboundContent } from '@tandem/shared';
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
  const body = bodyOf(content);
  const parsed = outboundMessageSchema.safeParse({ ...base, ...body });
  if (parsed.success) return { ok: true, message: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, problem: `${issue?.path.join('.') ?? 'message'}: ${issue?.message ?? 'invalid'}` };
}

function bodyOf(c: OutboundContent): Record<string, unknown> {
  switch (c.kind) {
    case 'text':
      return { type: 'text', text: { body: c.text, preview_url: c.previewUrl } };
    case 'media':
      return {
        type: c.mediaType,
        [c.mediaType]: {
          link: c.url,
          ...(c.caption && c.mediaType !== 'audio' ? { caption: c.caption } : {}),
          ...(c.filename && c.mediaType === 'document' ? { filename: c.filename } : {}),
        },
      };
    case 'buttons':
      return {
        type: 'interactive',
        interactive: {
          type: 'button',
          ...(c.header ? { header: { type: 'text', text: c.header } } : {}),
          body: { text: c.body },
          ...(c.footer ? { footer: { text: c.footer } } : {}),
          action: { buttons: c.buttons.map((b) => ({ type: 'reply', reply: { id: b.id, title: b.title } })) },
        },
      };
    case 'list':
      return {
        type: 'interactive',
        interactive: {
          type: 'list',
          ...(c.header ? { header: { type: 'text', text: c.header } } : {}),
          body: { text: c.body },
          ...(c.footer ? { footer: { text: c.footer } } : {}),
          action: {
            button: c.buttonLabel,
            sections: c.sections.map((s) => ({
              ...(s.title ? { title: s.title } : {}),
              rows: s.rows.map((r) => ({ id: r.id, title: r.title, ...(r.description ? { description: r.description } : {}) })),
            })),
          },
        },
      };
    case 'template': {
      const components: Record<string, unknown>[] = [];
      if (c.header) {
        components.push({
          type: 'header',
          parameters: [c.header.type === 'text' ? { type: 'text', text: c.header.text } : { type: c.header.type, [c.header.type]: { link: c.header.url } }],
        });
      }
      if (c.body.length) {
        components.push({ type: 'body', parameters: c.body.map((p) => ({ type: 'text', text: p.text, ...(p.name ? { parameter_name: p.name } : {}) })) });
      }
      for (const b of c.buttons) {
        const parameter =
          b.subType === 'quick_reply'
            ? { type: 'payload', payload: b.value }
            : b.subType === 'copy_code'
              ? { type: 'coupon_code', coupon_code: b.value }
              : { type: 'text', text: b.value };
        components.push({ type: 'button', sub_type: b.subType, index: String(b.index), parameters: [parameter] });
      }
      return { type: 'template', template: { name: c.name, language: { code: c.language }, ...(components.length ? { components } : {}) } };
    }
  }
}
