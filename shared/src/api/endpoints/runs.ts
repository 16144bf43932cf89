import { z } from 'zod';
import { route } from '../route';
import { analyticsSchema, contactRefSchema, funnelSchema, handoffSchema, messageSchema, runSchema, runStepSchema } from '../resources';
import { ws, wsFlow, wsId, page } from './params';

/** Runs, handoffs to people, and analytics. */
export const runsEndpoints = {
  // runs
  listRuns: route({
    method: 'get',
    path: '/api/workspaces/{workspaceId}/runs',
    summary: 'Runs by flow, contact or status',
    tag: 'runs',
    role: 'viewer',
    params: ws,
    query: page.extend({
      flowId: z.string().optional(),
      contactId: z.coerce.number().int().optional(),
      status: z.enum(['active', 'completed', 'failed', 'cancelled']).optional(),
      node: z.string().optional(),
    }),
    response: z.object({ runs: z.array(runSchema) }),
  }),
  getRun: route({
    method: 'get',
    path: '/api/workspaces/{workspaceId}/runs/{id}',
    summary: 'A run with its step log and messages',
    tag: 'runs',
    role: 'viewer',
    params: wsId,
    response: runSchema.extend({ steps: z.array(runStepSchema), messages: z.array(messageSchema) }),
  }),
  cancelRun: route({
    method: 'post',
    path: '/api/workspaces/{workspaceId}/runs/{id}/cancel',
    summary: 'Stop a run',
    tag: 'runs',
    role: 'editor',
    params: wsId,
    response: runSchema,
  }),
  startRun: route({
    method: 'post',
    path: '/api/workspaces/{workspaceId}/flows/{flowId}/runs',
    summary: 'Start the flow for a contact (at its API trigger, or the given one, e.g. to try a broadcast on one contact)',
    tag: 'runs',
    role: 'editor',
    params: wsFlow,
    body: z.object({ contact: contactRefSchema, payload: z.record(z.string(), z.unknown()).default({}), trigger: z.string().min(1).max(64).optional() }),
    response: z.object({ accepted: z.literal(true) }),
    status: 202,
  }),

  // handoffs
  listHandoffs: route({
    method: 'get',
    path: '/api/workspaces/{workspaceId}/handoffs',
    summary: 'Conversations handed to people',
    tag: 'handoffs',
    role: 'agent',
    params: ws,
    query: z.object({ status: z.enum(['open', 'taken', 'released', 'active']).default('active') }),
    response: z.object({ handoffs: z.array(handoffSchema) }),
  }),
  takeHandoff: route({
    method: 'post',
    path: '/api/workspaces/{workspaceId}/handoffs/{id}/take',
    summary: 'Take a conversation',
    tag: 'handoffs',
    role: 'agent',
    params: wsId,
    response: handoffSchema,
  }),
  replyHandoff: route({
    method: 'post',
    path: '/api/workspaces/{workspaceId}/handoffs/{id}/reply',
    summary: 'Reply to the contact from Tandem',
    tag: 'handoffs',
    role: 'agent',
    params: wsId,
    body: z.object({ text: z.string().trim().min(1).max(4_096) }),
    response: messageSchema,
    status: 201,
  }),
  releaseHandoff: route({
    method: 'post',
    path: '/api/workspaces/{workspaceId}/handoffs/{id}/release',
    summary: 'Give the conversation back to the bot',
    tag: 'handoffs',
    role: 'agent',
    params: wsId,
    response: handoffSchema,
  }),

  // analytics
  flowAnalytics: route({
    method: 'get',
    path: '/api/workspaces/{workspaceId}/flows/{flowId}/analytics',
    summary: 'Per step: entered, waiting now, left per output',
    tag: 'analytics',
    role: 'viewer',
    params: wsFlow,
    query: z.object({
      version: z.coerce.number().int().positive().optional(),
      from: z.string().datetime({ offset: true }).optional(),
      to: z.string().datetime({ offset: true }).optional(),
    }),
    response: analyticsSchema,
  }),
  flowFunnel: route({
    method: 'get',
    path: '/api/workspaces/{workspaceId}/flows/{flowId}/funnel',
    summary: 'Of the runs that entered one step, how many reached another',
    tag: 'analytics',
    role: 'viewer',
    params: wsFlow,
    query: z.object({
      fromNode: z.string(),
      toNode: z.string(),
      version: z.coerce.number().int().positive().optional(),
      from: z.string().datetime({ offset: true }).optional(),
      to: z.string().datetime({ offset: true }).optional(),
    }),
    response: funnelSchema,
  }),
} as const;
