import type { TemplateInfo } from '@tandem/shared';
import { outboundContentSchema, readDeclaredInbound, type OutboundContent } from '@tandem/nodes';
import type { MessageView } from '@tandem/shared/api';
import { momentText } from '../analytics/timeWords';

/** A choice the contact can tap: a reply button, a list row, a template's quick reply. */
export interface ReplyChoice {
  /** What the reply carries back (`replyId`): the button or row id, or the quick reply's payload. */
  id: string;
  title: string;
  description?: string;
}

interface TemplateButtonView {
  text: string;
  kind: 'quick_reply' | 'url' | 'copy_code' | 'flow' | 'other';
  /** Quick replies: the payload the tap sends. URL / copy code: the filled-in value, if any. Flow: the token. */
  value?: string;
  /** Flow buttons: the WhatsApp Flow the button opens, as the step that sent it recorded. */
  flowId?: string;
}

/** A message as the chat shows it, whichever direction and form it came in. */
export type RenderedMessage =
  | { kind: 'text'; text: string }
  | { kind: 'media'; mediaType: string; url?: string; caption?: string; filename?: string }
  | { kind: 'buttons'; header?: string; body: string; footer?: string; choices: ReplyChoice[] }
  | { kind: 'list'; header?: string; body: string; footer?: string; buttonLabel: string; sections: { title?: string; choices: ReplyChoice[] }[] }
  | {
      kind: 'template';
      name: string;
      language: string;
      category: string;
      /** False when the workspace does not know the template: only its values can be shown. */
      known: boolean;
      header?: { text: string } | { mediaType: string; url: string };
      body: string;
      footer?: string;
      buttons: TemplateButtonView[];
    }
  | {
      kind: 'flow';
      /** Meta's Flow id, its name, and the token its answers come back with. */
      flowId: string;
      flowName: string;
      token: string;
      screen: string;
      header?: string;
      body: string;
      footer?: string;
      cta: string;
    }
  | { kind: 'reply'; title: string; id?: string }
  | { kind: 'form-reply'; text: string; answers: Record<string, unknown> }
  | { kind: 'other'; text: string };

/** How a message is rendered: the bot's messages from their stored content, the contact's and App replies from WhatsApp's payload. */
export function describeMessage(message: Pick<MessageView, 'direction' | 'type' | 'content'>, templates: readonly TemplateInfo[] = []): RenderedMessage {
  if (message.direction === 'out') {
    const parsed = outboundContentSchema.safeParse(message.content);
    if (parsed.success) return describeOutbound(parsed.data, templates);
  }
  return describeInbound(message.type, message.content);
}

function describeOutbound(c: OutboundContent, templates: readonly TemplateInfo[]): RenderedMessage {
  switch (c.kind) {
    case 'text':
      return { kind: 'text', text: c.text };
    case 'media':
      return { kind: 'media', mediaType: c.mediaType, url: c.url, ...opt('caption', c.caption), ...opt('filename', c.filename) };
    case 'buttons':
      return {
        kind: 'buttons',
        ...opt('header', c.header),
        body: c.body,
        ...opt('footer', c.footer),
        choices: c.buttons.map((b) => ({ id: b.id, title: b.title })),
      };
    case 'list':
      return {
        kind: 'list',
        ...opt('header', c.header),
        body: c.body,
        ...opt('footer', c.footer),
        buttonLabel: c.buttonLabel,
        sections: c.sections.map((s) => ({
          ...opt('title', s.title),
          choices: s.rows.map((r) => ({ id: r.id, title: r.title, ...opt('description', r.description) })),
        })),
      };
    case 'template':
      return renderTemplate(c, templates);
    case 'flow':
      return {
        kind: 'flow',
        flowId: c.flowId,
        flowName: c.flowName,
        token: c.token,
        screen: c.screen,
        ...opt('header', c.header),
        body: c.body,
        ...opt('footer', c.footer),
        cta: c.cta,
      };
  }
}

/** A template button's value as the chat shows it: the payload, link end or code; a Flow button's token. */
function buttonValue(b: TemplateContent['buttons'][number]): string {
  return b.subType === 'flow' ? b.flowToken : b.value;
}

