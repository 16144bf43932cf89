import { useEffect, useMemo, useRef } from 'react';
import type { TemplateInfo } from '@tandem/shared';
import type { MessageView } from '@tandem/shared/api';
import { choicesOf, deliveryNote, describeMessage, flowButtonOf, type FlowButton, type ReplyChoice } from './describeMessage';
import { MessageBubble } from './MessageBubble';

export interface ChatThreadProps {
  messages: readonly MessageView[];
  templates: readonly TemplateInfo[];
  /** Whose phone this is: the contact's (simulator) or the business's (inbox). */
  perspective: 'contact' | 'business';
  /** Answers the bot's latest interactive message (simulator only). */
  onReply?: (choice: ReplyChoice) => void;
  /** Opens the Flow of the bot's latest message that has one, with that message's wamid (simulator only). */
  onOpenFlow?: (flow: FlowOpening) => void;
  empty?: string;
  /** Names the step that sent a bot message (shown instead of its id) when the journey's document is at hand; undefined: the id. */
  stepName?: (message: Pick<MessageView, 'runId' | 'nodeId'>) => string | undefined;
}

/** A Flow the contact opens, and the message it came in (WhatsApp's `context.id` of the reply). */
export type FlowOpening = FlowButton & { contextWamid?: string };

/** A conversation, oldest first, scrolled to the newest message. */
export function ChatThread({ messages, templates, perspective, onReply, onOpenFlow, empty = 'No messages yet.', stepName }: ChatThreadProps) {
  const rendered = useMemo(() => messages.map((m) => describeMessage(m, templates)), [messages, templates]);
  const answerable = useMemo(() => lastOutbound(messages, rendered, (r) => choicesOf(r).length > 0), [messages, rendered]);
  const openable = useMemo(() => lastOutbound(messages, rendered, (r) => flowButtonOf(r) !== undefined), [messages, rendered]);
  const end = useRef<HTMLDivElement>(null);
  const last = messages.at(-1)?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolls down when a new message arrives (not on every poll's new array), which the effect does not read
  useEffect(() => {
    // Newer browsers return a promise from scrollIntoView; an effect may only return a cleanup.
    // node-name-ok: scrollIntoView's block position, not the end step
    void end.current?.scrollIntoView?.({ block: 'end' });
  }, [last]);
  return (
    <div className="tn-chat" data-testid="chat">
      {messages.length === 0 && <p className="tn-chat-empty tn-muted">{empty}</p>}
      {messages.map((m, i) => (
        <MessageBubble
          key={m.id}
          message={m}
          rendered={rendered[i]!}
          side={sideOf(m.direction, perspective)}
          onReply={onReply && i === answerable ? onReply : undefined}
          onOpenFlow={onOpenFlow && i === openable ? () => openFlow(onOpenFlow, m, rendered[i]!) : undefined}
          showAuthor={perspective === 'business'}
          stepName={stepName}
        />
      ))}
      <div ref={end} />
    </div>
  );
}

/** The contact's own messages are on the right of their phone; the business's on the right of the inbox. */
function sideOf(direction: MessageView['direction'], perspective: 'contact' | 'business'): 'left' | 'right' {
  const fromContact = direction === 'in';
  return fromContact === (perspective === 'contact') ? 'right' : 'left';
}

type Rendered = ReturnType<typeof describeMessage>;

/** Index of the bot's latest message that reached the contact and offers choices (or a Flow), or -1. */
function lastOutbound(messages: readonly MessageView[], rendered: readonly Rendered[], offers: (r: Rendered) => boolean): number {
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]!.direction === 'out' && deliveryNote(messages[i]!) === undefined && offers(rendered[i]!)) return i;
  }
  return -1;
}

function openFlow(onOpenFlow: (flow: FlowOpening) => void, m: MessageView, r: Rendered): void {
  const flow = flowButtonOf(r);
  if (flow) onOpenFlow({ ...flow, ...(m.wamid ? { contextWamid: m.wamid } : {}) });
}
