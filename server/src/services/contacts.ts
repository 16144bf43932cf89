import { and, arrayContains, count, desc, eq, exists, ilike, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { builtInContactFields, NotFoundError, ValidationError, writableContactFields } from '@tandem/shared';
import type { z } from 'zod';
import type { contactPatchSchema } from '@tandem/shared/api';
import type { Db } from '../db/database';
import { consentChanges, contacts, runs } from '../db/schema';
import { journeyHolds } from './journeyHolds';
import { audit } from './audit';
import { workspaceNow } from './workspaceClock';

type ContactRow = typeof contacts.$inferSelect;
type ContactPatch = z.infer<typeof contactPatchSchema>;

/** A contact of the workspace, or 404. */
export async function loadContact(db: Pick<Db, 'select'>, workspaceId: string, id: number): Promise<ContactRow> {
  const [c] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.id, id), eq(contacts.workspaceId, workspaceId)));
  if (!c) throw new NotFoundError('Contact');
  return c;
}

/** The contact's consent changes, newest first (the trigger of migration 0005 records every one). */
export async function consentHistory(db: Db, workspaceId: string, id: number, page: { limit: number; offset: number }) {
  const contact = await loadContact(db, workspaceId, id);
  const rows = await db
    .select({ consent: consentChanges.consent, previous: consentChanges.previous, source: consentChanges.source, at: consentChanges.at })
    .from(consentChanges)
    .where(eq(consentChanges.contactId, contact.id))
    .orderBy(desc(consentChanges.id))
    .limit(page.limit)
    .offset(page.offset);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}

type ContactQuery = {
  search?: string | undefined;
  tag?: string | undefined;
  consent?: ContactRow['marketingConsent'] | undefined;
  pausedBy?: 'app' | undefined;
  limit: number;
  offset: number;
};

/**
 * Contacts, most recently updated first. `search` matches the profile name, WhatsApp id, phone,
 * the first name, last name and email attributes and the tags (a search with digits also matches the
 * WhatsApp id whatever the spacing, so "+49 151 234" finds 49151234…). `pausedBy: 'app'`: only the
 * contacts a journey holds back now because a person replied from the Business App, most recent
 * App reply first.
 */
export async function listContacts(db: Db, workspaceId: string, q: ContactQuery): Promise<{ rows: ContactRow[]; total: number }> {
  const where = and(
    eq(contacts.workspaceId, workspaceId),
    q.search ? searchCondition(q.search) : undefined,
    q.tag ? arrayContains(contacts.tags, [q.tag]) : undefined,
    q.consent ? eq(contacts.marketingConsent, q.consent) : undefined,
  );
  if (q.pausedBy === 'app') return pausedByApp(db, workspaceId, where, q);
  const rows = await db.select().from(contacts).where(where).orderBy(desc(contacts.updatedAt), desc(contacts.id)).limit(q.limit).offset(q.offset);
  const [{ total }] = (await db.select({ total: count() }).from(contacts).where(where)) as [{ total: number }];
  return { rows, total };
}

/** Contacts judged for `pausedBy: 'app'` at most: those most recently replied to from the App. */
const PAUSED_BY_APP_CANDIDATES = 5_000;

/**
 * The contacts whose journeys hold their messages now by their rule after an App reply. Postgres
 * narrows them to contacts with an App reply not yet released and a journey in progress; each
 * journey's own rule (pause for minutes, until a keyword, until released) then decides, as the
 * sender does (journeyHolds).
 */
async function pausedByApp(db: Db, workspaceId: string, where: SQL | undefined, q: ContactQuery): Promise<{ rows: ContactRow[]; total: number }> {
  const candidates = await db
    .select()
    .from(contacts)
    .where(
      and(
        where,
        isNotNull(contacts.lastEchoAt),
        or(isNull(contacts.botReleasedAt), lt(contacts.botReleasedAt, contacts.lastEchoAt)),
        exists(
          db
            .select({ one: sql`1` })
            .from(runs)
            .where(and(eq(runs.contactId, contacts.id), eq(runs.status, 'active'))),
        ),
      ),
    )
    .orderBy(desc(contacts.lastEchoAt), desc(contacts.id))
    .limit(PAUSED_BY_APP_CANDIDATES);
  const holds = await journeyHolds(db, candidates, await workspaceNow(db, workspaceId));
  const paused = candidates.filter((c) => holds.get(c.id)?.some((h) => h.reason === 'human_active'));
  return { rows: paused.slice(q.offset, q.offset + q.limit), total: paused.length };
}