type TemplateContent = Extract<OutboundContent, { kind: 'template' }>;

/**
 * A sent template as the contact sees it: the approved text with the values filled in
 * (`{{1}}` by position, `{{name}}` by name), its header, footer and buttons; the quick replies
 * carry the payload the step set (else the button text, as WhatsApp does).
 */
function renderTemplate(c: TemplateContent, templates: readonly TemplateInfo[]): Extract<RenderedMessage, { kind: 'template' }> {
  const t = templates.find((x) => x.name === c.name && x.language === c.language);
  const base = { kind: 'template' as const, name: c.name, language: c.language, category: c.category };
  const headerValue = c.header?.type === 'text' ? c.header.text : undefined;
  const mediaHeader = c.header && c.header.type !== 'text' ? { mediaType: c.header.type, url: c.header.url } : undefined;
  if (!t?.text) {
    return {
      ...base,
      known: t !== undefined,
      ...(headerValue !== undefined ? { header: { text: headerValue } } : mediaHeader ? { header: mediaHeader } : {}),
      body: c.body.map((p) => p.text).join(' · '),
      buttons: c.buttons.map((b) => ({
        text: b.subType === 'flow' ? 'Open form' : b.value,
        kind: b.subType,
        value: buttonValue(b),
        ...(b.subType === 'flow' && b.flowId ? { flowId: b.flowId } : {}),
      })),
    };
  }
  const fill = (text: string, values: readonly { name?: string | undefined; text: string }[]) =>
    text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, key: string) => {
      const byName = values.find((v) => v.name === key);
      const byPosition = /^\d+$/.test(key) ? values[Number(key) - 1] : undefined;
      return (byName ?? byPosition)?.text ?? whole;
    });
  const header = t.text.header !== undefined ? { text: fill(t.text.header, headerValue !== undefined ? [{ text: headerValue }] : []) } : mediaHeader;
  return {
    ...base,
    known: true,
    ...(header ? { header } : {}),
    body: fill(t.text.body, c.body),
    ...opt('footer', t.text.footer),
    buttons: t.buttons.map((b, index) => {
      const param = c.buttons.find((p) => p.index === index);
      const kind =
        b.type === 'QUICK_REPLY' ? 'quick_reply' : b.type === 'URL' ? 'url' : b.type === 'COPY_CODE' ? 'copy_code' : b.type === 'FLOW' ? 'flow' : 'other';
      const value = kind === 'quick_reply' ? ((param && buttonValue(param)) ?? b.text) : param && buttonValue(param);
      const flowId = param?.subType === 'flow' ? param.flowId : undefined;
      return { text: b.text, kind, ...opt('value', value), ...opt('flowId', flowId) };
    }),
  };
}

/** WhatsApp's payload of a message the contact (or the App) sent, as stored in the thread. */
function describeInbound(type: string, content: Record<string, unknown>): RenderedMessage {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const rec = (v: unknown) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
  if (type === 'text') return { kind: 'text', text: str(content.body) ?? str(content.text) ?? '' };
  if (type === 'interactive') {
    const reply = rec(content.button_reply) ?? rec(content.list_reply);
    if (reply) return { kind: 'reply', title: str(reply.title) ?? '', ...opt('id', str(reply.id)) };
  }
  // A kind a node declares (a submitted WhatsApp Flow), read the way the webhook layer reads it.
  const declared = readDeclaredInbound({ type, [type]: content });
  if (declared?.data) {
    const { flow_token: _token, ...answers } = declared.data;
    return { kind: 'form-reply', text: declared.text, answers };
  }
  if (type === 'button') return { kind: 'reply', title: str(content.text) ?? '', ...opt('id', str(content.payload)) };
  if (['image', 'video', 'audio', 'document', 'sticker'].includes(type)) {
    return { kind: 'media', mediaType: type, ...opt('caption', str(content.caption)), ...opt('filename', str(content.filename)) };
  }
  if (type === 'location') return { kind: 'other', text: `📍 ${[str(content.name), str(content.address)].filter(Boolean).join(', ') || 'Location'}` };
  if (type === 'reaction') return { kind: 'other', text: str(content.emoji) ? `Reacted ${str(content.emoji)}` : 'Removed a reaction' };
  return { kind: 'other', text: str(content.body) ?? str(content.text) ?? `(${type} message)` };
}

