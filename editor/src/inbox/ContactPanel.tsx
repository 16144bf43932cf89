import { ExternalLink } from 'lucide-react';
import { endpoints, type ContactView, type FlowSummary } from '@tandem/shared/api';
import { useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { waitingWords } from '../analytics/runWords';
import { momentText } from '../analytics/timeWords';
import { routeHash } from '../shell/router';
import { consentText, windowText } from './contactWords';

/** Beside the thread: who the contact is, whether the bot may write to them, their tags and attributes, and the journeys they are in. */
export function ContactPanel({ workspaceId, contact, flows }: { workspaceId: string; contact: ContactView | undefined; flows: readonly FlowSummary[] }) {
  const api = useApi();
  const runs = useLoad(
    () => api(endpoints.listRuns, { params: { workspaceId }, query: { contactId: contact?.id, status: 'active', limit: 20 } }),
    `${workspaceId}|${contact?.id}`,
    { enabled: contact !== undefined, pollMs: 5_000 },
  );
  if (!contact) return <aside className="tn-contact-panel tn-muted">Loading the contact…</aside>;
  const name = contact.profileName ?? (contact.waId ? `+${contact.waId}` : `Contact ${contact.id}`);
  const attributes = Object.entries(contact.attributes);
  const flowName = (id: string) => flows.find((f) => f.id === id)?.name ?? 'A journey';
  const window = windowText(contact);
  const digits = contact.phone ?? contact.waId;
  const number = digits ? `+${digits.replace(/^\+/, '')}` : undefined;
  return (
    <aside className="tn-contact-panel" data-testid="contact-panel" aria-label="Contact">
      <h3 dir="auto">{name}</h3>
      {number && <p className="tn-muted">{number}</p>}
      <a className="tn-contact-link" href={routeHash({ name: 'contacts', workspaceId, contactId: String(contact.id) })} data-testid="contact-profile">
        <ExternalLink size={12} aria-hidden /> Open the profile
      </a>
      <dl className="tn-contact-facts">
        <dt>24-hour window</dt>
        <dd className={contact.windowOpen ? 'tn-ok-text' : 'tn-warn-text'} data-testid="contact-window" data-open={contact.windowOpen}>
          {window}
        </dd>
        <dt>Marketing</dt>
        <dd>{consentText(contact.marketingConsent)}</dd>
      </dl>
      <h4>Tags</h4>
      {contact.tags.length ? (
        <ul className="tn-contact-tags" data-testid="contact-tags">
          {contact.tags.map((t) => (
            <li key={t} className="tn-chip">
              {t}
            </li>
          ))}
        </ul>
      ) : (
        <p className="tn-muted">No tags.</p>
      )}
      <h4>Attributes</h4>
      {attributes.length ? (
        <dl className="tn-contact-attributes" data-testid="contact-attributes">
          {attributes.map(([key, value]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd dir="auto">{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="tn-muted">No attributes yet.</p>
      )}
      <h4>Journeys now</h4>
      {runs.data && runs.data.runs.length === 0 && <p className="tn-muted">In no journey.</p>}
      <ul className="tn-contact-runs" data-testid="contact-runs">
        {runs.data?.runs.map((r) => (
          <li key={r.id}>
            <strong>{flowName(r.flowId)}</strong>
            <span className="tn-muted">
              {waitingWords(r.waitingFor) ?? 'running'} · since {momentText(r.startedAt)}
            </span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
