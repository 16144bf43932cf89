import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { EditorEnvContext } from '../src/form/editorEnv';
import { createFlowStore, type FlowStore } from '../src/store/flowStore';
import { FlowStoreContext } from '../src/store/useFlow';
import { createValidationStore, runValidation, type ValidationStore } from '../src/validation/validationStore';
import { ValidationStoreContext } from '../src/validation/useValidation';

/** Renders `ui` with the editor's providers around a store holding `doc` (plain text boxes for code). */
export function renderWithStores(doc: unknown, ui: ReactNode): { flow: FlowStore; validation: ValidationStore; container: HTMLElement } {
  const flow = createFlowStore();
  const loaded = flow.getState().load(doc);
  if (!loaded.ok) throw new Error(loaded.errors.join('; '));
  const validation = createValidationStore();
  runValidation(flow, validation);
  const { container } = render(
    <EditorEnvContext.Provider value={{ codeEditor: 'plain' }}>
      <FlowStoreContext.Provider value={flow}>
        <ValidationStoreContext.Provider value={validation}>{ui}</ValidationStoreContext.Provider>
      </FlowStoreContext.Provider>
    </EditorEnvContext.Provider>,
  );
  return { flow, validation, container };
}

/** A one-node flow of `type` with `data`. */
export function oneNodeFlow(type: string, data: unknown): unknown {
  return { schemaVersion: 1, name: 'Form test', nodes: [{ id: 'n', type, position: { x: 0, y: 0 }, data }], edges: [] };
}
