import { boolean, index, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { at, bytea, createdAt, id } from './columns';
// Only inside lazy `references` callbacks: schema.ts re-exports this file.
import { workspaces } from './schema';

// Who may do what: people, their memberships and sessions, API keys, and the audit log.

/** People who log in to the editor. */
export const users = pgTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /** scrypt hash: `scrypt$N$r$p$salt$hash` (base64). */
  passwordHash: text('password_hash').notNull(),
  instanceAdmin: boolean('instance_admin').notNull().default(false),
  createdAt: createdAt(),
});

/** A person's role in a workspace; an agency user has several. */
export const memberships = pgTable(
  'memberships',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    role: text('role', { enum: ['viewer', 'agent', 'editor', 'admin'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.workspaceId] })],
);

/** Editor sessions; only the SHA-256 of the cookie token is stored. */
export const sessions = pgTable('sessions', {
  tokenHash: bytea('token_hash').primaryKey(),
  userId: text('user_id')
    .notNull()
    .references(() => users.id),
  csrfToken: text('csrf_token').notNull(),
  createdAt: createdAt(),
  expiresAt: at('expires_at').notNull(),
});

/** Workspace API keys; only the SHA-256 of the secret part is stored. */
export const apiKeys = pgTable('api_keys', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id')
    .notNull()
    .references(() => workspaces.id),
  name: text('name').notNull(),
  role: text('role', { enum: ['viewer', 'agent', 'editor', 'admin'] }).notNull(),
  secretHash: bytea('secret_hash').notNull(),
  createdAt: createdAt(),
  lastUsedAt: at('last_used_at'),
  revokedAt: at('revoked_at'),
});

/** Who did what that matters later: publish, rollback, clone, consent and key changes. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    workspaceId: text('workspace_id').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    target: text('target'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [index('audit_workspace').on(t.workspaceId, t.id)],
);
