import { z } from 'zod';
import { route } from '../route';
import { simulatorThreadSchema } from '../resources';
import { ws, ok } from './params';

/** The simulator of sandbox workspaces. */
export const simulatorEndpoints = {
  // simulator (sandbox workspaces)
  simulateMessage: route({
    method: 'post',
    path: '/api/workspaces/{workspaceId}/simulator/message',
    summary: 'Write to the number as a test contact (text, button or list reply)',
    tag: 'simulator',
    role: 'editor',
    params: ws,
    body: z.object({
      waId: z.string().regex(/^\d{6,20}$/),
      text: z.string().max(4_096).default(''),
      replyId: z.string().max(256).optional(),
      profileName: z.string().max(120).optional(),
      adId: z.string().optional(),
    }),
    response: z.object({ wamid: z.string() }),
    status: 202,
  }),
  simulateFlowReply: route({
    method: 'post',
    path: '/api/workspaces/{workspaceId}/simulator/flow-reply',
    summary: 'Submit a WhatsApp Flow as the test contact (the nfm_reply WhatsApp would deliver)',
    tag: 'simulator',
    role: 'editor',
    params: ws,
    body: z.object({
      waId: z.string().regex(/^\d{6,20}$/),
      /** The flow token of the Flow message being answered; it comes back in response_json. */
      token: z.string().min(1).max(512),
      /** The field values, by the keys the Flow's reply uses. */
      answers: z.record(
        z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,79}$/),
        z.union([z.string().max(4_096), z.number(), z.boolean(), z.array(z.string().max(200)).max(50)]),
      ),
      /** The wamid of the Flow message (WhatsApp's `context.id`). */
      contextWamid: z.string().max(256).optional(),
    }),
    response: z.object({ wamid: z.string() }),
    status: 202,
  }),
  simulateEcho: route({
    method: 'post',
    path: '/api/workspaces/{workspaceId}/simulator/echo',
    summary: 'Reply from the WhatsApp Business App (a message echo)',
    tag: 'simulator',
    role: 'editor',
    params: ws,
    body: z.object({ waId: z.string().regex(/^\d{6,20}$/), text: z.string().min(1).max(4_096) }),
    response: z.object({ wamid: z.string() }),
    status: 202,
  }),
  simulateEvent: route({
    method: 'post',
    path: '/api/workspaces/{workspaceId}/simulator/event',
    summary: 'Fire a business event for a test contact',
    tag: 'simulator',
    role: 'editor',
    params: ws,
    body: z.object({ waId: z.string().regex(/^\d{6,20}$/), name: z.string().min(3).max(100), payload: z.record(z.string(), z.unknown()).default({}) }),
    response: z.object({ accepted: z.literal(true) }),
    status: 202,
  }),
  advanceClock: route({
    method: 'post',
    path: '/api/workspaces/{workspaceId}/simulator/clock',
    summary: 'Fast-forward the sandbox clock through waits and timeouts',
    tag: 'simulator',
    role: 'editor',
    params: ws,
    body: z.object({
      advanceMs: z
        .number()
        .int()
        .min(1)
        .max(400 * 86_400_000),
    }),
    response: z.object({ now: z.string() }),
  }),
  simulatorThread: route({
    method: 'get',
    path: '/api/workspaces/{workspaceId}/simulator/thread',
    summary: "The test contact's thread, current run and the sandbox time",
    tag: 'simulator',
    role: 'viewer',
    params: ws,
    query: z.object({ waId: z.string().regex(/^\d{6,20}$/) }),
    response: simulatorThreadSchema,
  }),
  startDraftTest: route({
    method: 'post',
    path: '/api/workspaces/{workspaceId}/simulator/draft-test',
    summary: "Test a flow's draft without publishing: the sandbox runs it instead of the live version, and the test contact starts over",
    tag: 'simulator',
    role: 'editor',
    params: ws,
    body: z.object({ flowId: z.string().min(1).max(64), waId: z.string().regex(/^\d{6,20}$/) }),
    response: z.object({ version: z.number().int(), createdAt: z.string() }),
    status: 201,
  }),
  stopDraftTest: route({
    method: 'post',
    path: '/api/workspaces/{workspaceId}/simulator/draft-test/stop',
    summary: 'Stop testing the draft: the sandbox runs the live version again',
    tag: 'simulator',
    role: 'editor',
    params: ws,
    body: z.object({ flowId: z.string().min(1).max(64) }),
    response: ok,
  }),
  resetSimulator: route({
    method: 'post',
    path: '/api/workspaces/{workspaceId}/simulator/reset',
    summary: 'Forget the test contact (thread, runs, attributes)',
    tag: 'simulator',
    role: 'editor',
    params: ws,
    body: z.object({ waId: z.string().regex(/^\d{6,20}$/) }),
    response: ok,
  }),
} as const;
