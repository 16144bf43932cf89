import type { ContactPatch } from '@tandem/engine/runtime';

/**
 * Applies what a step changed on a contact (`$1`): attributes set (`$2`) and removed (`$3`), tags
 * added (`$4`) and removed (`$5`), the time zone when `$6` (to `$7`, null clears it), and marketing
 * consent (`$8`, null: unchanged) with its time (`$9`) and source ('flow').
 */
export const patchContactSql = `UPDATE contacts SET
     attributes = (attributes || $2::jsonb) - $3::text[],
     tags = ARRAY(SELECT DISTINCT t FROM unnest(tags || $4::text[]) AS t WHERE t <> ALL($5::text[]) ORDER BY t),
     timezone = CASE WHEN $6::boolean THEN $7 ELSE timezone END,
     marketing_consent = COALESCE($8, marketing_consent),
     consent_changed_at = CASE WHEN $8 IS NULL THEN consent_changed_at ELSE $9 END,
     consent_source = CASE WHEN $8 IS NULL THEN consent_source ELSE 'flow' END,
     updated_at = $9
   WHERE id = $1`;

/** `patchContactSql`'s parameters: an attribute patched to null is removed. */
export function patchContactParams(contactId: number, p: ContactPatch, at: Date): unknown[] {
  const { timezone, ...attributes } = p.attributes;
  const set = Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== null));
  const unset = Object.entries(attributes)
    .filter(([, v]) => v === null)
    .map(([k]) => k);
  return [
    contactId,
    set,
    unset,
    p.addTags,
    p.removeTags,
    timezone !== undefined,
    typeof timezone === 'string' ? timezone : null,
    p.consent ? (p.consent === 'opt_in' ? 'opted_in' : 'opted_out') : null,
    at,
  ];
}

/**
 * Whether each contact (`$1`) has an active run of the flow (`$2`) and an ended one: each reads one
 * partial index (active runs; ended runs by contact and flow), never all of the flow's runs.
 */
export const runsOfFlowSql = `SELECT c.id,
    EXISTS (SELECT 1 FROM runs r WHERE r.contact_id = c.id AND r.flow_id = $2 AND r.status = 'active') AS active,
    EXISTS (SELECT 1 FROM runs r WHERE r.contact_id = c.id AND r.flow_id = $2 AND r.status <> 'active') AS ended
  FROM unnest($1::bigint[]) AS c(id)`;
export type RunsOfFlow = { id: number; active: boolean; ended: boolean };
