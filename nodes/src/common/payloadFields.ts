import { z } from 'zod';
import { variableNameSchema } from '@tandem/shared';
import { field } from '../form';

const reservedTriggerFields = ['event_name', 'received_at', 'scheduled_at'];

/** One value taken from an incoming payload into `trigger.<name>`. */
export const payloadFieldSchema = z.object({
  name: field(variableNameSchema, { label: 'Variable', help: 'Read it as trigger.<name>' }),
  path: field(
    z
      .string()
      .regex(/^[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*$/, 'Use a dotted path such as cart.url')
      .max(200),
    {
      label: 'Path in the payload',
      placeholder: 'cart.url',
    },
  ),
  type: field(z.enum(['string', 'number', 'boolean', 'date', 'list', 'object']).default('string'), {
    label: 'Type',
    widget: 'select',
    choices: {
      string: { label: 'Text' },
      number: { label: 'Number' },
      boolean: { label: 'Yes / no' },
      date: { label: 'Date' },
      list: { label: 'List' },
      object: { label: 'Group of fields' },
    },
  }),
  required: field(z.boolean().default(false), { label: 'Required', widget: 'toggle' }),
});
export type PayloadField = z.infer<typeof payloadFieldSchema>;

export const payloadFieldsSchema = field(
  z
    .array(payloadFieldSchema)
    .max(50)
    .default([])
    .refine((fs) => new Set(fs.map((f) => f.name)).size === fs.length, 'Two fields have the same variable name')
    .refine(
      (fs) => !fs.some((f) => reservedTriggerFields.includes(f.name)),
      'event_name, received_at and scheduled_at are set by Tandem; use another variable name',
    ),
  { label: 'Payload fields', widget: 'list', help: 'Values the flow can use, taken from the request body' },
);
