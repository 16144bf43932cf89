import type { Hono } from 'hono';
import { and, eq } from 'drizzle-orm';
import { endpoints } from '@tandem/shared/api';
import type { AppContext } from '../appContext';
import type { AppEnv } from '../app';
import { mountRoute } from '../mountRoute';
import { notFound } from '../errors';
import { contacts } from '../../db/schema';
import { audit } from '../../services/audit';
import { giveBackToBot, type Queryable } from '../../store/contactPause';

/** Coexistence controls: give a contact back to the bot after a person talked to them. */
export function coexistenceRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  const { db, pool } = ctx.database;
  mountRoute(app, ctx, endpoints.resumeContact, async ({ params, caller }) => {
    const [contact] = await db
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.id, params.id), eq(contacts.workspaceId, params.workspaceId)));
    if (!contact) throw notFound('Contact');
    await giveBackToBot(pool as unknown as Queryable, contact.id);
    await audit(db, { workspaceId: params.workspaceId, actor: caller.label, action: 'contact.resume', target: String(contact.id) });
    return { ok: true as const };
  });
}
