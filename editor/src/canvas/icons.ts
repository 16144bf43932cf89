import {
  CalendarClock,
  CircleQuestionMark,
  ClipboardList,
  CornerDownRight,
  FileText,
  Flag,
  GitBranch,
  Globe,
  Hourglass,
  Megaphone,
  MessageCircle,
  Send,
  Split,
  Square,
  Tag,
  Terminal,
  UserRound,
  Zap,
  type LucideIcon,
} from 'lucide-react';

/**
 * The node definitions' icon names (lucide names) to components. Imported one by one so the
 * bundle holds only these; a test checks every definition's icon is here.
 */
export const nodeIcons: Record<string, LucideIcon> = {
  'message-circle': MessageCircle,
  zap: Zap,
  'calendar-clock': CalendarClock,
  terminal: Terminal,
  'file-text': FileText,
  send: Send,
  'help-circle': CircleQuestionMark,
  hourglass: Hourglass,
  'git-branch': GitBranch,
  split: Split,
  tag: Tag,
  globe: Globe,
  'user-round': UserRound,
  'corner-down-right': CornerDownRight,
  flag: Flag,
  'clipboard-list': ClipboardList,
  megaphone: Megaphone,
};

export function iconFor(name: string): LucideIcon {
  return nodeIcons[name] ?? Square;
}