function searchCondition(search: string): SQL | undefined {
  const pattern = `%${search.trim().replace(/[%_\\]/g, '\\$&')}%`;
  const digits = search.replace(/\D/g, '');
  return or(
    ilike(contacts.profileName, pattern),
    ilike(contacts.waId, pattern),
    ilike(contacts.phone, pattern),
    ilike(sql`${contacts.attributes} ->> 'first_name'`, pattern),
    ilike(sql`${contacts.attributes} ->> 'last_name'`, pattern),
    ilike(sql`${contacts.attributes} ->> 'email'`, pattern),
    sql`EXISTS (SELECT 1 FROM unnest(${contacts.tags}) AS t WHERE t ILIKE ${pattern})`,
    digits.length >= 3 ? ilike(contacts.waId, `%${digits}%`) : undefined,
  );
}

/** Built-in fields a person may set as attributes; the rest are kept by Tandem or have their own field. */
const settableBuiltIns = new Set(writableContactFields.filter((f) => f !== 'timezone'));
const reserved = new Set(builtInContactFields.map((f) => f.name).filter((f) => !settableBuiltIns.has(f)));

/** Refuses attribute names that are built-in contact fields Tandem keeps itself. */
export function checkAttributeNames(names: readonly string[], path: (name: string) => (string | number)[]): void {
  const refused = names.filter((n) => reserved.has(n));
  if (refused.length) {
    throw new ValidationError(
      `${refused.join(', ')} ${refused.length === 1 ? 'is a built-in contact field' : 'are built-in contact fields'} and cannot be set as attributes`,
      refused.map((n) => ({
        path: path(n),
        message:
          n === 'timezone'
            ? 'Set the time zone with the timezone field'
            : n === 'tags'
              ? 'Change tags with addTags and removeTags'
              : `"${n}" is kept by Tandem`,
      })),
      'reserved_attribute',
    );
  }
}

/** Whether the runtime knows this IANA time zone. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Changes a contact: attributes merge (null removes one), tags are added and removed, the time
 * zone must be an IANA name, and a change of marketing consent records when, who (`api: <actor>`)
 * and an audit entry — all in one transaction with the contact locked, as the engine locks it.
 */
export async function updateContact(db: Db, workspaceId: string, id: number, patch: ContactPatch, actor: string): Promise<ContactRow> {
  const attributes = patch.attributes ?? {};
  checkAttributeNames(Object.keys(attributes), (n) => ['attributes', n]);
  if (typeof patch.timezone === 'string' && !isTimeZone(patch.timezone)) {
    throw new ValidationError(`"${patch.timezone}" is not an IANA time zone such as Europe/Berlin`, [{ path: ['timezone'], message: 'Unknown time zone' }]);
  }
  const set = Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== null));
  const unset = Object.entries(attributes)
    .filter(([, v]) => v === null)
    .map(([k]) => k);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(contacts)
      .where(and(eq(contacts.id, id), eq(contacts.workspaceId, workspaceId)))
      .for('update');
    if (!current) throw new NotFoundError('Contact');
    const now = await workspaceNow(tx, workspaceId);
    const consentChanges = patch.marketingConsent !== undefined && patch.marketingConsent !== current.marketingConsent;
    const [row] = await tx
      .update(contacts)
      .set({
        attributes: sql`(${contacts.attributes} || ${JSON.stringify(set)}::jsonb) - ${toTextArray(unset)}`,
        tags: sql`ARRAY(SELECT DISTINCT t FROM unnest(${contacts.tags} || ${toTextArray(patch.addTags ?? [])}) AS t WHERE t <> ALL(${toTextArray(patch.removeTags ?? [])}) ORDER BY t)`,
        ...(patch.timezone !== undefined ? { timezone: patch.timezone } : {}),
        ...(consentChanges ? { marketingConsent: patch.marketingConsent, consentChangedAt: now, consentSource: `api: ${actor}` } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(contacts.id, id))
      .returning();
    if (consentChanges) {
      await audit(tx, {
        workspaceId,
        actor,
        action: 'contact.consent',
        target: String(id),
        detail: { from: current.marketingConsent, to: patch.marketingConsent },
      });
    }
    return row!;
  });
}

/** A JS string array as one `text[]` parameter (drizzle would spread a plain array into a list). */
function toTextArray(values: readonly string[]): SQL {
  return sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))::text[]`;
}
