import { z } from 'zod';
import { port } from '@tandem/shared';
import { defineNode } from '../defineNode';
import { field } from '../form';
import { compileTrigger } from '../common/triggerState';
import { refs } from '../compileContext';
import { readReceiptEffect } from '../common/readReceiptName';

const triggerMessageConfigSchema = z
  .object({
    match: field(z.enum(['any', 'keywords', 'regex']).default('any'), {
      label: 'Start when the message',
      widget: 'select',
      choices: {
        any: { label: 'Is any message', help: 'Every message that no running journey is waiting for' },
        keywords: { label: 'Has a keyword', help: 'The message is, contains or starts with one of your keywords' },
        regex: { label: 'Matches a pattern', help: 'A regular expression, for order numbers and other formats' },
      },
    }),
    keywords: field(z.array(z.string().trim().min(1).max(100)).max(50).default([]), {
      label: 'Keywords',
      widget: 'tags',
      showWhen: { field: 'match', equals: ['keywords'] },
    }),
    keywordMode: field(z.enum(['exact', 'contains', 'starts_with']).default('exact'), {
      label: 'Keyword match',
      widget: 'select',
      choices: {
        exact: { label: 'Is exactly the keyword', help: '"order" starts it, "my order" does not' },
        contains: { label: 'Contains the keyword', help: '"where is my order?" starts it for "order"' },
        starts_with: { label: 'Starts with the keyword', help: '"order 1234" starts it for "order"' },
      },
      showWhen: { field: 'match', equals: ['keywords'] },
    }),
    caseSensitive: field(z.boolean().default(false), {
      label: 'Case sensitive',
      widget: 'toggle',
      showWhen: { field: 'match', equals: ['keywords', 'regex'] },
    }),
    pattern: field(z.string().max(200).default(''), {
      label: 'Regular expression',
      widget: 'regex',
      placeholder: '^order\\s+#?\\d+$',
      showWhen: { field: 'match', equals: ['regex'] },
    }),
    firstContactOnly: field(z.boolean().default(false), {
      label: 'Only for first-time contacts',
      widget: 'toggle',
      help: 'Start only when this is the first message Tandem has seen from the contact',
    }),
    source: field(z.enum(['any', 'ad']).default('any'), {
      label: 'Message source',
      widget: 'select',
      choices: {
        any: { label: 'Any message', help: 'Messages the contact types, and those from ads' },
        ad: { label: 'From a Click-to-WhatsApp ad', help: 'Only messages that come from tapping one of your ads' },
      },
    }),
    adIds: field(
      z
        .array(z.string().regex(/^\d{1,32}$/, 'Ad ids are digits'))
        .max(100)
        .default([]),
      {
        label: 'Ad ids',
        widget: 'tags',
        help: 'Leave empty for any ad',
        showWhen: { field: 'source', equals: ['ad'] },
      },
    ),
  })
  .superRefine((c, ctx) => {
    if (c.match === 'keywords' && c.keywords.length === 0) ctx.addIssue({ code: 'custom', path: ['keywords'], message: 'Add at least one keyword' });
    if (c.match === 'regex' && c.pattern.trim() === '') ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'Write the pattern' });
    if (c.source === 'any' && c.adIds.length > 0) ctx.addIssue({ code: 'custom', path: ['adIds'], message: 'Ad ids only apply when the source is an ad' });
  });
export type TriggerMessageConfig = z.infer<typeof triggerMessageConfigSchema>;

/** Values every inbound-message trigger puts in `trigger.*`. */
export const messageTriggerFields = ['message_id', 'text', 'message_type', 'reply_id', 'received_at', 'ad_id', 'ad_headline', 'ctwa_clid'];

export const triggerMessage = defineNode({
  type: 'trigger-message',
  version: 1,
  category: 'trigger',
  label: 'Message received',
  description: 'Starts when a contact writes to your number: any message, keywords or a pattern, optionally only from an ad.',
  icon: 'message-circle',
  config: triggerMessageConfigSchema,
  defaults: { match: 'keywords', keywords: ['hi'] },
  ports: () => [port('next', 'Next', 'next', true)],
  // The message that starts the journey is marked read as the read-receipt setting allows.
  compile: (_config, ctx) => compileTrigger(ctx, refs.effect(ctx.nodeId, readReceiptEffect)),
  analysis: {
    window: () => ({ kind: 'reset' }),
    provides: () => [{ scope: 'trigger', names: messageTriggerFields, ports: 'all' }],
  },
  summary: (c) => {
    const what = c.match === 'any' ? 'Any message' : c.match === 'keywords' ? `Keyword: ${c.keywords.join(', ')}` : `Matches /${c.pattern}/`;
    return [what, c.source === 'ad' ? 'from an ad' : '', c.firstContactOnly ? 'first contact only' : ''].filter(Boolean).join(' · ');
  },
  // The first three keywords, as the test contact would type them.
  starters: (data) =>
    data.match === 'keywords' && Array.isArray(data.keywords)
      ? data.keywords
          .slice(0, 3)
          .filter((k): k is string => typeof k === 'string' && k.trim() !== '')
          .map((k) => ({ kind: 'say', text: k.trim() }))
      : [],
});
