import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { localDraft } from './api/client';
import { createSession } from './api/session';
import { BenchProbe } from './app/benchProbe';
import { EditorApp } from './app/EditorApp';
import { initialDocument } from './app/initialDocument';
import { App } from './shell/App';
import { createFlowStore } from './store/flowStore';
import { createValidationStore } from './validation/validationStore';

/**
 * The app (log in, workspaces, flows, simulator, analytics, inbox), or with `?bench=N`,
 * `?example=name` or `?playground` the editor alone on a local draft (no server needed).
 */
async function boot() {
  const params = new URLSearchParams(location.search);
  const root = createRoot(document.getElementById('root')!);
  if (!params.has('bench') && !params.has('example') && !params.has('playground')) {
    root.render(
      <StrictMode>
        <App session={createSession()} />
      </StrictMode>,
    );
    return;
  }
  const bench = params.has('bench');
  const flow = createFlowStore();
  const loaded = flow.getState().load(await initialDocument(params));
  if (!loaded.ok) console.warn('Could not open the saved flow:', loaded.errors);
  const validation = createValidationStore();
  root.render(
    <StrictMode>
      <EditorApp flow={flow} validation={validation} {...(bench ? {} : { autosave: localDraft.target })}>
        {bench && <BenchProbe />}
      </EditorApp>
    </StrictMode>,
  );
}

void boot();
