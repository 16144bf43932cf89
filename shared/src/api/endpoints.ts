import { z } from 'zod';
import { route } from './route';
import {
  analyticsSchema,
  apiKeySchema,
  auditEntrySchema,
  contactPatchSchema,
  contactRefSchema,
  contactSchema,
  documentJsonSchema,
  flowDetailSchema,
  flowSummarySchema,
  flowVersionSchema,
  funnelSchema,
  handoffSchema,
  messageSchema,
  roleSchema,
  runSchema,
  runStepSchema,
  simulatorThreadSchema,
  templateSchema,
  userSchema,
  validationSchema,
  versionDiffSchema,
  workspaceInputSchema,
  workspaceSchema,
  workspaceSettingsSchema,
} from './resources';
import { templateInfoSchema } from '../templates';

const ws = z.object({ workspaceId: z.string() });
const wsFlow = ws.extend({ flowId: z.string() });
const wsId = ws.extend({ id: z.coerce.number().int().positive() });
const ok = z.object({ ok: z.literal(true) });
const page = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50), offset: z.coerce.number().int().min(0).default(0) });

/** Every endpoint of Tandem's REST API. */
export const endpoints = {
  // auth
  login: route({ method: 'post', path: '/api/auth/login', summary: 'Log in with email and password (sets the session cookie)', tag: 'auth', role: null, body: z.object({ email: z.string().email(), password: z.string().min(1).max(200) }), response: z.object({ user: userSchema, csrfToken: z.string() }) }),
  logout: route({ method: 'post', path: '/api/auth/logout', summary: 'Log out', tag: 'auth', role: null, response: ok }),
  me: route({ method: 'get', path: '/api/auth/me', summary: 'The caller and the workspaces it can use', tag: 'auth', role: null, response: z.object({ user: userSchema.nullable(), apiKey: z.object({ id: z.string(), workspaceId: z.string() }).nullable(), csrfToken: z.string().nullable(), workspaces: z.array(workspaceSchema) }) }),

  // workspaces
  listWorkspaces: route({ method: 'get', path: '/api/workspaces', summary: 'Workspaces of the caller', tag: 'workspaces', role: null, response: z.object({ workspaces: z.array(workspaceSchema) }) }),
  createWorkspace: route({ method: 'post', path: '/api/workspaces', summary: 'Create a workspace (the caller becomes its admin)', tag: 'workspaces', role: null, body: workspaceInputSchema, response: workspaceSchema, status: 201 }),
  getWorkspace: route({ method: 'get', path: '/api/workspaces/{workspaceId}', summary: 'One workspace', tag: 'workspaces', role: 'viewer', params: ws, response: workspaceSchema }),
  updateWorkspace: route({ method: 'patch', path: '/api/workspaces/{workspaceId}', summary: 'Change name, number settings, credentials or settings', tag: 'workspaces', role: 'admin', params: ws, body: workspaceInputSchema.partial().extend({ settings: workspaceSettingsSchema.optional(), resumeSends: z.boolean().optional() }), response: workspaceSchema }),
  hookSecret: route({ method: 'get', path: '/api/workspaces/{workspaceId}/hook-secret', summary: 'Secret that signs business events sent to /hooks/{workspaceId}/events', tag: 'workspaces', role: 'admin', params: ws, response: z.object({ secret: z.string(), url: z.string() }) }),
  listMembers: route({ method: 'get', path: '/api/workspaces/{workspaceId}/members', summary: 'People with access', tag: 'workspaces', role: 'admin', params: ws, response: z.object({ members: z.array(userSchema.extend({ role: roleSchema })) }) }),
  addMember: route({ method: 'post', path: '/api/workspaces/{workspaceId}/members', summary: 'Give a person access (creates the user when new)', tag: 'workspaces', role: 'admin', params: ws, body: z.object({ email: z.string().email(), name: z.string().max(120).optional(), role: roleSchema, password: z.string().min(10).max(200).optional() }), response: userSchema.extend({ role: roleSchema }), status: 201 }),

  // flows
  listFlows: route({ method: 'get', path: '/api/workspaces/{workspaceId}/flows', summary: 'Flows, newest first', tag: 'flows', role: 'viewer', params: ws, query: z.object({ search: z.string().max(120).optional() }), response: z.object({ flows: z.array(flowSummarySchema) }) }),
  createFlow: route({ method: 'post', path: '/api/workspaces/{workspaceId}/flows', summary: 'Create a flow from a document (or an empty one)', tag: 'flows', role: 'editor', params: ws, body: z.object({ document: documentJsonSchema.optional(), name: z.string().trim().min(1).max(120).optional() }), response: flowDetailSchema, status: 201 }),
  getFlow: route({ method: 'get', path: '/api/workspaces/{workspaceId}/flows/{flowId}', summary: 'A flow with its draft and versions', tag: 'flows', role: 'viewer', params: wsFlow, response: flowDetailSchema }),
  saveDraft: route({ method: 'put', path: '/api/workspaces/{workspaceId}/flows/{flowId}/draft', summary: 'Save the draft (autosave)', tag: 'flows', role: 'editor', params: wsFlow, body: z.object({ document: documentJsonSchema }), response: flowSummarySchema }),
  deleteFlow: route({ method: 'delete', path: '/api/workspaces/{workspaceId}/flows/{flowId}', summary: 'Archive a flow (its runs finish on their versions)', tag: 'flows', role: 'editor', params: wsFlow, response: ok }),
  validateFlow: route({ method: 'post', path: '/api/workspaces/{workspaceId}/flows/{flowId}/validate', summary: 'Check the draft (or a given document) with workspace templates and flows', tag: 'flows', role: 'viewer', params: wsFlow, body: z.object({ document: documentJsonSchema.optional() }), response: validationSchema }),
  publishFlow: route({ method: 'post', path: '/api/workspaces/{workspaceId}/flows/{flowId}/publish', summary: 'Publish the draft as a new version', tag: 'flows', role: 'editor', params: wsFlow, body: z.object({ note: z.string().max(500).default('') }), response: flowVersionSchema.extend({ diagnostics: validationSchema.shape.diagnostics }), status: 201 }),
  listVersions: route({ method: 'get', path: '/api/workspaces/{workspaceId}/flows/{flowId}/versions', summary: 'Published versions, newest first, with what changed', tag: 'flows', role: 'viewer', params: wsFlow, response: z.object({ versions: z.array(flowVersionSchema.extend({ diff: versionDiffSchema.nullable() })) }) }),
  getVersion: route({ method: 'get', path: '/api/workspaces/{workspaceId}/flows/{flowId}/versions/{version}', summary: 'One published version (read-only document)', tag: 'flows', role: 'viewer', params: wsFlow.extend({ version: z.coerce.number().int().positive() }), response: flowVersionSchema.extend({ document: documentJsonSchema }) }),
  rollbackFlow: route({ method: 'post', path: '/api/workspaces/{workspaceId}/flows/{flowId}/rollback', summary: 'Make an earlier version live again (and the draft)', tag: 'flows', role: 'editor', params: wsFlow, body: z.object({ version: z.number().int().positive() }), response: flowVersionSchema }),
  duplicateFlow: route({ method: 'post', path: '/api/workspaces/{workspaceId}/flows/{flowId}/duplicate', summary: 'Copy the flow in this workspace', tag: 'flows', role: 'editor', params: wsFlow, body: z.object({ name: z.string().trim().min(1).max(120).optional() }), response: flowDetailSchema, status: 201 }),
  exportFlow: route({ method: 'get', path: '/api/workspaces/{workspaceId}/flows/{flowId}/export', summary: 'The draft document as a file', tag: 'flows', role: 'viewer', params: wsFlow, response: documentJsonSchema }),
  importFlow: route({ method: 'post', path: '/api/workspaces/{workspaceId}/flows/import', summary: 'Create a flow from an exported document (checked first)', tag: 'flows', role: 'editor', params: ws, body: z.object({ document: documentJsonSchema }), response: flowDetailSchema, status: 201 }),
  clonePreview: route({
    method: 'post',
    path: '/api/workspaces/{workspaceId}/flows/{flowId}/clone-preview',
    summary: 'What a clone into another workspace needs: templates, attributes, flows and the WhatsApp number',
    tag: 'flows',
    role: 'viewer',
    params: wsFlow,
    body: z.object({ targetWorkspaceId: z.string() }),
    response: z.object({
      templates: z.array(z.object({ name: z.string(), language: z.string(), category: z.string(), existsInTarget: z.boolean() })),
      attributes: z.array(z.object({ name: z.string(), existsInTarget: z.boolean() })),
      flows: z.array(z.object({ flowId: z.string(), name: z.string() })),
      targetTemplates: z.array(templateInfoSchema.pick({ name: true, language: true, category: true })),
      /** The source workspace's number as the flow's texts and links may mention it, and the target's. */
      number: z.object({ source: z.string().nullable(), target: z.string().nullable(), mentions: z.number().int() }),
    }),
  }),
  cloneFlow: route({
    method: 'post',
    path: '/api/workspaces/{workspaceId}/flows/{flowId}/clone',
    summary: 'Copy the flow into another workspace, mapping templates, attributes, flows and the WhatsApp number',
    tag: 'flows',
    role: 'viewer',
    params: wsFlow,
    body: z.object({
      targetWorkspaceId: z.string(),
      name: z.string().trim().min(1).max(120).optional(),
      templates: z.array(z.object({ from: z.object({ name: z.string(), language: z.string() }), to: z.object({ name: z.string(), language: z.string() }) })).default([]),
      attributes: z.record(z.string(), z.string()).default({}),
      flows: z.record(z.string(), z.string()).default({}),
      /** Mentions of the source's number in texts and links (any formatting, wa.me links) become `to`. */
      number: z.object({ from: z.string().regex(/^\d{5,20}$/, 'Digits only'), to: z.string().regex(/^\d{5,20}$/, 'Digits only') }).optional(),
    }),
    response: z.object({ flow: flowDetailSchema, validation: validationSchema }),
    status: 201,
  }),

  // templates
  listTemplates: route({ method: 'get', path: '/api/workspaces/{workspaceId}/templates', summary: 'Templates known for the number', tag: 'templates', role: 'viewer', params: ws, response: z.object({ templates: z.array(templateSchema) }) }),
  createTemplate: route({ method: 'post', path: '/api/workspaces/{workspaceId}/templates', summary: 'Add a template to a sandbox workspace', tag: 'templates', role: 'editor', params: ws, body: templateInfoSchema, response: templateSchema, status: 201 }),
  syncTemplates: route({ method: 'post', path: '/api/workspaces/{workspaceId}/templates/sync', summary: 'Fetch templates from the WhatsApp Business Account', tag: 'templates', role: 'editor', params: ws, response: z.object({ synced: z.number().int() }) }),

  // contacts
  listContacts: route({ method: 'get', path: '/api/workspaces/{workspaceId}/contacts', summary: 'Contacts, searchable and filterable', tag: 'contacts', role: 'viewer', params: ws, query: page.extend({ search: z.string().max(120).optional(), tag: z.string().max(60).optional(), consent: z.enum(['unknown', 'opted_in', 'opted_out']).optional() }), response: z.object({ contacts: z.array(contactSchema), total: z.number().int() }) }),
  getContact: route({ method: 'get', path: '/api/workspaces/{workspaceId}/contacts/{id}', summary: 'One contact', tag: 'contacts', role: 'viewer', params: wsId, response: contactSchema }),
  updateContact: route({ method: 'patch', path: '/api/workspaces/{workspaceId}/contacts/{id}', summary: 'Change attributes, tags, time zone or marketing consent', tag: 'contacts', role: 'agent', params: wsId, body: contactPatchSchema, response: contactSchema }),
  importContacts: route({ method: 'post', path: '/api/workspaces/{workspaceId}/contacts/import', summary: 'Import contacts from CSV (first row: wa_id or phone, then attribute names; tags separated by |)', tag: 'contacts', role: 'editor', params: ws, body: z.object({ csv: z.string().min(1).max(5_000_000) }), response: z.object({ created: z.number().int(), updated: z.number().int(), errors: z.array(z.object({ line: z.number().int(), message: z.string() })) }) }),
  resumeContact: route({ method: 'post', path: '/api/workspaces/{workspaceId}/contacts/{id}/resume', summary: 'Give a contact back to the bot after a person talked to them (held messages go out)', tag: 'contacts', role: 'agent', params: wsId, response: z.object({ ok: z.literal(true) }) }),
  contactMessages: route({ method: 'get', path: '/api/workspaces/{workspaceId}/contacts/{id}/messages', summary: 'The thread of a contact (inbound, bot, App replies, history)', tag: 'contacts', role: 'viewer', params: wsId, query: page, response: z.object({ messages: z.array(messageSchema) }) }),

  // runs
  listRuns: route({ method: 'get', path: '/api/workspaces/{workspaceId}/runs', summary: 'Runs by flow, contact or status', tag: 'runs', role: 'viewer', params: ws, query: page.extend({ flowId: z.string().optional(), contactId: z.coerce.number().int().optional(), status: z.enum(['active', 'completed', 'failed', 'cancelled']).optional(), node: z.string().optional() }), response: z.object({ runs: z.array(runSchema) }) }),
  getRun: route({ method: 'get', path: '/api/workspaces/{workspaceId}/runs/{id}', summary: 'A run with its step log and messages', tag: 'runs', role: 'viewer', params: wsId, response: runSchema.extend({ steps: z.array(runStepSchema), messages: z.array(messageSchema) }) }),
  cancelRun: route({ method: 'post', path: '/api/workspaces/{workspaceId}/runs/{id}/cancel', summary: 'Stop a run', tag: 'runs', role: 'editor', params: wsId, response: runSchema }),
  startRun: route({ method: 'post', path: '/api/workspaces/{workspaceId}/flows/{flowId}/runs', summary: 'Start the flow for a contact (at its API trigger, or the given one, e.g. to try a broadcast on one contact)', tag: 'runs', role: 'editor', params: wsFlow, body: z.object({ contact: contactRefSchema, payload: z.record(z.string(), z.unknown()).default({}), trigger: z.string().min(1).max(64).optional() }), response: z.object({ accepted: z.literal(true) }), status: 202 }),

  // handoffs
  listHandoffs: route({ method: 'get', path: '/api/workspaces/{workspaceId}/handoffs', summary: 'Conversations handed to people', tag: 'handoffs', role: 'agent', params: ws, query: z.object({ status: z.enum(['open', 'taken', 'released', 'active']).default('active') }), response: z.object({ handoffs: z.array(handoffSchema) }) }),
  takeHandoff: route({ method: 'post', path: '/api/workspaces/{workspaceId}/handoffs/{id}/take', summary: 'Take a conversation', tag: 'handoffs', role: 'agent', params: wsId, response: handoffSchema }),
  replyHandoff: route({ method: 'post', path: '/api/workspaces/{workspaceId}/handoffs/{id}/reply', summary: 'Reply to the contact from Tandem', tag: 'handoffs', role: 'agent', params: wsId, body: z.object({ text: z.string().trim().min(1).max(4_096) }), response: messageSchema, status: 201 }),
  releaseHandoff: route({ method: 'post', path: '/api/workspaces/{workspaceId}/handoffs/{id}/release', summary: 'Give the conversation back to the bot', tag: 'handoffs', role: 'agent', params: wsId, response: handoffSchema }),

  // analytics
  flowAnalytics: route({ method: 'get', path: '/api/workspaces/{workspaceId}/flows/{flowId}/analytics', summary: 'Per step: entered, waiting now, left per output', tag: 'analytics', role: 'viewer', params: wsFlow, query: z.object({ version: z.coerce.number().int().positive().optional(), from: z.string().datetime({ offset: true }).optional(), to: z.string().datetime({ offset: true }).optional() }), response: analyticsSchema }),
  flowFunnel: route({ method: 'get', path: '/api/workspaces/{workspaceId}/flows/{flowId}/funnel', summary: 'Of the runs that entered one step, how many reached another', tag: 'analytics', role: 'viewer', params: wsFlow, query: z.object({ fromNode: z.string(), toNode: z.string(), version: z.coerce.number().int().positive().optional(), from: z.string().datetime({ offset: true }).optional(), to: z.string().datetime({ offset: true }).optional() }), response: funnelSchema }),

  // simulator (sandbox workspaces)
  simulateMessage: route({ method: 'post', path: '/api/workspaces/{workspaceId}/simulator/message', summary: 'Write to the number as a test contact (text, button or list reply)', tag: 'simulator', role: 'editor', params: ws, body: z.object({ waId: z.string().regex(/^\d{6,20}$/), text: z.string().max(4_096).default(''), replyId: z.string().max(256).optional(), profileName: z.string().max(120).optional(), adId: z.string().optional() }), response: z.object({ wamid: z.string() }), status: 202 }),
  simulateEcho: route({ method: 'post', path: '/api/workspaces/{workspaceId}/simulator/echo', summary: 'Reply from the WhatsApp Business App (a message echo)', tag: 'simulator', role: 'editor', params: ws, body: z.object({ waId: z.string().regex(/^\d{6,20}$/), text: z.string().min(1).max(4_096) }), response: z.object({ wamid: z.string() }), status: 202 }),
  simulateEvent: route({ method: 'post', path: '/api/workspaces/{workspaceId}/simulator/event', summary: 'Fire a business event for a test contact', tag: 'simulator', role: 'editor', params: ws, body: z.object({ waId: z.string().regex(/^\d{6,20}$/), name: z.string().min(3).max(100), payload: z.record(z.string(), z.unknown()).default({}) }), response: z.object({ accepted: z.literal(true) }), status: 202 }),
  advanceClock: route({ method: 'post', path: '/api/workspaces/{workspaceId}/simulator/clock', summary: 'Fast-forward the sandbox clock through waits and timeouts', tag: 'simulator', role: 'editor', params: ws, body: z.object({ advanceMs: z.number().int().min(1).max(400 * 86_400_000) }), response: z.object({ now: z.string() }) }),
  simulatorThread: route({ method: 'get', path: '/api/workspaces/{workspaceId}/simulator/thread', summary: 'The test contact\'s thread, current run and the sandbox time', tag: 'simulator', role: 'viewer', params: ws, query: z.object({ waId: z.string().regex(/^\d{6,20}$/) }), response: simulatorThreadSchema }),
  resetSimulator: route({ method: 'post', path: '/api/workspaces/{workspaceId}/simulator/reset', summary: 'Forget the test contact (thread, runs, attributes)', tag: 'simulator', role: 'editor', params: ws, body: z.object({ waId: z.string().regex(/^\d{6,20}$/) }), response: ok }),

  // keys and audit
  listApiKeys: route({ method: 'get', path: '/api/workspaces/{workspaceId}/api-keys', summary: 'API keys of the workspace', tag: 'admin', role: 'admin', params: ws, response: z.object({ keys: z.array(apiKeySchema) }) }),
  createApiKey: route({ method: 'post', path: '/api/workspaces/{workspaceId}/api-keys', summary: 'Create an API key (shown once)', tag: 'admin', role: 'admin', params: ws, body: z.object({ name: z.string().trim().min(1).max(80), role: roleSchema.default('editor') }), response: apiKeySchema.extend({ key: z.string() }), status: 201 }),
  revokeApiKey: route({ method: 'delete', path: '/api/workspaces/{workspaceId}/api-keys/{keyId}', summary: 'Revoke an API key', tag: 'admin', role: 'admin', params: ws.extend({ keyId: z.string() }), response: ok }),
  auditLog: route({ method: 'get', path: '/api/workspaces/{workspaceId}/audit', summary: 'Publishes, rollbacks, clones, consent and key changes', tag: 'admin', role: 'admin', params: ws, query: page, response: z.object({ entries: z.array(auditEntrySchema) }) }),
} as const;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;
