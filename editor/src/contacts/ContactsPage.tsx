import type { WorkspaceView } from '@tandem/shared/api';

/** Placeholder: the screen is being built. */
export function ContactsPage({ workspace, contactId }: { workspace: WorkspaceView; contactId?: string | undefined }) {
  return (
    <div className="tn-page" data-testid="contacts-page" data-workspace={workspace.id} data-contact={contactId}>
      <header className="tn-page-head">
        <h1>Contacts</h1>
      </header>
    </div>
  );
}
