import type { WorkspaceView } from '@tandem/shared/api';

/** Placeholder: the screen is being built. */
export function TeamPage({ workspace }: { workspace: WorkspaceView }) {
  return (
    <div className="tn-page" data-testid="team-page" data-workspace={workspace.id}>
      <header className="tn-page-head">
        <h1>Team</h1>
      </header>
    </div>
  );
}
