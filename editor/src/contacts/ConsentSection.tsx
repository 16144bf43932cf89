import { useState } from 'react';
import { endpoints } from '@tandem/shared/api';
import { useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { momentText } from '../analytics/timeWords';
import type { SectionProps } from './ContactProfile';
import { consentLabels, consentSourceWords } from './contactWords';

/** Marketing consent now, every change before it (when and how), and for editors a way to record one the person gave elsewhere. */
export function ConsentSection({ workspace, contact, canEdit, onSave }: SectionProps) {
  const api = useApi();
  // The history is loaded again whenever the consent changes (its time is part of the key).
  const history = useLoad(
    () => api(endpoints.contactConsent, { params: { workspaceId: workspace.id, id: contact.id }, query: { limit: 50 } }),
    `${workspace.id}|${contact.id}|${contact.marketingConsent}|${contact.consentChangedAt}`,
  );
  const [recording, setRecording] = useState(false);
  const [error, setError] = useState<string>();
  const other = contact.marketingConsent === 'opted_in' ? 'opted_out' : 'opted_in';
  const record = async () => {
    setRecording(true);
    setError(await onSave({ marketingConsent: other }));
    setRecording(false);
  };
  const changes = history.data?.changes ?? [];
  return (
    <section className="tn-contact-section" aria-label="Marketing consent" data-testid="contact-consent">
      <h2>Marketing consent</h2>
      <p className={`tn-contact-consent tn-consent-${contact.marketingConsent}`} data-testid="contact-consent-now" data-consent={contact.marketingConsent}>
        {consentLabels[contact.marketingConsent]}
      </p>
      <p className="tn-help">
        {contact.marketingConsent === 'opted_out'
          ? 'Marketing templates are not sent to them; service messages and utility templates still are.'
          : contact.marketingConsent === 'opted_in'
            ? 'Marketing templates may be sent to them. They can stop them any time by writing STOP or with an opt-out button.'
            : 'They have neither agreed nor said no here. WhatsApp expects their agreement before you send marketing.'}
      </p>
      {history.error && <p className="tn-errors">{history.error}</p>}
      {history.data && changes.length === 0 && <p className="tn-muted">No change recorded yet.</p>}
      {changes.length > 0 && (
        <ol className="tn-consent-history" data-testid="consent-history">
          {changes.map((ch) => (
            <li key={`${ch.at}|${ch.consent}|${ch.previous}|${ch.source}`}>
              <strong>{consentLabels[ch.consent]}</strong>
              <span className="tn-muted"> · {momentText(ch.at)}</span>
              <div className="tn-help">
                {consentSourceWords(ch.source, ch.consent)}
                {ch.previous !== 'unknown' ? ` (before: ${consentLabels[ch.previous].toLowerCase()})` : ''}
              </div>
            </li>
          ))}
        </ol>
      )}
      {canEdit && (
        <div className="tn-contact-consent-record">
          <button type="button" onClick={() => void record()} disabled={recording} data-testid="consent-record">
            {other === 'opted_in' ? 'Record that they agreed to marketing' : 'Record that they opted out'}
          </button>
          <p className="tn-help">
            {other === 'opted_in'
              ? 'Only when they agreed elsewhere, such as on your website or in your shop. Your name is kept with the change.'
              : 'When they asked you to stop, for example on the phone. Your name is kept with the change.'}
          </p>
          {error && <p className="tn-errors">{error}</p>}
        </div>
      )}
    </section>
  );
}
