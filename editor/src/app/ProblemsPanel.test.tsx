import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import { smallFlow } from '../../test/fixtures';
import { render } from '@testing-library/react';
import type { Diagnostic } from '@tandem/shared';
import { renderEditor } from '../../test/renderEditor';
import { workspaceData } from '../../test/workspaceFixtures';
import { createFlowStore } from '../store/flowStore';
import { createValidationStore, setServerDiagnostics } from '../validation/validationStore';
import { EditorApp } from './EditorApp';

/** The checks run 250 ms after the last change (EditorApp → startValidation). */
const checksRun = () => act(() => vi.advanceTimersByTimeAsync(250));
const toggle = () => screen.getByTestId('problems-toggle');
const listed = () => document.querySelectorAll('[data-problem]').length;

/** The small flow with its "No" button leading nowhere: one error when it opens. */
function flowWithAnError() {
  const doc = smallFlow();
  return { ...doc, edges: doc.edges.filter((e) => e.id !== 'e3') };
}

describe('the Problems panel', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('is a bar with the counts while collapsed; a click opens and closes the list', () => {
    const { validation } = renderEditor(flowWithAnError());
    const all = validation.getState().diagnostics.length;
    expect(toggle().textContent).toContain('1 error');
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(listed()).toBe(0);
    act(() => void fireEvent.click(toggle()));
    expect(listed()).toBe(all);
    act(() => void fireEvent.click(toggle()));
    expect(listed()).toBe(0);
  });

  it('says "none" and cannot open when there is nothing to list', () => {
    renderEditor(smallFlow());
    expect(toggle().textContent).toContain('none');
    expect((toggle() as HTMLButtonElement).disabled).toBe(true);
  });

  it('opens by itself when a new error appears', async () => {
    const { flow, validation } = renderEditor(smallFlow());
    expect(listed()).toBe(0);
    act(() => {
      flow.getState().select({ edges: new Set(['e3']) });
      flow.getState().deleteSelection();
    });
    await checksRun();
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    expect(validation.getState().errorCount).toBe(1);
    expect(listed()).toBe(validation.getState().diagnostics.length);
  });

  it("stays closed for what the server's first check finds, and opens for an error it finds later", () => {
    const flow = createFlowStore();
    flow.getState().load(smallFlow());
    const validation = createValidationStore();
    render(
      <div style={{ width: 1400, height: 900 }}>
        <EditorApp flow={flow} validation={validation} env={{ codeEditor: 'plain' }} workspace={workspaceData()} />
      </div>,
    );
    const unknown = (nodeId: string): Diagnostic => ({ code: 'unknown-template', severity: 'error', message: `No template for ${nodeId}`, nodeId });
    act(() => validation.setState({ server: { state: 'checking' } }));
    act(() => setServerDiagnostics(validation, [unknown('ask')]));
    expect(toggle().textContent).toContain('1 error');
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    act(() => setServerDiagnostics(validation, [unknown('ask'), unknown('thanks')]));
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
  });
});
