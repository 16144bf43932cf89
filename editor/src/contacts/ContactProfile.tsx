import { ArrowLeft, Clock, Megaphone, Sparkles } from 'lucide-react';
import { endpoints, roleRank, type BodyOf, type ContactView, type WorkspaceView } from '@tandem/shared/api';
import { errorText, useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { momentText } from '../analytics/timeWords';
import { routeHash } from '../shell/router';
import { AttributesSection } from './AttributesSection';
import { ConsentSection } from './ConsentSection';
import { ContactDetails } from './ContactDetails';
import { ContactRuns } from './ContactRuns';
import { ContactThread } from './ContactThread';
import { HandoffLink } from './HandoffLink';
import { TagsSection } from './TagsSection';
import { adClickText, contactName, contactNumber, freeEntryText, windowStatus } from './contactWords';
import { ContactPause } from './ContactPause';

type ContactPatch = BodyOf<typeof endpoints.updateContact>;
/** Saves a change of the contact; resolves to what went wrong, in a sentence, or undefined when it was saved. */
export type SaveContact = (patch: ContactPatch) => Promise<string | undefined>;

/** What each editable section of the profile gets. */
export interface SectionProps {
  workspace: WorkspaceView;
  contact: ContactView;
  canEdit: boolean;
  onSave: SaveContact;
}

/** One contact: whether the bot may write to them now, consent and its history, details, tags, attributes, journeys and the thread. */
export function ContactProfile({ workspace, contactId }: { workspace: WorkspaceView; contactId: number }) {
  const api = useApi();
  const params = { workspaceId: workspace.id, id: contactId };
  const contact = useLoad(() => api(endpoints.getContact, { params }), `${workspace.id}|${contactId}`);
  const canEdit = roleRank[workspace.role] >= roleRank.editor;
  const back = (
    <a className="tn-contact-back" href={routeHash({ name: 'contacts', workspaceId: workspace.id })} data-testid="contacts-back">
      <ArrowLeft size={14} aria-hidden /> All contacts
    </a>
  );
  if (contact.error && !contact.data) {
    return (
      <>
        {back}
        <p className="tn-banner tn-banner-error" data-testid="contact-error">
          {contact.error === 'Contact not found' ? 'This contact does not exist in this workspace.' : contact.error}
        </p>
      </>
    );
  }
  const c = contact.data;
  if (!c) {
    return (
      <>
        {back}
        <p className="tn-muted">Loading the contact…</p>
      </>
    );
  }
  const save: SaveContact = async (patch) => {
    try {
      await api(endpoints.updateContact, { params, body: patch });
      await contact.reload();
      return undefined;
    } catch (error) {
      return errorText(error);
    }
  };
  const window = windowStatus(c, workspace.now);
  const freeEntry = freeEntryText(c, workspace.now);
  const adClick = adClickText(c, workspace.now);
  return (
    <div data-testid="contact-profile-page">
      {back}
      <header className="tn-page-head tn-contact-head">
        <h1 dir="auto" data-testid="contact-name">
          {contactName(c)}
        </h1>
        <span className="tn-mono tn-muted">{contactNumber(c)}</span>
        <span className="tn-spacer" />
        <span className="tn-muted">
          First seen {momentText(c.createdAt)}
          {c.lastInboundAt ? ` · last wrote ${momentText(c.lastInboundAt)}` : ''}
        </span>
      </header>
      <div className="tn-contact-grid">
        <div className="tn-contact-side">
          <section className="tn-contact-section" aria-label="24-hour window">
            <h2>24-hour window</h2>
            <p className={window.open ? 'tn-contact-window tn-ok' : 'tn-contact-window tn-warning'} data-testid="contact-window" data-open={window.open}>
              <Clock size={14} aria-hidden /> {window.text}
            </p>
            <p className="tn-help">{window.detail}</p>
            {freeEntry && (
              <p className="tn-help" data-testid="contact-free-entry">
                <Sparkles size={12} aria-hidden /> {freeEntry}
              </p>
            )}
            {adClick && (
              <p className="tn-help" data-testid="contact-ad-click" title={adClick.detail}>
                <Megaphone size={12} aria-hidden /> {adClick.text}. {adClick.detail}
              </p>
            )}
            <ContactPause workspace={workspace} contact={c} onResumed={contact.reload} />
            {c.pausedIndefinitely && <HandoffLink workspaceId={workspace.id} contactId={c.id} />}
          </section>
          <ConsentSection workspace={workspace} contact={c} canEdit={canEdit} onSave={save} />
          <ContactDetails contact={c} canEdit={canEdit} onSave={save} />
          <TagsSection contact={c} canEdit={canEdit} onSave={save} />
          <AttributesSection workspace={workspace} contact={c} canEdit={canEdit} onSave={save} />
        </div>
        <div className="tn-contact-main">
          <ContactRuns workspaceId={workspace.id} contactId={c.id} />
          <ContactThread workspaceId={workspace.id} contactId={c.id} />
        </div>
      </div>
    </div>
  );
}
