import { z } from 'zod';
import { conversionEventNames, port } from '@tandem/shared';
import { defineNode } from '../defineNode';
import { field } from '../form';
import { refs } from '../compileContext';

const reportConversionConfigSchema = z.object({
  event: field(z.enum(conversionEventNames).default('LeadSubmitted'), {
    label: 'Report as',
    widget: 'select',
    choices: {
      LeadSubmitted: { label: 'Lead submitted', help: 'A qualified lead: the contact left what sales needs' },
      Purchase: { label: 'Purchase', help: 'With the value and currency below' },
      AddToCart: { label: 'Add to cart' },
      InitiateCheckout: { label: 'Checkout started' },
      ViewContent: { label: 'Content viewed' },
    },
  }),
  value: field(z.string().trim().max(500).default(''), {
    label: 'Value',
    help: 'An expression, e.g. vars.order_total; empty: no value',
    widget: 'expression',
    placeholder: 'vars.order_total',
  }),
  currency: field(
    z
      .string()
      .trim()
      .max(500)
      .default('')
      .refine((c) => c === '' || !/^[a-z]{3}$/i.test(c) || /^[A-Z]{3}$/.test(c), 'Write the currency code in capitals, e.g. EUR'),
    { label: 'Currency', help: 'A code such as EUR, or an expression such as vars.currency', placeholder: 'EUR' },
  ),
});
export type ReportConversionConfig = z.infer<typeof reportConversionConfigSchema>;

export const reportConversion = defineNode({
  type: 'report-conversion',
  version: 1,
  category: 'logic',
  label: 'Report conversion to Meta',
  description:
    "Tells Meta's Conversions API that a contact who came from a Click-to-WhatsApp ad converted (a lead, a purchase), so the ad's results show it. Contacts not from an ad are logged as skipped.",
  icon: 'megaphone',
  config: reportConversionConfigSchema,
  defaults: { event: 'LeadSubmitted' },
  ports: () => [port('next', 'Next', 'next')],
  compile: (_c, ctx) => ({ entry: ctx.enter(refs.effect(ctx.nodeId, 'report')), always: [ctx.via('next')] }),
  summary: (c) => `Report ${c.event}${c.value ? ` worth ${c.value}${c.currency ? ` ${c.currency}` : ''}` : ''} to Meta`,
});
