import type { Hono } from 'hono';
import { and, desc, eq } from 'drizzle-orm';
import { endpoints } from '@tandem/shared/api';
import type { AppContext } from '../appContext';
import type { AppEnv } from '../app';
import { mountRoute } from '../mountRoute';
import { messages } from '../../db/schema';
import { consentHistory, listContacts, loadContact, updateContact } from '../../services/contacts';
import { importContacts } from '../../services/importContacts';
import { contactView } from '../../services/contactView';
import { journeyHolds } from '../../services/journeyHolds';
import { messageView } from '../../services/messageView';
import { workspaceNow } from '../../services/workspaceClock';

export function contactRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  const { db } = ctx.database;

  mountRoute(app, ctx, endpoints.listContacts, async ({ params, query }) => {
    const { rows, total } = await listContacts(db, params.workspaceId, query);
    const now = await workspaceNow(db, params.workspaceId);
    const holds = await journeyHolds(db, rows, now);
    return { contacts: rows.map((c) => contactView(c, now, holds.get(c.id))), total };
  });

  const viewOne = async (workspaceId: string, row: Parameters<typeof contactView>[0]) => {
    const now = await workspaceNow(db, workspaceId);
    return contactView(row, now, (await journeyHolds(db, [row], now)).get(row.id));
  };

  mountRoute(app, ctx, endpoints.getContact, async ({ params }) => viewOne(params.workspaceId, await loadContact(db, params.workspaceId, params.id)));

  mountRoute(app, ctx, endpoints.updateContact, async ({ params, body, caller }) =>
    viewOne(params.workspaceId, await updateContact(db, params.workspaceId, params.id, body, caller.label)),
  );

  mountRoute(app, ctx, endpoints.importContacts, async ({ c, params, body, caller }) => {
    const result = await importContacts(db, params.workspaceId, body.csv, caller.label);
    c.get('log').info({ workspaceId: params.workspaceId, created: result.created, updated: result.updated, errors: result.errors.length }, 'contacts imported');
    return result;
  });

  mountRoute(app, ctx, endpoints.contactConsent, async ({ params, query }) => ({ changes: await consentHistory(db, params.workspaceId, params.id, query) }));

  mountRoute(app, ctx, endpoints.contactMessages, async ({ params, query }) => {
    const contact = await loadContact(db, params.workspaceId, params.id);
    const rows = await db
      .select()
      .from(messages)
      .where(and(eq(messages.contactId, contact.id), eq(messages.workspaceId, params.workspaceId)))
      .orderBy(desc(messages.at), desc(messages.id))
      .limit(query.limit)
      .offset(query.offset);
    return { messages: rows.map(messageView) };
  });
}
