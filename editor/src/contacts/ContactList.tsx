import { useEffect, useState } from 'react';
import { ChevronLeft, ChevronRight, Search, X } from 'lucide-react';
import { endpoints, roleRank, type ContactView, type WorkspaceView } from '@tandem/shared/api';
import { useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { momentText } from '../analytics/timeWords';
import { routeHash } from '../shell/router';
import { ContactImport } from './ContactImport';
import { consentLabels, contactName, contactNumber, windowStatus } from './contactWords';

const PAGE = 50;
type Consent = ContactView['marketingConsent'];

/** Contacts of the workspace: search by name, number, email or tag, filter by tag and marketing consent, page through. */
export function ContactList({ workspace }: { workspace: WorkspaceView }) {
  const api = useApi();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [consent, setConsent] = useState<Consent | ''>('');
  const [offset, setOffset] = useState(0);
  const canImport = roleRank[workspace.role] >= roleRank.editor;

  useEffect(() => {
    const t = setTimeout(() => {
      setQuery(search.trim());
      setOffset(0);
    }, 250);
    return () => clearTimeout(t);
  }, [search]);
  const contacts = useLoad(
    () =>
      api(endpoints.listContacts, {
        params: { workspaceId: workspace.id },
        query: { limit: PAGE, offset, ...(query ? { search: query } : {}), ...(tag ? { tag } : {}), ...(consent ? { consent } : {}) },
      }),
    `${workspace.id}|${query}|${tag}|${consent}|${offset}`,
  );
  const filtered = query !== '' || tag !== '' || consent !== '';
  const clear = () => {
    setSearch('');
    setQuery('');
    setTag('');
    setConsent('');
    setOffset(0);
  };
  const list = contacts.data?.contacts ?? [];
  const total = contacts.data?.total ?? 0;

  return (
    <>
      <header className="tn-page-head tn-contacts-head">
        <h1>Contacts</h1>
        <div className="tn-search">
          <Search size={16} aria-hidden />
          <input
            type="search"
            aria-label="Search contacts"
            placeholder="Name, number, email or tag"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="contact-search"
          />
        </div>
        <select
          aria-label="Marketing consent"
          value={consent}
          onChange={(e) => {
            setConsent(e.target.value as Consent | '');
            setOffset(0);
          }}
          data-testid="contact-consent-filter"
        >
          <option value="">Anyone</option>
          {(Object.keys(consentLabels) as Consent[]).map((c) => (
            <option key={c} value={c}>
              {consentLabels[c]}
            </option>
          ))}
        </select>
        {tag && (
          <span className="tn-tag" data-testid="contact-tag-filter">
            Tag: {tag}
            <button type="button" aria-label={`Stop filtering by ${tag}`} onClick={() => setTag('')}>
              <X size={12} />
            </button>
          </span>
        )}
        <span className="tn-spacer" />
        {canImport && <ContactImport workspace={workspace} onImported={() => void contacts.reload()} />}
      </header>
      {contacts.error && <p className="tn-banner tn-banner-error">{contacts.error}</p>}
      {!contacts.data && !contacts.error && <p className="tn-muted">Loading contacts…</p>}
      {contacts.data && list.length === 0 && (
        <div className="tn-empty" data-testid="contacts-empty">
          {filtered ? (
            <>
              <p>
                No contact matches{query ? ` “${query}”` : ''}
                {tag ? ` with the tag “${tag}”` : ''}
                {consent ? ` who is “${consentLabels[consent].toLowerCase()}”` : ''}.
              </p>
              <button type="button" onClick={clear}>
                Show everyone
              </button>
            </>
          ) : (
            <>
              <p>No contacts yet.</p>
              <p className="tn-help">
                Someone becomes a contact the first time they write to your number, when a journey is started for them, or when you import them from a CSV file.
                {workspace.transport === 'sandbox' ? ' In this sandbox, chat as the test contact in a flow’s simulator and they appear here.' : ''}
              </p>
            </>
          )}
        </div>
      )}
      {list.length > 0 && (
        <>
          <table className="tn-table tn-contact-table" data-testid="contact-list">
            <thead>
              <tr>
                <th>Name</th>
                <th>Number</th>
                <th>Tags</th>
                <th>Marketing</th>
                <th>24-hour window</th>
                <th>Last wrote</th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr key={c.id} data-contact={c.id}>
                  <td>
                    <a className="tn-flow-link" dir="auto" href={routeHash({ name: 'contacts', workspaceId: workspace.id, contactId: String(c.id) })}>
                      {contactName(c)}
                    </a>
                    {c.pausedIndefinitely && (
                      <span className="tn-chip tn-chip-warning" title="The bot is paused: a person from the team is talking to them">
                        with the team
                      </span>
                    )}
                  </td>
                  <td className="tn-mono">{contactNumber(c)}</td>
                  <td>
                    <span className="tn-chips">
                      {c.tags.map((t) => (
                        <button key={t} type="button" className="tn-chip tn-contact-tag-chip" title={`Only contacts tagged ${t}`} onClick={() => setTag(t)}>
                          {t}
                        </button>
                      ))}
                    </span>
                  </td>
                  <td className={`tn-consent-${c.marketingConsent}`}>{consentLabels[c.marketingConsent]}</td>
                  <td title={windowStatus(c, workspace.now).text}>
                    {c.windowOpen ? <span className="tn-ok">Open</span> : <span className="tn-muted">Closed</span>}
                  </td>
                  <td className="tn-muted">{c.lastInboundAt ? momentText(c.lastInboundAt) : 'Never'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <footer className="tn-contact-paging" data-testid="contact-paging">
            <span className="tn-muted">
              {offset + 1}–{offset + list.length} of {total}
            </span>
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))} aria-label="Previous page">
              <ChevronLeft size={14} /> Previous
            </button>
            <button type="button" disabled={offset + list.length >= total} onClick={() => setOffset(offset + PAGE)} aria-label="Next page">
              Next <ChevronRight size={14} />
            </button>
          </footer>
        </>
      )}
    </>
  );
}
