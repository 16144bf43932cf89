import type { MessageView } from '@tandem/shared/api';

/** Who wrote a message, as the inbox labels it. */
export interface MessageAuthor {
  kind: 'contact' | 'bot' | 'agent' | 'app' | 'history';
  label: string;
}

/** The contact, the bot (a journey's step), a teammate in the inbox (by name), or a person in the Business App. */
export function messageAuthor(m: Pick<MessageView, 'direction' | 'agent'>): MessageAuthor {
  if (m.direction === 'in') return { kind: 'contact', label: 'Contact' };
  if (m.direction === 'echo') return { kind: 'app', label: 'From the Business App' };
  if (m.direction === 'history') return { kind: 'history', label: 'Earlier chat' };
  if (m.agent) return { kind: 'agent', label: `${m.agent.name ?? 'A teammate'} · in the inbox` };
  return { kind: 'bot', label: 'Bot' };
}
