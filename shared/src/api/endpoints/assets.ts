import { z } from 'zod';
import { route } from '../route';
import { templateSchema, waFlowSchema } from '../resources';
import { templateInfoSchema } from '../../templates';
import { ws } from './params';

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
    body: templateInfoSchema,
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
