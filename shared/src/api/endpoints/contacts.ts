import { z } from 'zod';
import { route } from '../route';
import { contactPatchSchema, contactSchema, messageSchema } from '../resources';
import { ws, wsId, page } from './params';

const consent = z.enum(['unknown', 'opted_in', 'opted_out']);

/** One change of a contact's marketing consent: to what, from what, when and how (`keyword STOP`, `opt-out button`, `api: <who>`, `import: <who>`, `flow`…). */
const consentChangeSchema = z.object({ consent, previous: consent, source: z.string().nullable(), at: z.string() });

/** Contacts: list, edit, import, resume, their threads. */
export const contactsEndpoints = {
  // contacts
  listContacts: route({
    method: 'get',
    path: '/api/workspaces/{workspaceId}/contacts',
    summary: 'Contacts, searchable and filterable',
    tag: 'contacts',
    role: 'viewer',
    params: ws,
    query: page.extend({
      search: z.string().max(120).optional(),
      tag: z.string().max(60).optional(),
      consent: consent.optional(),
      /** `app`: only contacts a journey holds back now because a person replied from the Business App (most recent App reply first; the 5,000 most recent are judged). */
      pausedBy: z.enum(['app']).optional(),
    }),
    response: z.object({ contacts: z.array(contactSchema), total: z.number().int() }),
  }),
  getContact: route({
    method: 'get',
    path: '/api/workspaces/{workspaceId}/contacts/{id}',
    summary: 'One contact',
    tag: 'contacts',
    role: 'viewer',
    params: wsId,
    response: contactSchema,
  }),
  updateContact: route({
    method: 'patch',
    path: '/api/workspaces/{workspaceId}/contacts/{id}',
    summary: 'Change attributes, tags, time zone or marketing consent',
    tag: 'contacts',
    role: 'agent',
    params: wsId,
    body: contactPatchSchema,
    response: contactSchema,
  }),
  importContacts: route({
    method: 'post',
    path: '/api/workspaces/{workspaceId}/contacts/import',
    summary: 'Import contacts from CSV (first row: wa_id or phone, then attribute names; tags separated by |)',
    tag: 'contacts',
    role: 'editor',
    params: ws,
    body: z.object({ csv: z.string().min(1).max(5_000_000) }),
    response: z.object({ created: z.number().int(), updated: z.number().int(), errors: z.array(z.object({ line: z.number().int(), message: z.string() })) }),
  }),
  resumeContact: route({
    method: 'post',
    path: '/api/workspaces/{workspaceId}/contacts/{id}/resume',
    summary: 'Give a contact back to the bot after a person talked to them (held messages go out)',
    tag: 'contacts',
    role: 'agent',
    params: wsId,
    response: z.object({ ok: z.literal(true) }),
  }),
  contactMessages: route({
    method: 'get',
    path: '/api/workspaces/{workspaceId}/contacts/{id}/messages',
    summary: 'The thread of a contact (inbound, bot, App replies, history)',
    tag: 'contacts',
    role: 'viewer',
    params: wsId,
    query: page,
    response: z.object({ messages: z.array(messageSchema) }),
  }),
  contactConsent: route({
    method: 'get',
    path: '/api/workspaces/{workspaceId}/contacts/{id}/consent',
    summary: "The contact's marketing consent changes, newest first: when and how each came",
    tag: 'contacts',
    role: 'viewer',
    params: wsId,
    query: page,
    response: z.object({ changes: z.array(consentChangeSchema) }),
  }),
} as const;
