import { useState } from 'react';
import { Bot, ClipboardList, ExternalLink, FileText, Headset, Image, List, Smartphone, Copy } from 'lucide-react';
import type { MessageView } from '@tandem/shared/api';
import { keyedByContent } from '../shell/contentKeys';
import { deliveryNote, type RenderedMessage, type ReplyChoice } from './describeMessage';
import { messageAuthor } from './messageAuthor';
import './chat.css';

export interface MessageBubbleProps {
  message: Pick<MessageView, 'id' | 'direction' | 'status' | 'error' | 'at' | 'nodeId' | 'runId' | 'agent'>;
  rendered: RenderedMessage;
  /** Whose side of the chat this message is on (the simulator is the contact's phone; the inbox the business's). */
  side: 'left' | 'right';
  /** Set on the bot's latest interactive message: tapping a button or row answers it. */
  onReply?: ((choice: ReplyChoice) => void) | undefined;
  /** Set on the bot's latest message that opens a WhatsApp Flow: tapping its button opens the form. */
  onOpenFlow?: (() => void) | undefined;
  /** Label every message with who wrote it: the bot, a teammate by name, the Business App (the inbox, the run log). */
  showAuthor?: boolean | undefined;
  /** The name of the step that sent a bot message; its id when absent or unknown. */
  stepName?: ((message: Pick<MessageView, 'runId' | 'nodeId'>) => string | undefined) | undefined;
}

const directionLabel: Record<MessageView['direction'], string> = { in: 'Contact', out: 'Bot', echo: 'From the Business App', history: 'History' };

