import { ShieldAlert } from 'lucide-react';
import { roleRank, type WorkspaceView } from '@tandem/shared/api';
import { ContactList } from './ContactList';
import { ContactProfile } from './ContactProfile';
import './contacts.css';

/** The workspace's contacts: a searchable list, and each contact's profile at `#/w/<ws>/contacts/<id>`. Agents and up. */
export function ContactsPage({ workspace, contactId }: { workspace: WorkspaceView; contactId?: string | undefined }) {
  const id = contactId ? Number(contactId) : undefined;
  return (
    <div className="tn-page" data-testid="contacts-page" data-workspace={workspace.id} data-contact={contactId}>
      {roleRank[workspace.role] < roleRank.agent ? (
        <>
          <header className="tn-page-head">
            <h1>Contacts</h1>
          </header>
          <div className="tn-empty" data-testid="contacts-agents-only">
            <ShieldAlert size={20} aria-hidden />
            <p>Contacts are for agents, editors and admins of {workspace.name}. Ask an admin if you need to see them.</p>
          </div>
        </>
      ) : id !== undefined ? (
        Number.isInteger(id) && id > 0 ? (
          <ContactProfile key={`${workspace.id}|${id}`} workspace={workspace} contactId={id} />
        ) : (
          <p className="tn-banner tn-banner-error">“{contactId}” is not a contact’s address.</p>
        )
      ) : (
        <ContactList key={workspace.id} workspace={workspace} />
      )}
    </div>
  );
}
