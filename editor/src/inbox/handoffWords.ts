import type { HandoffView } from '../workspace/types';

/** A conversation waits for a teammate while nobody has taken it, or while the contact's last messages are unanswered. */
export function needsReply(h: Pick<HandoffView, 'status' | 'unread'>): boolean {
  return h.status === 'open' || (h.status === 'taken' && h.unread > 0);
}

/** A conversation's state as the inbox says it. */
export function handoffStatusText(h: Pick<HandoffView, 'status' | 'assignee'>): string {
  if (h.status === 'open') return 'Waiting for a teammate';
  if (h.status === 'taken') return h.assignee ? `With ${h.assignee}` : 'Taken';
  return 'Back with the bot';
}

/** "3 new messages" for a screen reader and a tooltip. */
export function unreadText(n: number): string {
  return `${n} new message${n === 1 ? '' : 's'} from the contact`;
}
