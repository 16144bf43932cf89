import type { ContactPatch, ContactState } from './types';

export function isEmptyPatch(p: ContactPatch): boolean {
  return Object.keys(p.attributes).length === 0 && p.addTags.length === 0 && p.removeTags.length === 0 && p.consent === undefined;
}

/** The contact after a patch, as the next step in the same transaction sees it. */
export function applyPatch(contact: ContactState, p: ContactPatch): ContactState {
  const attributes = { ...contact.attributes };
  let timezone = contact.timezone;
  for (const [k, v] of Object.entries(p.attributes)) {
    if (k === 'timezone') timezone = typeof v === 'string' && v ? v : null;
    else if (v === null) delete attributes[k];
    else attributes[k] = v;
  }
  const tags = new Set(contact.tags);
  for (const t of p.addTags) tags.add(t);
  for (const t of p.removeTags) tags.delete(t);
  return {
    ...contact,
    attributes,
    timezone,
    tags: [...tags],
    ...(p.consent ? { marketingConsent: p.consent === 'opt_in' ? 'opted_in' : 'opted_out' } : {}),
  };
}
