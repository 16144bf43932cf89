import { useEffect, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import type { DraftTarget } from '../api/client';
import { FlowCanvas } from '../canvas/FlowCanvas';
import { Palette } from '../canvas/Palette';
import { useShortcuts } from '../canvas/useShortcuts';
import { EditorEnvContext, type EditorEnv } from '../form/editorEnv';
import { Inspector } from '../form/Inspector';
import { startAutosave } from '../store/autosave';
import type { FlowStore } from '../store/flowStore';
import { FlowStoreContext, useFlowStore } from '../store/useFlow';
import { startValidation, type ValidationStore } from '../validation/validationStore';
import { ValidationStoreContext } from '../validation/useValidation';
import { JsonView } from './JsonView';
import { ProblemsPanel } from './ProblemsPanel';
import { Toolbar } from './Toolbar';

export interface EditorAppProps {
  flow: FlowStore;
  validation: ValidationStore;
  /** Where the draft is saved a moment after each change; none: not saved. */
  autosave?: DraftTarget;
  env?: EditorEnv;
  /** Rendered inside the providers (the load benchmark's probe). */
  children?: React.ReactNode;
}

/** The whole editor for one flow: toolbar, palette, canvas, settings panel and problems. */
export function EditorApp({ flow, validation, autosave, env = { codeEditor: 'monaco' }, children }: EditorAppProps) {
  useEffect(() => startValidation(flow, validation), [flow, validation]);
  useEffect(() => (autosave ? startAutosave(flow, autosave) : undefined), [flow, autosave]);
  return (
    <EditorEnvContext.Provider value={env}>
      <FlowStoreContext.Provider value={flow}>
        <ValidationStoreContext.Provider value={validation}>
          <ReactFlowProvider>
            <Shell />
            {children}
          </ReactFlowProvider>
        </ValidationStoreContext.Provider>
      </FlowStoreContext.Provider>
    </EditorEnvContext.Provider>
  );
}

function Shell() {
  const store = useFlowStore();
  useShortcuts(store);
  const [json, setJson] = useState(false);
  const [message, setMessage] = useState<string>();
  useEffect(() => {
    if (!message) return;
    const t = setTimeout(() => setMessage(undefined), 5_000);
    return () => clearTimeout(t);
  }, [message]);
  return (
    <div className="tn-app">
      <Toolbar onToggleJson={() => setJson((v) => !v)} onMessage={setMessage} />
      <Palette />
      <main className="tn-main">
        <FlowCanvas />
        {json && <JsonView onClose={() => setJson(false)} />}
        {message && (
          <div className="tn-toast" role="status">
            {message}
          </div>
        )}
      </main>
      <Inspector />
      <ProblemsPanel />
    </div>
  );
}
