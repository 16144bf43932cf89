import { defineRuntime } from '../defineRuntime';
import { readReceipt } from '../common/readReceipt';
import { readReceiptEffect } from '../common/readReceiptName';
import type { TriggerMessageConfig } from './definition';

export const triggerMessageRuntime = defineRuntime<TriggerMessageConfig>({
  startsOn: 'message',
  // Keyword and pattern triggers win over "any message"; ad triggers sit in between.
  specificity: (c) => (c.match === 'keywords' || c.match === 'regex' ? 0 : c.source === 'ad' ? 1 : 2),
  matchMessage(c, { message, firstContact }) {
    if (c.firstContactOnly && !firstContact) return undefined;
    if (c.source === 'ad') {
      const ad = message.referral?.sourceType === 'ad' ? message.referral.sourceId : undefined;
      if (!ad || (c.adIds.length > 0 && !c.adIds.includes(ad))) return undefined;
    }
    if (!textMatches(c, message.text)) return undefined;
    return {
      message_id: message.wamid,
      text: message.text,
      message_type: message.kind,
      reply_id: message.replyId ?? null,
      received_at: message.at,
      ad_id: message.referral?.sourceId ?? null,
      ad_headline: message.referral?.headline ?? null,
      ctwa_clid: message.referral?.ctwaClid ?? null,
    };
  },
  effects: { [readReceiptEffect]: readReceipt },
});

function textMatches(c: TriggerMessageConfig, text: string): boolean {
  if (c.match === 'any') return true;
  if (c.match === 'regex') {
    try {
      return new RegExp(c.pattern, c.caseSensitive ? '' : 'i').test(text.slice(0, 4_096));
    } catch {
      return false;
    }
  }
  const fold = (s: string) => (c.caseSensitive ? s.trim() : s.trim().toLowerCase());
  const said = fold(text);
  return c.keywords.some((k) => {
    const word = fold(k);
    if (c.keywordMode === 'exact') return said === word;
    if (c.keywordMode === 'starts_with') return said.startsWith(word);
    return said.includes(word);
  });
}
