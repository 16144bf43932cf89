import { createContext, useContext } from 'react';

/**
 * How code is edited: Monaco in the app, a plain text box where Monaco cannot run (tests, and
 * while Monaco's chunk is loading).
 */
export interface EditorEnv {
  codeEditor: 'monaco' | 'plain';
  /** A published version is shown: nothing can be changed. */
  readOnly?: boolean;
}

export const EditorEnvContext = createContext<EditorEnv>({ codeEditor: 'monaco' });

export function useEditorEnv(): EditorEnv {
  return useContext(EditorEnvContext);
}
