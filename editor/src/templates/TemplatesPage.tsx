import type { WorkspaceView } from '@tandem/shared/api';

/** Placeholder: the screen is being built. */
export function TemplatesPage({ workspace }: { workspace: WorkspaceView }) {
  return (
    <div className="tn-page" data-testid="templates-page" data-workspace={workspace.id}>
      <header className="tn-page-head">
        <h1>Templates</h1>
      </header>
    </div>
  );
}
