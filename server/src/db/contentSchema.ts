import { jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, id } from './columns';
// Only inside lazy `references` callbacks: schema.ts re-exports this file.
import { workspaces } from './schema';

// What a workspace sends: its message templates and WhatsApp Flows.

/** Message templates of a workspace: created for sandboxes, synced from Meta for real numbers. */
export const templates = pgTable(
  'templates',
  {
    id: id(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    name: text('name').notNull(),
    language: text('language').notNull(),
    category: text('category').notNull(),
    status: text('status').notNull(),
    info: jsonb('info').$type<Record<string, unknown>>().notNull(),
    source: text('source', { enum: ['sandbox', 'meta'] }).notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('templates_name_language').on(t.workspaceId, t.name, t.language)],
);

/** WhatsApp Flows (Meta's in-chat forms) of a workspace: examples for sandboxes, synced from Meta for real numbers. */
export const waFlows = pgTable(
  'wa_flows',
  {
    id: id(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    /** Meta's Flow id. */
    flowId: text('flow_id').notNull(),
    name: text('name').notNull(),
    status: text('status').notNull(),
    /** A WaFlowInfo (@tandem/shared): status, categories and the screens' fields. */
    info: jsonb('info').$type<Record<string, unknown>>().notNull(),
    source: text('source', { enum: ['sandbox', 'meta'] }).notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('wa_flows_flow_id').on(t.workspaceId, t.flowId)],
);
