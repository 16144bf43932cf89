import { bigint, doublePrecision, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, createdAt, id, ref } from './columns';

// What journeys earned and what was told to Meta: conversions with their credit, and Conversions API reports.

/**
 * A journey's goal reached: a business event (with its value and currency) or a contact condition,
 * within the goal's window after the run started. Once per run and goal. `credit` names who touched
 * the conversation last before it (`bot`: the journey's messages, `app`: a person in the Business
 * App, `agent`: a teammate in the inbox, `none`); `touches` lists the actors before it, in order.
 */
export const conversions = pgTable(
  'conversions',
  {
    id: id(),
    workspaceId: text('workspace_id').notNull(),
    flowId: text('flow_id').notNull(),
    flowVersionId: ref('flow_version_id').notNull(),
    runId: ref('run_id').notNull(),
    contactId: ref('contact_id').notNull(),
    goal: text('goal').notNull(),
    event: text('event'),
    value: doublePrecision('value'),
    currency: text('currency'),
    credit: text('credit', { enum: ['bot', 'app', 'agent', 'none'] }).notNull(),
    touches: jsonb('touches').$type<{ actor: string; at: string }[]>().notNull().default([]),
    /** Milliseconds from the run's start to the first reply by a person (App or inbox), when one came before the conversion. */
    firstHumanResponseMs: bigint('first_human_response_ms', { mode: 'number' }),
    at: at('at').notNull(),
  },
  (t) => [
    uniqueIndex('conversions_run_goal').on(t.runId, t.goal),
    index('conversions_flow_at').on(t.flowId, t.at),
    index('conversions_ws_at').on(t.workspaceId, t.at),
  ],
);

/**
 * Events reported to Meta's Conversions API for Business Messaging (Lead, Purchase, custom), from a
 * step or a goal: the request body as sent, and how it went (pending → sent, or failed after retries).
 */
export const capiEvents = pgTable(
  'capi_events',
  {
    id: id(),
    workspaceId: text('workspace_id').notNull(),
    contactId: ref('contact_id').notNull(),
    runId: ref('run_id'),
    conversionId: ref('conversion_id'),
    eventName: text('event_name').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: jsonb('last_error').$type<Record<string, unknown>>(),
    response: jsonb('response').$type<Record<string, unknown>>(),
    sentAt: at('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [index('capi_events_ws_created').on(t.workspaceId, t.createdAt)],
);
