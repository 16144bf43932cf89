import { useEffect, useMemo, useRef } from 'react';
import type { TemplateInfo } from '@tandem/shared';
import type { MessageView } from '@tandem/shared/api';
import { choicesOf, describeMessage, type ReplyChoice } from './describeMessage';
import { MessageBubble } from './MessageBubble';

export interface ChatThreadProps {
  messages: readonly MessageView[];
  templates: readonly TemplateInfo[];
  /** Whose phone this is: the contact's (simulator) or the business's (inbox). */
  perspective: 'contact' | 'business';
  /** Answers the bot's latest interactive message (simulator only). */
  onReply?: (choice: ReplyChoice) => void;
  empty?: string;
}

/** A conversation, oldest first, scrolled to the newest message. */
export function ChatThread({ messages, templates, perspective, onReply, empty = 'No messages yet.' }: ChatThreadProps) {
  const rendered = useMemo(() => messages.map((m) => describeMessage(m, templates)), [messages, templates]);
  const answerable = useMemo(() => lastInteractive(messages, rendered), [messages, rendered]);
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

/** Index of the bot's latest message that offers choices, or -1. */
function lastInteractive(messages: readonly MessageView[], rendered: readonly ReturnType<typeof describeMessage>[]): number {
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]!.direction === 'out' && choicesOf(rendered[i]!).length > 0) return i;
  }
  return -1;
}
