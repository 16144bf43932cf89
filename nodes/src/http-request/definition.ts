import { z } from 'zod';
import { port } from '@tandem/shared';
import { defineNode } from '../defineNode';
import { field } from '../form';
import { onOutcomes, refs } from '../compileContext';
import { templateText } from '../common/messageContent';
import { saveTargetSchema } from '../bot-question/definition';
import { httpRequestClone } from './clone';

const headerSchema = z.object({
  name: field(z.string().regex(/^[A-Za-z0-9-]{1,100}$/, 'Header names use letters, digits and -'), { label: 'Header' }),
  value: templateText('Value', 2_000),
});

const mappingSchema = z.object({
  path: field(z.string().regex(/^(status|body(\.[A-Za-z0-9_$-]+|\[\d+\])*)$/, 'Use status, body or a path such as body.customer.id'), {
    label: 'From the response',
    placeholder: 'body.customer.id',
  }),
  saveTo: saveTargetSchema,
});

const httpRequestConfigSchema = z
  .object({
    method: field(z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('POST'), { label: 'Method', widget: 'select' }),
    url: field(
      z
        .string()
        .max(2_000)
        .refine((u) => /^https?:\/\/[^/\s]+/i.test(u), 'The URL must start with https:// or http:// and a host'),
      { label: 'URL', widget: 'template', placeholder: 'https://crm.example.com/leads' },
    ),
    headers: field(z.array(headerSchema).max(20).default([]), { label: 'Headers', widget: 'list' }),
    body: field(z.string().max(20_000).default(''), {
      label: 'JSON body',
      widget: 'json-template',
      help: 'JSON with {{ }} placeholders; values are inserted as JSON strings',
    }),
    timeoutMs: field(z.number().int().min(500).max(30_000).default(10_000), { label: 'Timeout (ms)' }),
    responseMapping: field(z.array(mappingSchema).max(30).default([]), { label: 'Save from the response', widget: 'list' }),
  })
  .superRefine((c, ctx) => {
    if ((c.method === 'GET' || c.method === 'DELETE') && c.body.trim() !== '') {
      ctx.addIssue({ code: 'custom', path: ['body'], message: `${c.method} requests have no body` });
    }
  });
export type HttpRequestConfig = z.infer<typeof httpRequestConfigSchema>;

export const httpRequest = defineNode({
  type: 'http-request',
  version: 1,
  category: 'logic',
  label: 'HTTP request',
  description: 'Calls your CRM or any web service and saves parts of the answer. Leaves by "Failed" on errors and timeouts.',
  icon: 'globe',
  config: httpRequestConfigSchema,
  defaults: { method: 'POST', url: 'https://example.com/webhook', body: '{"phone": "{{contact.phone}}"}' },
  ports: () => [port('next', 'Success', 'next'), port('error', 'Failed', 'error')],
  compile: (_c, ctx) => ({
    entry: ctx.enter(refs.http(ctx.nodeId)),
    on: {
      'effect.result': [
        ctx.via('next', { guard: refs.outcome(ctx.nodeId, 'ok'), actions: [refs.saveResponse(ctx.nodeId)] }),
        ...onOutcomes(ctx, { error: 'error' })['effect.result']!,
      ],
    },
  }),
  analysis: {
    window: (c) => ({ kind: 'elapse', ms: c.timeoutMs }),
    provides: (c) => {
      const names = c.responseMapping.filter((m) => m.saveTo.scope === 'vars').map((m) => m.saveTo.name);
      return names.length ? [{ scope: 'vars', names, ports: ['next'] }] : [];
    },
    writesAttributes: (c) => c.responseMapping.filter((m) => m.saveTo.scope === 'contact').map((m) => ({ name: m.saveTo.name, type: 'string' as const })),
  },
  summary: (c) => `${c.method} ${c.url}`,
  clone: httpRequestClone,
});