/** A WhatsApp Flow the contact can open from a message: its token, and its id when the message names it. */
export interface FlowButton {
  token: string;
  /** Meta's Flow id: a Flow message names it, and so does a template's Flow button a step sent. */
  flowId?: string;
  /** What the form is called: the Flow's name, else the button's label. */
  title: string;
}

/** The Flow a rendered message opens: a Flow message's, or a template's (first) Flow button's; none for other messages. */
export function flowButtonOf(m: RenderedMessage): FlowButton | undefined {
  if (m.kind === 'flow') return { token: m.token, flowId: m.flowId, title: m.flowName || m.cta };
  if (m.kind !== 'template') return undefined;
  const b = m.buttons.find((x) => x.kind === 'flow' && x.value);
  return b?.value ? { token: b.value, title: b.text, ...(b.flowId ? { flowId: b.flowId } : {}) } : undefined;
}

/** Choices the contact can tap in a rendered message (none for messages without any). */
export function choicesOf(m: RenderedMessage): ReplyChoice[] {
  if (m.kind === 'buttons') return m.choices;
  if (m.kind === 'list') return m.sections.flatMap((s) => s.choices);
  if (m.kind === 'template') return m.buttons.filter((b) => b.kind === 'quick_reply').map((b) => ({ id: b.value ?? b.text, title: b.text }));
  return [];
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

const heldBecause: Record<string, string> = {
  human_active: 'a teammate is talking to the contact',
  collision_guard: 'a person just wrote from the Business App',
  quiet_hours: 'quiet hours',
  pacing: 'a moment between two messages to the contact',
  throughput: "the number's sending rate",
  number_paused: 'sending from this number is paused',
  template_paused: 'WhatsApp paused the template',
};

const at = (iso: unknown) => (typeof iso === 'string' ? momentText(iso) : '');

/**
 * Why a message waits, from what the sender recorded with the hold: for a person's App reply, the
 * journey's own rule, the reply it counts from and until when (or what ends it).
 */
function heldText(error: Record<string, unknown>): string {
  const why = typeof error.held === 'string' ? heldBecause[error.held] : undefined;
  if (typeof error.since !== 'string') return `Held${why ? `: ${why}` : ''}. It goes out when that ends.`;
  const replied = `a person replied from the Business App at ${at(error.since)}`;
  if (error.held === 'collision_guard') return `Held: ${replied}; it goes out at ${at(error.until)}, so as not to talk over them.`;
  switch (error.rule) {
    case 'pause_for':
      return `Held: ${replied}; this journey pauses ${String(error.minutes ?? '')} minutes after the last App reply, so it goes out at ${at(error.until)}.`;
    case 'until_keyword':
      return `Held: ${replied}; this journey waits until someone sends “${String(error.keyword ?? '')}” from the App or a teammate clicks Resume automation.`;
    default:
      return `Held: ${replied}; this journey waits until a teammate clicks Resume automation.`;
  }
}

/**
 * Why a bot message did not (yet) go out, in plain words: skipped (the 24-hour window is closed, a
 * person replied from the Business App), held and why, or blocked (opt-out, frequency cap,
 * template). Undefined for messages sent or on their way, and for failures (shown with their error).
 */
export function deliveryNote(message: Pick<MessageView, 'direction' | 'status' | 'error'>): string | undefined {
  if (message.direction !== 'out') return undefined;
  const error = message.error ?? {};
  if (message.status === 'skipped') {
    if (error.code === 'window_closed') return 'Not sent: the 24-hour window is closed. Only a template can reach the contact now.';
    if (error.code === 'human_active') return 'Not sent: a person replied from the Business App.';
    return 'Not sent.';
  }
  if (message.status === 'held') return heldText(error);
  if (message.status === 'blocked') return `Not sent: ${typeof error.message === 'string' ? error.message.replace(/^./, (c) => c.toLowerCase()) : 'blocked'}.`;
  return undefined;
}
