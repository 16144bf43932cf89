import { z } from 'zod';
import { builtInContactFields, port, variableNameSchema, writableContactFields, type AttributeDecl } from '@tandem/shared';
import { defineNode } from '../defineNode';
import { field } from '../form';
import { refs } from '../compileContext';
import { templateText } from '../common/messageContent';
import { setAttributeClone } from './clone';

const operationSchema = z.object({
  target: field(z.enum(['contact', 'vars']).default('contact'), {
    label: 'Where',
    widget: 'select',
    choices: {
      contact: { label: 'On the contact', help: 'An attribute kept on the contact (contact.…), for every journey' },
      vars: { label: 'In this journey', help: 'A journey variable (vars.…), gone when the journey ends' },
    },
  }),
  name: field(variableNameSchema, { label: 'Name' }),
  action: field(z.enum(['set', 'unset', 'increment']).default('set'), {
    label: 'Action',
    widget: 'select',
    choices: {
      set: { label: 'Set to a value' },
      unset: { label: 'Clear it', help: 'Removes the value' },
      increment: { label: 'Add to it', help: 'Adds the amount below to a number (counts down with a negative amount)' },
    },
  }),
  value: templateText('Value', 1_000, { help: 'Text with {{ }} placeholders; numbers and true/false are stored as such' }).default(''),
  amount: field(z.number().default(1), { label: 'By', showWhen: { field: 'action', equals: ['increment'] } }),
});

const builtIn = new Set(builtInContactFields.map((f) => f.name));

const setAttributeConfigSchema = z
  .object({
    operations: field(z.array(operationSchema).max(50).default([]), { label: 'Set', widget: 'list' }),
    addTags: field(z.array(z.string().trim().min(1).max(60)).max(50).default([]), { label: 'Add tags', widget: 'tags' }),
    removeTags: field(z.array(z.string().trim().min(1).max(60)).max(50).default([]), { label: 'Remove tags', widget: 'tags' }),
    consent: field(z.enum(['unchanged', 'opt_in', 'opt_out']).default('unchanged'), {
      label: 'Marketing consent',
      widget: 'select',
      choices: {
        unchanged: { label: 'Leave as it is' },
        opt_in: { label: 'Agrees to marketing', help: 'Record that the contact accepts marketing messages' },
        opt_out: { label: 'Refuses marketing', help: 'Record that the contact refuses marketing messages: no marketing template reaches them' },
      },
    }),
  })
  .superRefine((c, ctx) => {
    c.operations.forEach((op, i) => {
      if (op.target === 'contact' && builtIn.has(op.name) && !writableContactFields.includes(op.name)) {
        ctx.addIssue({ code: 'custom', path: ['operations', i, 'name'], message: `contact.${op.name} is kept by Tandem and cannot be changed by a flow` });
      }
    });
    if (c.operations.length === 0 && c.addTags.length === 0 && c.removeTags.length === 0 && c.consent === 'unchanged') {
      ctx.addIssue({ code: 'custom', path: ['operations'], message: 'Nothing to set: add an attribute, a tag or a consent change' });
    }
  });
export type SetAttributeConfig = z.infer<typeof setAttributeConfigSchema>;

export const setAttribute = defineNode({
  type: 'set-attribute',
  version: 1,
  category: 'logic',
  label: 'Set attribute / tag',
  description: "Updates the contact's attributes, tags or marketing consent, or this journey's variables.",
  icon: 'tag',
  config: setAttributeConfigSchema,
  defaults: { addTags: ['engaged'] },
  ports: () => [port('next', 'Next', 'next')],
  compile: (_c, ctx) => ({ entry: ctx.enter(refs.setValues(ctx.nodeId)), always: [ctx.via('next')] }),
  analysis: {
    provides: (c) => {
      const names = c.operations.filter((o) => o.target === 'vars' && o.action !== 'unset').map((o) => o.name);
      return names.length ? [{ scope: 'vars', names, ports: 'all' }] : [];
    },
    writesAttributes: (c) =>
      c.operations.filter((o) => o.target === 'contact').map((o): AttributeDecl => ({ name: o.name, type: o.action === 'increment' ? 'number' : 'string' })),
  },
  summary: (c) =>
    [
      ...c.operations.map((o) =>
        o.action === 'unset'
          ? `unset ${o.target}.${o.name}`
          : o.action === 'increment'
            ? `${o.target}.${o.name} += ${o.amount}`
            : `${o.target}.${o.name} = ${o.value}`,
      ),
      ...c.addTags.map((t) => `+#${t}`),
      ...c.removeTags.map((t) => `-#${t}`),
      ...(c.consent !== 'unchanged' ? [c.consent.replace('_', '-')] : []),
    ].join(', '),
  policy: { recordsOptOut: (c) => c.consent === 'opt_out' },
  clone: setAttributeClone,
});
