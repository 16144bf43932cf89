import { describe, expect, it } from 'vitest';
import { handoffStatusText, needsReply, unreadText } from './handoffWords';

describe('inbox words', () => {
  it('counts a conversation as waiting while nobody took it, or while the contact is unanswered', () => {
    expect(needsReply({ status: 'open', unread: 0 })).toBe(true);
    expect(needsReply({ status: 'taken', unread: 0 })).toBe(false);
    expect(needsReply({ status: 'taken', unread: 2 })).toBe(true);
    expect(needsReply({ status: 'released', unread: 0 })).toBe(false);
  });

  it('says who has a conversation', () => {
    expect(handoffStatusText({ status: 'open', assignee: null })).toBe('Waiting for a teammate');
    expect(handoffStatusText({ status: 'taken', assignee: 'sam@shop.test' })).toBe('With sam@shop.test');
    expect(handoffStatusText({ status: 'released', assignee: 'sam@shop.test' })).toBe('Back with the bot');
    expect(unreadText(1)).toBe('1 new message from the contact');
  });
});
