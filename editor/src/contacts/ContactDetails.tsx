import { useMemo, useState } from 'react';
import { timeZoneNames } from '../workspace/flowDefaults';
import type { SectionProps } from './ContactProfile';
import { contactNumber } from './contactWords';

/** Who the contact is on WhatsApp, their language and time zone (editors may set the time zone). */
export function ContactDetails({ contact, canEdit, onSave }: Omit<SectionProps, 'workspace'>) {
  const zones = useMemo(timeZoneNames, []);
  const [zone, setZone] = useState(contact.timezone ?? '');
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const language = typeof contact.attributes.language === 'string' ? contact.attributes.language : undefined;
  const changed = zone.trim() !== (contact.timezone ?? '');
  const saveZone = async () => {
    setSaving(true);
    setError(await onSave({ timezone: zone.trim() === '' ? null : zone.trim() }));
    setSaving(false);
  };
  return (
    <section className="tn-contact-section" aria-label="Details">
      <h2>Details</h2>
      <dl className="tn-contact-facts" data-testid="contact-details">
        <dt>Number</dt>
        <dd className="tn-mono">{contactNumber(contact)}</dd>
        {contact.waId && (
          <>
            <dt>WhatsApp ID</dt>
            <dd className="tn-mono">{contact.waId}</dd>
          </>
        )}
        <dt>Language</dt>
        <dd>{language ?? <span className="tn-muted">Not known (set the language attribute)</span>}</dd>
        <dt>Time zone</dt>
        <dd>
          {canEdit ? (
            <span className="tn-row">
              <input
                aria-label="Time zone"
                list="tn-contact-zones"
                value={zone}
                placeholder="Not set: journeys use their own"
                onChange={(e) => {
                  setZone(e.target.value);
                  setError(undefined);
                }}
                data-testid="contact-timezone"
              />
              <datalist id="tn-contact-zones">
                {zones.map((z) => (
                  <option key={z} value={z} />
                ))}
              </datalist>
              {changed && (
                <button type="button" onClick={() => void saveZone()} disabled={saving}>
                  Save
                </button>
              )}
            </span>
          ) : (
            (contact.timezone ?? <span className="tn-muted">Not set: journeys use their own</span>)
          )}
          {error && <p className="tn-errors">{error}</p>}
        </dd>
      </dl>
    </section>
  );
}
