import { z } from 'zod';
import { route } from '../route';
import { templateSchema, waFlowSchema } from '../resources';
import { templateInfoSchema } from '../../templates';
import { ws } from './params';

const buttonSchema = templateInfoSchema.shape.buttons.unwrap().element;

/** A template added to a sandbox: what the checker needs, within the limits Meta sets for a template it would review. */
const newTemplateSchema = templateInfoSchema.extend({
  name: z
    .string()
    .min(1, 'Give the template a name')
    .max(512, 'At most 512 characters')
    .regex(/^[a-z0-9_]+$/, 'Use only lowercase letters, digits and underscores, such as order_shipped'),
  language: z.string().regex(/^[a-z]{2,3}(_[A-Za-z0-9]{2,4})?$/, 'A language code such as en, de or pt_BR'),
  buttons: z
    .array(buttonSchema.extend({ text: z.string().trim().min(1, 'A button needs a text').max(25, 'A button text has at most 25 characters') }))
    .max(10, 'At most 10 buttons')
    .default([]),
  text: z
    .object({
      header: z.string().max(60, 'The header has at most 60 characters').optional(),
      body: z.string().trim().min(1, 'Write the message text').max(1_024, 'The text has at most 1,024 characters'),
      footer: z.string().max(60, 'The footer has at most 60 characters').optional(),
    })
    .optional(),
});

/** A workspace's WhatsApp assets synced from Meta: templates and WhatsApp Flows. */
export const assetsEndpoints = {
  // templates
  listTemplates: route({
    method: 'get',
    path: '/api/workspaces/{workspaceId}/templates',
    summary: 'Templates known for the number',
    tag: 'templates',
    role: 'viewer',
    params: ws,
    response: z.object({ templates: z.array(templateSchema) }),
  }),
  createTemplate: route({
    method: 'post',
    path: '/api/workspaces/{workspaceId}/templates',
    summary: 'Add a template to a sandbox workspace',
    tag: 'templates',
    role: 'editor',
    params: ws,
    body: newTemplateSchema,
    response: templateSchema,
    status: 201,
  }),
  syncTemplates: route({
    method: 'post',
    path: '/api/workspaces/{workspaceId}/templates/sync',
    summary: 'Fetch templates from the WhatsApp Business Account',
    tag: 'templates',
    role: 'editor',
    params: ws,
    response: z.object({ synced: z.number().int() }),
  }),

  // WhatsApp Flows (Meta's in-chat forms)
  listWaFlows: route({
    method: 'get',
    path: '/api/workspaces/{workspaceId}/wa-flows',
    summary: 'WhatsApp Flows known for the number, with their screens and fields',
    tag: 'wa-flows',
    role: 'viewer',
    params: ws,
    response: z.object({ waFlows: z.array(waFlowSchema) }),
  }),
  syncWaFlows: route({
    method: 'post',
    path: '/api/workspaces/{workspaceId}/wa-flows/sync',
    summary: 'Fetch WhatsApp Flows and their Flow JSON from the WhatsApp Business Account (a sandbox gets the example Flows back)',
    tag: 'wa-flows',
    role: 'editor',
    params: ws,
    response: z.object({ synced: z.number().int(), unreadable: z.array(z.string()) }),
  }),
} as const;
