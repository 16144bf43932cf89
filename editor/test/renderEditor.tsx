import { render } from '@testing-library/react';
import { EditorApp } from '../src/app/EditorApp';
import { createFlowStore, type FlowStore } from '../src/store/flowStore';
import { createValidationStore, type ValidationStore } from '../src/validation/validationStore';

/** Renders the whole editor on a store loaded with `doc`, with plain text boxes instead of Monaco. */
export function renderEditor(doc?: unknown): { flow: FlowStore; validation: ValidationStore; container: HTMLElement } {
  const flow = createFlowStore();
  if (doc !== undefined) {
    const loaded = flow.getState().load(doc);
    if (!loaded.ok) throw new Error(loaded.errors.join('; '));
  }
  const validation = createValidationStore();
  const { container } = render(
    <div style={{ width: 1400, height: 900 }}>
      <EditorApp flow={flow} validation={validation} env={{ codeEditor: 'plain' }} />
    </div>,
  );
  return { flow, validation, container };
}
