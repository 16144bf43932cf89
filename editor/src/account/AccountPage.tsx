import type { WorkspaceView } from '@tandem/shared/api';

/** Placeholder: the screen is being built. */
export function AccountPage({ workspace }: { workspace: WorkspaceView }) {
  return (
    <div className="tn-page" data-testid="account-page" data-workspace={workspace.id}>
      <header className="tn-page-head">
        <h1>Your account</h1>
      </header>
    </div>
  );
}
