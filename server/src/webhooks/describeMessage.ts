import type { InboundMessage } from '@tandem/shared';
import { readDeclaredInbound } from '@tandem/nodes';
import { definedOnly } from './definedOnly';
import { MEDIA_TYPES, type MessagePayload } from './messageSchemas';
import type { MessageDescription } from './webhookEvents';

/**
 * What a message says, in the engine's terms:
 * text → text/body; interactive button_reply and list_reply → interactive/title, replyId = id;
 * template quick reply (`button`) → button/text, replyId = payload; image, video, document, audio,
 * sticker → media/caption; location → location/"name, address"; reaction → reaction/emoji with
 * contextWamid = the reacted message; contacts → contacts/formatted names; anything else → other.
 */
export function describeMessage(m: MessagePayload): MessageDescription {
  const declared: Reading | undefined = readDeclaredInbound(m);
  const { kind, text, replyId, contextWamid, data } = declared ?? read(m);
  return definedOnly({ type: m.type, kind, text, replyId, contextWamid: contextWamid ?? m.context?.id, data, content: contentOf(m) });
}

type Reading = { kind: InboundMessage['kind']; text: string; replyId?: string; contextWamid?: string; data?: Record<string, unknown> };

function read(m: MessagePayload): Reading {
  switch (m.type) {
    case 'text':
      return { kind: 'text', text: m.text?.body ?? '' };
    case 'interactive': {
      const reply =
        m.interactive?.type === 'button_reply' ? m.interactive.button_reply : m.interactive?.type === 'list_reply' ? m.interactive.list_reply : undefined;
      // Other interactive replies (e.g. a Flow's nfm_reply) are not choices a flow can branch on.
      return reply ? { kind: 'interactive', text: reply.title, replyId: reply.id } : { kind: 'other', text: '' };
    }
    case 'button':
      // Meta defaults the payload to the button text when none was set at send time.
      return { kind: 'button', text: m.button?.text ?? '', replyId: m.button?.payload ?? m.button?.text };
    case 'image':
    case 'audio':
    case 'video':
    case 'document':
    case 'sticker':
      return { kind: 'media', text: mediaOf(m)?.caption ?? '' };
    case 'location':
      return { kind: 'location', text: [m.location?.name, m.location?.address].filter((part) => part !== undefined && part !== '').join(', ') };
    case 'reaction':
      // An empty or missing emoji means the user removed their reaction.
      return { kind: 'reaction', text: m.reaction?.emoji ?? '', contextWamid: m.reaction?.message_id };
    case 'contacts':
      return { kind: 'contacts', text: (m.contacts ?? []).flatMap((card) => (card.name?.formatted_name ? [card.name.formatted_name] : [])).join(', ') };
    case 'order':
      return { kind: 'other', text: m.order?.text ?? '' };
    case 'system':
      return { kind: 'other', text: m.system?.body ?? '' };
    default:
      return { kind: 'other', text: '' };
  }
}

function mediaOf(m: MessagePayload) {
  switch (m.type) {
    case 'image':
      return m.image;
    case 'audio':
      return m.audio;
    case 'video':
      return m.video;
    case 'document':
      return m.document;
    case 'sticker':
      return m.sticker;
    default:
      return undefined;
  }
}

/** Keys of a message object that are never its type's payload, whatever `type` says. */
const ENVELOPE_KEYS = new Set(['id', 'from', 'from_user_id', 'to', 'timestamp', 'type', 'context', 'referral', 'errors', 'history_context']);
const MEDIA = new Set<string>(MEDIA_TYPES);

/** The type's payload as stored in a thread: media URLs are dropped (download by media id). */
function contentOf(m: MessagePayload): Record<string, unknown> {
  if (ENVELOPE_KEYS.has(m.type)) return {};
  const payload = m[m.type];
  if (payload === undefined) return {};
  if (!isPlainObject(payload)) return { [m.type]: payload };
  if (!MEDIA.has(m.type)) return payload;
  const { url: _url, ...withoutUrl } = payload;
  return withoutUrl;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
