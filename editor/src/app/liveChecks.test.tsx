import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import abandoned from '../../../engine/examples/abandoned-cart.json';
import { smallFlow } from '../../test/fixtures';
import { renderEditor } from '../../test/renderEditor';

const publish = () => screen.getByRole('button', { name: /Publish/ }) as HTMLButtonElement;
const summary = () => screen.getByTestId('check-summary').textContent;

/** The editor re-runs its checks 250 ms after the last content change (EditorApp → startValidation). */
const CHECK_DELAY_MS = 250;

/** Lets the (fake) clock run past the checks' debounce, and React render what they found. */
async function checksRun(): Promise<void> {
  await act(() => vi.advanceTimersByTimeAsync(CHECK_DELAY_MS));
}

describe('live checks', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('enables Publish for an example flow that passes every check', () => {
    renderEditor(abandoned);
    // The first check runs as the editor opens, without waiting.
    expect(summary()).toMatch(/^No errors/);
    expect(publish().disabled).toBe(false);
  });

  it('badges nodes, lists problems and disables Publish while errors remain', async () => {
    const { flow, container } = renderEditor(smallFlow());
    expect(summary()).toMatch(/^No errors/);
    // The question waits forever with no timeout edge? It has a timeout; "thanks" leaves nothing connected: fine.
    act(() => flow.getState().connect({ source: 'thanks', sourceHandle: 'next', target: 'ask' }));
    act(() =>
      flow.getState().updateNodeData('ask', {
        prompt: {
          kind: 'buttons',
          body: 'Coffee?',
          buttons: [
            { id: 'yes', title: 'Yes' },
            { id: 'no', title: 'No' },
            { id: 'maybe', title: 'Maybe' },
          ],
        },
        saveTo: null,
      }),
    );
    expect(summary()).toBe('Checking…');
    await checksRun();
    // "maybe" is a required output with no connection.
    const problem = container.querySelector('[data-problem="unconnected-port"]') as HTMLButtonElement;
    expect(problem).toBeTruthy();
    expect(problem.textContent).toContain('ask');
    expect(container.querySelector('.react-flow__node[data-id="ask"] [data-badge="errors"]')?.textContent).toBe('1');
    expect(publish().disabled).toBe(true);
    // Clicking the problem selects the step and opens its settings.
    fireEvent.click(problem);
    expect(flow.getState().selection.nodes).toEqual(new Set(['ask']));
    expect(screen.getByRole('region', { name: 'Ask a question settings' })).toBeTruthy();
    // Fixing it clears the error.
    act(() => void flow.getState().connect({ source: 'ask', sourceHandle: 'maybe', target: 'done' }));
    await checksRun();
    expect(container.querySelector('.react-flow__node[data-id="ask"] [data-badge="errors"]')).toBeNull();
    expect(publish().disabled).toBe(false);
  });

  it('shows the 24-hour window proof on each free-form send', async () => {
    const { flow, container } = renderEditor(smallFlow());
    expect(container.querySelector('.react-flow__node[data-id="thanks"] [data-window]')?.getAttribute('data-window')).toBe('safe');
    // After a 2-day wait the message may go out after the window closed.
    act(() => {
      const s = flow.getState();
      const w = s.addNode('wait', { x: 450, y: -100 });
      s.updateNodeData(w, { mode: 'duration', duration: { amount: 2, unit: 'days' } });
      s.connect({ source: 'ask', sourceHandle: 'yes', target: w });
      s.connect({ source: w, sourceHandle: 'next', target: 'thanks' });
    });
    await checksRun();
    expect(container.querySelector('.react-flow__node[data-id="thanks"] [data-window]')?.getAttribute('data-window')).toBe('unsafe');
    expect(container.querySelector('[data-problem="window-closed-send"]')).toBeTruthy();
  });

  it('does not re-run the checks while nodes are dragged', async () => {
    const { flow, validation } = renderEditor(smallFlow());
    const result = validation.getState().result;
    expect(result).toBeDefined();
    act(() => {
      flow.getState().beginDrag();
      for (let i = 0; i < 20; i++) flow.getState().moveElements([{ id: 'ask', position: { x: 300 + i, y: 0 } }], { dragging: true });
    });
    // Well past the delay after which an edit would have been checked again.
    await act(() => vi.advanceTimersByTimeAsync(CHECK_DELAY_MS * 4));
    expect(validation.getState().result).toBe(result);
    expect(summary()).toMatch(/^No errors/);
  });
});
