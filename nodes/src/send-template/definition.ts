import { z } from 'zod';
import { port } from '@tandem/shared';
import { defineNode } from '../defineNode';
import { field } from '../form';
import { onOutcomes, refs } from '../compileContext';
import { templateText } from '../common/messageContent';
import { humanActivePorts, whenHumanActiveSchema } from '../common/humanActive';
import { checkSendTemplate } from './checks';
import { sendTemplateClone } from './clone';
import { templateReplyChoices } from './replyChoices';

import { templateCategories } from '../common/content/template';

export { templateCategories, type TemplateCategory } from '../common/content/template';

const parameterSchema = z.object({
  name: field(
    z
      .string()
      .regex(/^[a-z0-9_]{1,60}$/, 'Lower-case letters, digits and _')
      .optional(),
    {
      label: 'Parameter name',
      help: 'For templates with named parameters; leave empty for {{1}}, {{2}}...',
    },
  ),
  value: templateText('Value', 1_024, { required: 'Give the parameter a value' }),
});

const buttonParameterSchema = z.object({
  index: field(z.number().int().min(0).max(9), { label: 'Button position', help: '0 for the first button' }),
  type: field(z.enum(['quick_reply', 'url', 'copy_code']), {
    label: 'Button type',
    widget: 'select',
    choices: {
      quick_reply: { label: 'Quick reply', help: 'The value is the payload sent back when the contact taps it' },
      url: { label: 'Link', help: 'The value is the end of the link (its dynamic part)' },
      copy_code: { label: 'Copy code', help: 'The value is the code the contact copies' },
    },
  }),
  value: templateText('Value', 2_000, { required: 'Give the button a value', help: 'What the button carries, by its type above' }),
});

const sendTemplateConfigSchema = z
  .object({
    template: z.object({
      name: field(z.string().regex(/^[a-z0-9_]{1,512}$/, 'Template names use lower-case letters, digits and _'), {
        label: 'Template',
        widget: 'template-picker',
      }),
      language: field(z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'Use a language code such as en or en_US'), { label: 'Language' }),
      category: field(z.enum(templateCategories), { label: 'Category', widget: 'select', help: 'As approved by Meta; marketing templates need consent' }),
    }),
    header: z
      .discriminatedUnion('type', [
        z.object({ type: z.literal('none') }),
        z.object({ type: z.literal('text'), text: templateText('Header value', 60, { required: 'Give the header a value' }) }),
        z.object({
          type: z.enum(['image', 'video', 'document']),
          url: field(z.string().min(1, 'Give the media URL').max(2_000), { label: 'Media URL', widget: 'template' }),
        }),
      ])
      .default({ type: 'none' }),
    body: field(z.array(parameterSchema).max(60).default([]), { label: 'Body parameters', widget: 'list' }),
    buttons: field(z.array(buttonParameterSchema).max(10).default([]), { label: 'Button parameters', widget: 'list' }),
    whenHumanActive: whenHumanActiveSchema,
    optOutButton: field(z.number().int().min(0).max(9).nullable().default(null), {
      label: 'Opt-out button',
      help: 'Position of the quick-reply button that means "stop promotions"; tapping it records the opt-out',
    }),
  })
  .superRefine((c, ctx) => {
    const names = c.body.flatMap((p) => (p.name !== undefined ? [p.name] : []));
    if (names.length !== 0 && names.length !== c.body.length) {
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'Name every parameter or none of them' });
    }
    if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', path: ['body'], message: 'Two parameters have the same name' });
    c.buttons.forEach((b, i) => {
      if (b.type === 'copy_code' && !b.value.includes('{{') && b.value.length > 15) {
        ctx.addIssue({ code: 'custom', path: ['buttons', i, 'value'], message: 'A copy-code value can be at most 15 characters (WhatsApp limit)' });
      }
    });
    const indexes = c.buttons.map((b) => b.index);
    if (new Set(indexes).size !== indexes.length) ctx.addIssue({ code: 'custom', path: ['buttons'], message: 'Two button parameters use the same position' });
    if (c.optOutButton !== null && !c.buttons.some((b) => b.index === c.optOutButton && b.type === 'quick_reply')) {
      ctx.addIssue({ code: 'custom', path: ['optOutButton'], message: 'The opt-out button must be one of the quick-reply buttons below' });
    }
  });
export type SendTemplateConfig = z.infer<typeof sendTemplateConfigSchema>;

export const sendTemplate = defineNode({
  type: 'send-template',
  version: 1,
  category: 'message',
  label: 'Send template',
  description: 'Sends a Meta-approved template. Allowed at any time, also outside the 24-hour window.',
  icon: 'file-text',
  config: sendTemplateConfigSchema,
  defaults: { template: { name: 'hello_world', language: 'en_US', category: 'UTILITY' } },
  ports: (c) => [port('next', 'Sent', 'next'), port('error', 'Failed', 'error'), ...humanActivePorts(c.whenHumanActive)],
  compile: (c, ctx) => ({
    entry: ctx.enter(refs.send(ctx.nodeId, 'message')),
    on: onOutcomes(ctx, { ok: 'next', error: 'error', ...(c.whenHumanActive === 'branch' ? { human_active: 'human_active' } : {}) }),
  }),
  analysis: {
    window: (_c, p) => (p === 'human_active' ? { kind: 'unknown' } : { kind: 'elapse', ms: 0 }),
    replyChoices: templateReplyChoices,
    sends: (c) => [{ category: templateSendCategory[c.template.category] }],
  },
  summary: (c) => `${c.template.name} (${c.template.language}) · ${c.template.category.toLowerCase()}`,
  policy: {
    marketing: (c) => (c.template.category === 'MARKETING' ? { template: c.template.name, hasOptOut: c.optOutButton !== null } : undefined),
    check: checkSendTemplate,
  },
  clone: sendTemplateClone,
});

const templateSendCategory = { MARKETING: 'marketing', UTILITY: 'utility', AUTHENTICATION: 'authentication' } as const;
