import { useState } from 'react';
import { endpoints, type BodyOf, type WorkspaceView } from '@tandem/shared/api';
import { errorText, useApi } from '../api/client';

type WorkspacePatch = BodyOf<typeof endpoints.updateWorkspace>;

export interface WorkspaceSave {
  busy: boolean;
  /** What the last save did, in a sentence; cleared by the next edit. */
  saved: string | undefined;
  error: string | undefined;
  save(body: WorkspacePatch, savedText: string): Promise<boolean>;
  /** Forgets the last save's message (the form was edited again). */
  clear(): void;
}

/** Saves a change of the workspace, says whether it worked, and reloads the workspace for the rest of the editor. */
export function useWorkspaceSave(workspace: WorkspaceView, onChanged: () => void): WorkspaceSave {
  const api = useApi();
  const [state, setState] = useState<{ busy: boolean; saved?: string; error?: string }>({ busy: false });
  return {
    busy: state.busy,
    saved: state.saved,
    error: state.error,
    async save(body, savedText) {
      setState({ busy: true });
      try {
        await api(endpoints.updateWorkspace, { params: { workspaceId: workspace.id }, body });
        setState({ busy: false, saved: savedText });
        onChanged();
        return true;
      } catch (e) {
        setState({ busy: false, error: errorText(e) });
        return false;
      }
    },
    clear() {
      if (state.saved || state.error) setState({ busy: false });
    },
  };
}

/** The line under a form's Save button: saving, saved, or why not. */
export function SaveFeedback({ save, testId }: { save: WorkspaceSave; testId: string }) {
  if (save.error)
    return (
      <p className="tn-errors" role="alert" data-testid={`${testId}-error`}>
        Not saved: {save.error}
      </p>
    );
  if (save.saved)
    return (
      <p className="tn-ok" role="status" data-testid={`${testId}-saved`}>
        {save.saved}
      </p>
    );
  return null;
}
