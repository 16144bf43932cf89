import { eq, sql } from 'drizzle-orm';
import { ValidationError, type AttributeDecl } from '@tandem/shared';
import type { Db } from '../db/database';
import { workspaces } from '../db/schema';
import { audit } from './audit';
import { checkAttributeNames, isTimeZone } from './contacts';
import { parseCsv } from './parseCsv';
import { workspaceNow } from './workspaceClock';

export interface ImportResult {
  created: number;
  updated: number;
  errors: { line: number; message: string }[];
}

interface ContactInput {
  wa_id: string;
  phone: string | null;
  profile_name: string | null;
  timezone: string | null;
  consent: 'opted_in' | 'opted_out' | null;
  tags: string[];
  attributes: Record<string, unknown>;
}

const ownColumns = new Set(['wa_id', 'phone', 'profile_name', 'timezone', 'marketing_consent', 'tags']);
const BATCH = 1_000;

/**
 * Imports contacts from CSV. The header row names the columns (normalised: "First Name" →
 * first_name) and must have `wa_id` or `phone`; profile_name, timezone, marketing_consent and
 * tags (`|`-separated, added to the contact's) are contact fields; any other column is an
 * attribute, typed as the workspace declares it. Contacts are matched by WhatsApp id (the
 * phone's digits); empty cells change nothing. Bad lines are reported by line number and the
 * others imported, in one transaction.
 */
export async function importContacts(db: Db, workspaceId: string, csv: string, actor: string): Promise<ImportResult> {
  const parsed = parseCsv(csv);
  const [header, ...rows] = parsed.records;
  if (!header) throw new ValidationError('The file is empty', [{ path: ['csv'], message: 'No header row' }], 'invalid_csv');
  const columns = header.fields.map(columnName);
  checkHeader(columns);
  const [w] = await db.select({ settings: workspaces.settings }).from(workspaces).where(eq(workspaces.id, workspaceId));
  const declared = new Map(((w?.settings.attributes ?? []) as AttributeDecl[]).map((a) => [a.name, a.type]));

  const errors: ImportResult['errors'] = [];
  const byWaId = new Map<string, ContactInput>();
  for (const record of rows) {
    if (record.fields.length > columns.length) {
      errors.push({ line: record.line, message: `${record.fields.length} fields, but the header names ${columns.length}` });
      continue;
    }
    const cells = new Map(columns.map((c, i) => [c, (record.fields[i] ?? '').trim()]));
    const result = contactInput(cells, declared);
    if ('error' in result) {
      errors.push({ line: record.line, message: result.error });
      continue;
    }
    const before = byWaId.get(result.wa_id);
    byWaId.set(result.wa_id, before ? merge(before, result) : result);
  }
  if (parsed.error) errors.push(parsed.error);

  return db.transaction(async (tx) => {
    const now = await workspaceNow(tx, workspaceId);
    const source = `import: ${actor}`;
    let created = 0;
    let updated = 0;
    const all = [...byWaId.values()];
    for (let i = 0; i < all.length; i += BATCH) {
      const batch = JSON.stringify(all.slice(i, i + BATCH));
      const input = sql`jsonb_to_recordset(${batch}::jsonb) AS r(wa_id text, phone text, profile_name text, timezone text, consent text, tags jsonb, attributes jsonb)`;
      const inserted = await tx.execute<{ wa_id: string }>(sql`
        INSERT INTO contacts (workspace_id, wa_id, phone, profile_name, timezone, attributes, tags, marketing_consent, consent_changed_at, consent_source)
        SELECT ${workspaceId}, r.wa_id, COALESCE(r.phone, '+' || r.wa_id), r.profile_name, r.timezone, r.attributes, ARRAY(SELECT jsonb_array_elements_text(r.tags)),
               COALESCE(r.consent, 'unknown'), CASE WHEN r.consent IS NULL THEN NULL ELSE ${now}::timestamptz END, CASE WHEN r.consent IS NULL THEN NULL ELSE ${source} END
        FROM ${input}
        ON CONFLICT (workspace_id, wa_id) DO NOTHING
        RETURNING wa_id`);
      const fresh = JSON.stringify(inserted.rows.map((r) => r.wa_id));
      // Lock in id order, as the engine does, so an import never deadlocks with inbound messages.
      await tx.execute(sql`SELECT 1 FROM contacts WHERE workspace_id = ${workspaceId} AND wa_id IN (SELECT r.wa_id FROM ${input}) ORDER BY id FOR UPDATE`);
      const changed = await tx.execute(sql`
        UPDATE contacts c SET
          phone = COALESCE(r.phone, c.phone),
          profile_name = COALESCE(r.profile_name, c.profile_name),
          timezone = COALESCE(r.timezone, c.timezone),
          attributes = c.attributes || r.attributes,
          tags = ARRAY(SELECT DISTINCT t FROM unnest(c.tags || ARRAY(SELECT jsonb_array_elements_text(r.tags))) AS t ORDER BY t),
          marketing_consent = COALESCE(r.consent, c.marketing_consent),
          consent_changed_at = CASE WHEN r.consent IS DISTINCT FROM c.marketing_consent AND r.consent IS NOT NULL THEN ${now}::timestamptz ELSE c.consent_changed_at END,
          consent_source = CASE WHEN r.consent IS DISTINCT FROM c.marketing_consent AND r.consent IS NOT NULL THEN ${source} ELSE c.consent_source END,
          updated_at = now()
        FROM ${input}
        WHERE c.workspace_id = ${workspaceId} AND c.wa_id = r.wa_id AND r.wa_id NOT IN (SELECT jsonb_array_elements_text(${fresh}::jsonb))`);
      created += inserted.rows.length;
      updated += changed.rowCount ?? 0;
    }
    await audit(tx, { workspaceId, actor, action: 'contacts.import', detail: { created, updated, errors: errors.length } });
    return { created, updated, errors: errors.sort((a, b) => a.line - b.line) };
  });
}

