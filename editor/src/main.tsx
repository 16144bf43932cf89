import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { localDraft } from './api/client';
import { BenchProbe } from './app/benchProbe';
import { EditorApp } from './app/EditorApp';
import { initialDocument } from './app/initialDocument';
import { createFlowStore } from './store/flowStore';
import { createValidationStore } from './validation/validationStore';

async function boot() {
  const params = new URLSearchParams(location.search);
  const bench = params.has('bench');
  const flow = createFlowStore();
  const loaded = flow.getState().load(await initialDocument(params));
  if (!loaded.ok) console.warn('Could not open the saved flow:', loaded.errors);
  const validation = createValidationStore();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <EditorApp flow={flow} validation={validation} {...(bench ? {} : { autosave: localDraft.target })}>
        {bench && <BenchProbe />}
      </EditorApp>
    </StrictMode>,
  );
}

void boot();