/** One message drawn like WhatsApp: text, media, reply buttons, a list, a template with its buttons. */
export function MessageBubble({ message, rendered, side, onReply, onOpenFlow, showAuthor, stepName }: MessageBubbleProps) {
  const failed = message.status === 'failed';
  const note = deliveryNote(message);
  const author = messageAuthor(message);
  return (
    <div
      className={`tn-msg tn-msg-${side} tn-msg-${message.direction} tn-msg-by-${author.kind}${failed ? ' tn-msg-failed' : ''}${note ? ' tn-msg-unsent' : ''}`}
      data-direction={message.direction}
      data-kind={rendered.kind}
      data-author={author.kind}
      data-testid="message"
    >
      {message.direction === 'echo' && (
        <div className="tn-msg-app" data-testid="app-echo">
          <Smartphone size={12} aria-hidden /> {directionLabel.echo}
        </div>
      )}
      {showAuthor && (author.kind === 'agent' || author.kind === 'bot') && (
        <div className={`tn-msg-author tn-msg-author-${author.kind}`} data-testid="message-author">
          {author.kind === 'agent' ? <Headset size={12} aria-hidden /> : <Bot size={12} aria-hidden />} {author.label}
        </div>
      )}
      <Body rendered={rendered} onReply={onReply} onOpenFlow={onOpenFlow} />
      <div className="tn-msg-meta">
        {message.direction === 'out' &&
          message.nodeId &&
          (() => {
            const name = stepName?.(message);
            return name ? <span title="The step that sent it">{name}</span> : <code title="The step that sent it">{message.nodeId}</code>;
          })()}
        <time dateTime={message.at}>{new Date(message.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</time>
        {message.direction === 'out' && <span className="tn-msg-status">{message.status}</span>}
      </div>
      {failed && message.error && <div className="tn-msg-error">{errorLine(message.error)}</div>}
      {note && (
        <div className="tn-msg-note" data-testid="delivery-note">
          {note}
        </div>
      )}
    </div>
  );
}

function Body({
  rendered,
  onReply,
  onOpenFlow,
}: {
  rendered: RenderedMessage;
  onReply?: ((choice: ReplyChoice) => void) | undefined;
  onOpenFlow?: (() => void) | undefined;
}) {
  const [listOpen, setListOpen] = useState(false);
  switch (rendered.kind) {
    case 'text':
      return (
        <div className="tn-msg-text" dir="auto">
          {rendered.text}
        </div>
      );
    case 'other':
      return <div className="tn-msg-text tn-muted">{rendered.text}</div>;
    case 'reply':
      return (
        <div className="tn-msg-text" dir="auto">
          <span className="tn-msg-reply-mark">↩</span> {rendered.title}
        </div>
      );
    case 'media':
      return (
        <div className="tn-msg-media">
          {rendered.mediaType === 'image' && rendered.url ? (
            <img src={rendered.url} alt={rendered.caption ?? 'Image'} loading="lazy" />
          ) : (
            <MediaIcon type={rendered.mediaType} />
          )}
          <span className="tn-muted">{rendered.filename ?? rendered.mediaType}</span>
          {rendered.caption && (
            <div className="tn-msg-text" dir="auto">
              {rendered.caption}
            </div>
          )}
        </div>
      );
    case 'buttons':
      return (
        <>
          <Framed header={rendered.header} body={rendered.body} footer={rendered.footer} />
          <div className="tn-msg-buttons">
            {rendered.choices.map((c) => (
              <ChoiceButton key={c.id} choice={c} onReply={onReply} />
            ))}
          </div>
        </>
      );
    case 'list':
      return (
        <>
          <Framed header={rendered.header} body={rendered.body} footer={rendered.footer} />
          <div className="tn-msg-buttons">
            <button type="button" className="tn-msg-button" onClick={() => setListOpen((v) => !v)} aria-expanded={listOpen}>
              <List size={14} aria-hidden /> {rendered.buttonLabel}
            </button>
          </div>
          {listOpen && (
            <div className="tn-msg-list">
              {keyedByContent(rendered.sections, (s) => s.choices.map((c) => c.id).join('|')).map(({ key, item: s }) => (
                <div key={key} className="tn-msg-section">
                  {s.title && <div className="tn-msg-section-title">{s.title}</div>}
                  {s.choices.map((c) => (
                    <button
                      key={c.id}
                      type="button"
                      className="tn-msg-row"
                      disabled={!onReply}
                      data-reply={c.id}
                      onClick={() => {
                        setListOpen(false);
                        onReply?.(c);
                      }}
                    >
                      <span>{c.title}</span>
                      {c.description && <span className="tn-muted">{c.description}</span>}
                    </button>
                  ))}
                </div>
              ))}
            </div>
          )}
        </>
      );
    case 'template':
      return (
        <>
          <div className="tn-msg-template-name">
            <FileText size={12} aria-hidden /> {rendered.name} · {rendered.category.toLowerCase()}
            {!rendered.known && ' · not in this workspace'}
          </div>
          {rendered.header &&
            ('text' in rendered.header ? (
              <strong className="tn-msg-header" dir="auto">
                {rendered.header.text}
              </strong>
            ) : (
              <MediaIcon type={rendered.header.mediaType} />
            ))}
          <div className="tn-msg-text" dir="auto">
            {rendered.body}
          </div>
          {rendered.footer && (
            <div className="tn-msg-footer" dir="auto">
              {rendered.footer}
            </div>
          )}
          {rendered.buttons.length > 0 && (
            <div className="tn-msg-buttons">
              {keyedByContent(rendered.buttons).map(({ key, item: b }) =>
                b.kind === 'quick_reply' ? (
                  <ChoiceButton key={key} choice={{ id: b.value ?? b.text, title: b.text }} onReply={onReply} />
                ) : b.kind === 'flow' ? (
                  <FlowButton key={key} label={b.text} title="Opens a WhatsApp Flow" onOpen={onOpenFlow} />
                ) : (
                  <span key={key} className="tn-msg-button tn-msg-button-static" title={b.value}>
                    {b.kind === 'url' ? <ExternalLink size={14} aria-hidden /> : b.kind === 'copy_code' ? <Copy size={14} aria-hidden /> : null} {b.text}
                  </span>
                ),
              )}
            </div>
          )}
        </>
      );
    case 'flow':
      return (
        <>
          <Framed header={rendered.header} body={rendered.body} footer={rendered.footer} />
          <div className="tn-msg-buttons">
            <FlowButton label={rendered.cta} title={`WhatsApp Flow ${rendered.flowName || rendered.flowId}`} onOpen={onOpenFlow} />
          </div>
        </>
      );
    case 'form-reply':
      return (
        <>
          <div className="tn-msg-form-reply">
            <ClipboardList size={14} aria-hidden /> {rendered.text}
          </div>
          {Object.keys(rendered.answers).length > 0 && (
            <dl className="tn-msg-answers" data-testid="form-answers">
              {Object.entries(rendered.answers).map(([k, v]) => (
                <div key={k} data-answer={k}>
                  <dt>{k}</dt>
                  <dd>{answerText(v)}</dd>
                </div>
              ))}
            </dl>
          )}
        </>
      );
  }
}

function ChoiceButton({ choice, onReply }: { choice: ReplyChoice; onReply?: ((choice: ReplyChoice) => void) | undefined }) {
  return (
    <button type="button" className="tn-msg-button" disabled={!onReply} data-reply={choice.id} onClick={() => onReply?.(choice)}>
      {choice.title}
    </button>
  );
}

/** A Flow's button: it opens the form when the message can still be answered, else it only shows the label. */
function FlowButton({ label, title, onOpen }: { label: string; title: string; onOpen?: (() => void) | undefined }) {
  return (
    <button type="button" className="tn-msg-button" disabled={!onOpen} title={title} data-open-flow="" onClick={() => onOpen?.()}>
      <ClipboardList size={14} aria-hidden /> {label}
    </button>
  );
}

/** A submitted value as the contact entered it: text as is, yes/no, a list of choices. */
function answerText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (Array.isArray(v)) return v.map(String).join(', ');
  return JSON.stringify(v);
}

function MediaIcon({ type }: { type: string }) {
  return type === 'image' ? <Image size={28} aria-hidden /> : <FileText size={28} aria-hidden />;
}

function errorLine(error: Record<string, unknown>): string {
  const code = error.code !== undefined ? `${String(error.code)}: ` : '';
  return `${code}${typeof error.message === 'string' ? error.message : typeof error.title === 'string' ? error.title : 'Not delivered'}`;
}

/** An interactive message's header, body and footer, each in the direction it is written in. */
function Framed({ header, body, footer }: { header?: string | undefined; body: string; footer?: string | undefined }) {
  return (
    <>
      {header && (
        <strong className="tn-msg-header" dir="auto">
          {header}
        </strong>
      )}
      <div className="tn-msg-text" dir="auto">
        {body}
      </div>
      {footer && (
        <div className="tn-msg-footer" dir="auto">
          {footer}
        </div>
      )}
    </>
  );
}
