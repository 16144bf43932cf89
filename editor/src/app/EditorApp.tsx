import { useEffect, useRef, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import type { DraftTarget } from '../api/client';
import { AnalyticsPanel } from '../analytics/AnalyticsPanel';
import { FlowCanvas } from '../canvas/FlowCanvas';
import { OverlayStoreContext, createOverlayStore, type OverlayStore } from '../canvas/overlayStore';
import { Palette } from '../canvas/Palette';
import { useShortcuts } from '../canvas/useShortcuts';
import { EditorEnvContext, useEditorEnv, type EditorEnv } from '../form/editorEnv';
import { Inspector } from '../form/Inspector';
import { SimulatorPanel } from '../simulator/SimulatorPanel';
import { startAutosave } from '../store/autosave';
import type { FlowStore } from '../store/flowStore';
import { FlowStoreContext, useFlow, useFlowStore } from '../store/useFlow';
import { startServerValidation, startValidation, type ServerCheck, type ValidationStore } from '../validation/validationStore';
import { ValidationStoreContext } from '../validation/useValidation';
import { WorkspaceDataContext, useWorkspaceData, type WorkspaceData } from '../workspace/workspaceData';
import { JsonView } from './JsonView';
import { ProblemsPanel } from './ProblemsPanel';
import { PublishDialog } from './PublishDialog';
import { Toolbar, type SideMode } from './Toolbar';
import { VersionBar } from './VersionBar';
import { VersionsPanel } from './VersionsPanel';

export interface EditorAppProps {
  flow: FlowStore;
  validation: ValidationStore;
  /** Where the draft is saved a moment after each change; none: not saved. */
  autosave?: DraftTarget;
  env?: EditorEnv;
  /** The workspace the flow lives in (server mode: pickers, publish, versions, simulator, analytics). */
  workspace?: WorkspaceData;
  /** The server's checks of the document against the workspace, added to the local ones. */
  serverCheck?: ServerCheck;
  overlay?: OverlayStore;
  /** Rendered inside the providers (the load benchmark's probe). */
  children?: React.ReactNode;
}

/** The whole editor for one flow: toolbar, palette, canvas, side panel (settings, versions, simulator, analytics) and problems. */
export function EditorApp({ flow, validation, autosave, env = { codeEditor: 'monaco' }, workspace, serverCheck, overlay, children }: EditorAppProps) {
  const [overlayStore] = useState(() => overlay ?? createOverlayStore());
  const attributes = workspace?.workspace.settings.attributes;
  const templates = workspace?.templates;
  useEffect(
    () => startValidation(flow, validation, 250, { ...(Array.isArray(attributes) ? { attributes } : {}), ...(templates ? { templates } : {}) }),
    [flow, validation, attributes, templates],
  );
  useEffect(() => (autosave && !env.readOnly ? startAutosave(flow, autosave) : undefined), [flow, autosave, env.readOnly]);
  useEffect(() => (serverCheck ? startServerValidation(flow, validation, serverCheck) : undefined), [flow, validation, serverCheck]);
  return (
    <EditorEnvContext.Provider value={env}>
      <WorkspaceDataContext.Provider value={workspace ?? null}>
        <FlowStoreContext.Provider value={flow}>
          <ValidationStoreContext.Provider value={validation}>
            <OverlayStoreContext.Provider value={overlayStore}>
              <ReactFlowProvider>
                <Shell />
                {children}
              </ReactFlowProvider>
            </OverlayStoreContext.Provider>
          </ValidationStoreContext.Provider>
        </FlowStoreContext.Provider>
      </WorkspaceDataContext.Provider>
    </EditorEnvContext.Provider>
  );
}

function Shell() {
  const store = useFlowStore();
  const readOnly = useEditorEnv().readOnly === true;
  const workspace = useWorkspaceData();
  useShortcuts(store, readOnly);
  const [json, setJson] = useState(false);
  const [side, setSide] = useState<SideMode>('inspector');
  const [publishing, setPublishing] = useState(false);
  const [message, setMessage] = useState<string>();
  // A newly selected step's settings start at the top, not where the previous panel was scrolled.
  const side$ = useRef<HTMLElement>(null);
  const selected = useFlow((s) => [...s.selection.nodes, ...s.selection.notes].join(','));
  // biome-ignore lint/correctness/useExhaustiveDependencies: the scroll is reset when the selection or the panel changes, which the effect does not read
  useEffect(() => {
    side$.current?.scrollTo?.({ top: 0 });
  }, [selected, side]);
  useEffect(() => {
    if (!message) return;
    const t = setTimeout(() => setMessage(undefined), 5_000);
    return () => clearTimeout(t);
  }, [message]);
  return (
    <div className={`tn-app${readOnly ? ' tn-readonly' : ''}`}>
      <Toolbar
        onToggleJson={() => setJson((v) => !v)}
        onMessage={setMessage}
        side={side}
        {...(workspace ? { onSide: setSide, onPublish: () => setPublishing(true) } : {})}
      />
      {readOnly && workspace?.viewing ? <VersionBar viewing={workspace.viewing} onMessage={setMessage} /> : <Palette />}
      <main className="tn-main">
        <FlowCanvas
          onOpenSettings={() => {
            // Flow settings are what the settings column shows when nothing is selected.
            store.getState().select({ nodes: new Set(), edges: new Set(), notes: new Set() });
            setSide('inspector');
          }}
        />
        {json && !readOnly && <JsonView onClose={() => setJson(false)} />}
        {publishing && <PublishDialog onClose={() => setPublishing(false)} onMessage={setMessage} />}
        {message && (
          <div className="tn-toast" role="status">
            {message}
          </div>
        )}
      </main>
      {/* "nokey": typing in the side panel (Monaco included) is never a canvas shortcut such as Space-to-pan. */}
      <aside ref={side$} className="tn-inspector nokey" data-side={side}>
        {side === 'inspector' && <Inspector />}
        {side === 'history' && <VersionsPanel onMessage={setMessage} />}
        {side === 'simulator' && <SimulatorPanel />}
        {side === 'analytics' && <AnalyticsPanel />}
      </aside>
      <ProblemsPanel />
    </div>
  );
}