function columnName(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

function checkHeader(columns: string[]): void {
  const issue = (message: string) =>
    new ValidationError(`The header row (line 1) ${message}`, [{ path: ['csv'], message: `line 1: ${message}` }], 'invalid_csv');
  if (!columns.includes('wa_id') && !columns.includes('phone')) throw issue('needs a wa_id or phone column');
  const twice = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (twice.length) throw issue(`names ${twice.join(', ')} twice`);
  const attributes = columns.filter((c) => !ownColumns.has(c));
  const bad = attributes.filter((c) => !/^[a-z][a-z0-9_]{0,63}$/.test(c));
  if (bad.length) throw issue(`has columns that cannot be attribute names: ${bad.map((b) => `"${b}"`).join(', ')} (start with a letter)`);
  checkAttributeNames(attributes, () => ['csv']);
}

function contactInput(cells: Map<string, string>, declared: Map<string, AttributeDecl['type']>): ContactInput | { error: string } {
  const id = cells.get('wa_id') || cells.get('phone') || '';
  if (!id) return { error: 'No wa_id or phone' };
  const waId = phoneDigits(id);
  if (!waId) return { error: `"${id}" is not a phone number (6 to 20 digits with the country code)` };
  const phoneCell = cells.get('phone') ?? '';
  const phone = phoneCell ? phoneDigits(phoneCell) : undefined;
  if (phone === null) return { error: `"${phoneCell}" is not a phone number (6 to 20 digits with the country code)` };
  const timezone = cells.get('timezone') || null;
  if (timezone && !isTimeZone(timezone)) return { error: `"${timezone}" is not an IANA time zone such as Europe/Berlin` };
  const consentCell = (cells.get('marketing_consent') ?? '').toLowerCase();
  const consent = consentWords[consentCell];
  if (consent === undefined) return { error: `marketing_consent "${cells.get('marketing_consent')}" is not opted_in, opted_out or unknown` };
  const attributes: Record<string, unknown> = {};
  for (const [name, cell] of cells) {
    if (ownColumns.has(name) || cell === '') continue;
    const value = typedValue(cell, declared.get(name) ?? 'string');
    if (value === undefined) return { error: `${name} "${cell}" is not a ${declared.get(name)}` };
    attributes[name] = value;
  }
  const tags = [
    ...new Set(
      (cells.get('tags') ?? '')
        .split('|')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  const tooLong = tags.find((t) => t.length > 60);
  if (tooLong) return { error: `The tag "${tooLong.slice(0, 20)}…" is longer than 60 characters` };
  return { wa_id: waId, phone: phone ? `+${phone}` : null, profile_name: cells.get('profile_name') || null, timezone, consent, tags: tags.sort(), attributes };
}

/** The digits of a phone number written with +, spaces, dashes, dots or brackets; null when it is not one. */
function phoneDigits(text: string): string | null {
  if (!/^\+?[\d\s().-]+$/.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  return /^\d{6,20}$/.test(digits) ? digits : null;
}

const consentWords: Record<string, 'opted_in' | 'opted_out' | null> = {
  '': null,
  unknown: null,
  opted_in: 'opted_in',
  yes: 'opted_in',
  true: 'opted_in',
  '1': 'opted_in',
  opted_out: 'opted_out',
  no: 'opted_out',
  false: 'opted_out',
  '0': 'opted_out',
};

const booleanWords: Record<string, boolean> = { true: true, yes: true, y: true, '1': true, false: false, no: false, n: false, '0': false };

function typedValue(cell: string, type: AttributeDecl['type']): unknown {
  switch (type) {
    case 'number': {
      const n = Number(cell);
      return cell !== '' && Number.isFinite(n) ? n : undefined;
    }
    case 'boolean':
      return booleanWords[cell.toLowerCase()];
    case 'date': {
      const d = new Date(cell);
      return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
    }
    case 'list':
      return cell
        .split('|')
        .map((x) => x.trim())
        .filter(Boolean);
    case 'string':
      return cell;
  }
}

/** A later line for the same WhatsApp id fills in and overrides what an earlier one said. */
function merge(a: ContactInput, b: ContactInput): ContactInput {
  return {
    wa_id: a.wa_id,
    phone: b.phone ?? a.phone,
    profile_name: b.profile_name ?? a.profile_name,
    timezone: b.timezone ?? a.timezone,
    consent: b.consent ?? a.consent,
    tags: [...new Set([...a.tags, ...b.tags])].sort(),
    attributes: { ...a.attributes, ...b.attributes },
  };
}
