import { describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, waitFor } from '@testing-library/react';
import { definitions } from '@tandem/nodes';
import { smallFlow } from '../../test/fixtures';
import { renderEditor } from '../../test/renderEditor';
import { PALETTE_MIME } from './Palette';

/** A drop event carrying a palette item, as the browser delivers it. */
function dropPaletteItem(target: Element, type: string, at: { x: number; y: number }) {
  const data = new Map([[PALETTE_MIME, type]]);
  const dataTransfer = {
    types: [...data.keys()],
    getData: (k: string) => data.get(k) ?? '',
    setData: (k: string, v: string) => data.set(k, v),
    dropEffect: 'none',
  };
  fireEvent.dragOver(target, { dataTransfer, clientX: at.x, clientY: at.y });
  fireEvent.drop(target, { dataTransfer, clientX: at.x, clientY: at.y });
}

describe('canvas', () => {
  it('dropping a palette item adds a node with its definition defaults', async () => {
    const { flow, container } = renderEditor(smallFlow());
    const item = container.querySelector('[data-palette="http-request"]')!;
    expect(item.getAttribute('draggable')).toBe('true');
    dropPaletteItem(container.querySelector('[data-testid="canvas"]')!, 'http-request', { x: 400, y: 300 });
    const added = flow.getState().doc.nodes.at(-1)!;
    expect(added).toMatchObject({ type: 'http-request', version: definitions['http-request'].version, data: definitions['http-request'].defaults });
    expect(added.id).toBe('http_request_1');
    // Snapped to the 16 px grid.
    expect(added.position.x % 16).toBe(0);
    expect(added.position.y % 16).toBe(0);
    // Drawn on the canvas.
    await waitFor(() => expect(container.querySelector('.react-flow__node[data-id="http_request_1"]')).toBeTruthy());
    // The new node is selected, so its settings open.
    expect(container.querySelector('[aria-label="HTTP request settings"]')).toBeTruthy();
  });

  it('draws one labelled output handle per port, and no input on triggers', () => {
    const { container } = renderEditor(smallFlow());
    const ask = container.querySelector('.react-flow__node[data-id="ask"]')!;
    const ports = [...ask.querySelectorAll('.react-flow__handle.source')].map((h) => h.getAttribute('data-handleid'));
    expect(ports).toEqual(['yes', 'no', 'invalid', 'timeout', 'window_closed', 'error']);
    expect(ask.querySelector('[data-port="yes"]')?.textContent).toBe('Yes');
    expect(ask.querySelectorAll('.react-flow__handle.target')).toHaveLength(1);
    const start = container.querySelector('.react-flow__node[data-id="start"]')!;
    expect(start.querySelectorAll('.react-flow__handle.target')).toHaveLength(0);
  });

  it('connecting an output port to a step creates the edge from that port', () => {
    const { flow, container } = renderEditor(smallFlow());
    const handle = (node: string, selector: string) => container.querySelector(`.react-flow__node[data-id="${node}"] ${selector}`)!;
    act(() => void fireEvent.click(handle('ask', '.react-flow__handle[data-handleid="timeout"]')));
    act(() => void fireEvent.click(handle('done', '.react-flow__handle.target')));
    expect(flow.getState().doc.edges.at(-1)).toMatchObject({ source: 'ask', sourceHandle: 'timeout', target: 'done' });
  });

  it('refuses a connection into a trigger', () => {
    const { flow, container } = renderEditor({
      ...smallFlow(),
      nodes: [...smallFlow().nodes, { id: 'api', type: 'trigger-api', position: { x: 0, y: 400 }, data: {} }],
    });
    const before = flow.getState().doc.edges.length;
    act(() => void fireEvent.click(container.querySelector('.react-flow__node[data-id="thanks"] .react-flow__handle[data-handleid="next"]')!));
    // A trigger has no input handle to finish on; the store refuses it too.
    expect(container.querySelector('.react-flow__node[data-id="api"] .react-flow__handle.target')).toBeNull();
    expect(flow.getState().connect({ source: 'thanks', sourceHandle: 'next', target: 'api' }).ok).toBe(false);
    expect(flow.getState().doc.edges).toHaveLength(before);
  });

  it('handles keyboard shortcuts: select all, delete, undo, redo, duplicate', () => {
    const { flow } = renderEditor(smallFlow());
    fireEvent.keyDown(window, { key: 'a', ctrlKey: true });
    expect(flow.getState().selection.nodes.size).toBe(4);
    fireEvent.keyDown(window, { key: 'Delete' });
    expect(flow.getState().doc.nodes).toHaveLength(0);
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    expect(flow.getState().doc.nodes).toHaveLength(4);
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true, shiftKey: true });
    expect(flow.getState().doc.nodes).toHaveLength(0);
    fireEvent.keyDown(window, { key: 'y', ctrlKey: true });
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    act(() => flow.getState().select({ nodes: new Set(['done']) }));
    fireEvent.keyDown(window, { key: 'd', ctrlKey: true });
    expect(flow.getState().doc.nodes.map((n) => n.type)).toEqual(['trigger-message', 'bot-question', 'send-message', 'end', 'end']);
  });

  it('copies and pastes through clipboard events', () => {
    const { flow } = renderEditor(smallFlow());
    act(() => flow.getState().select({ nodes: new Set(['thanks']) }));
    let copied = '';
    const copy = new Event('copy', { bubbles: true }) as ClipboardEvent;
    Object.defineProperty(copy, 'clipboardData', { value: { setData: (_t: string, v: string) => (copied = v), getData: () => '' } });
    act(() => void document.body.dispatchEvent(copy));
    expect(JSON.parse(copied)).toMatchObject({ tandem: 'clipboard', nodes: [{ id: 'thanks' }] });
    const paste = new Event('paste', { bubbles: true }) as ClipboardEvent;
    Object.defineProperty(paste, 'clipboardData', { value: { getData: () => copied } });
    act(() => void document.body.dispatchEvent(paste));
    expect(flow.getState().doc.nodes.map((n) => n.id)).toEqual(['start', 'ask', 'thanks', 'done', 'send_message_1']);
  });

  it('pastes into another flow from the localStorage copy when the clipboard is empty', () => {
    const first = renderEditor(smallFlow());
    act(() => first.flow.getState().select({ nodes: new Set(['ask', 'thanks']) }));
    const copy = new Event('copy', { bubbles: true }) as ClipboardEvent;
    Object.defineProperty(copy, 'clipboardData', { value: { setData: () => undefined } });
    act(() => void document.body.dispatchEvent(copy));
    cleanup();
    const second = renderEditor({ schemaVersion: 1, name: 'Other', nodes: [], edges: [] });
    const paste = new Event('paste', { bubbles: true }) as ClipboardEvent;
    Object.defineProperty(paste, 'clipboardData', { value: { getData: () => '' } });
    act(() => void document.body.dispatchEvent(paste));
    expect(second.flow.getState().doc.nodes.map((n) => n.type)).toEqual(['bot-question', 'send-message']);
    expect(second.flow.getState().doc.edges).toHaveLength(1);
  });

  it('groups the palette by category', () => {
    const { container } = renderEditor(smallFlow());
    const groups = [...container.querySelectorAll('.tn-palette section')].map((s) => [
      s.querySelector('h3')!.textContent,
      s.querySelectorAll('[data-palette]').length,
    ]);
    expect(groups).toEqual([
      ['Triggers', 4],
      ['Messages', 4],
      ['Logic', 6],
      ['Human', 1],
      ['Flow', 3],
    ]);
  });

  it('ignores shortcuts while typing in a field', () => {
    const { flow, container } = renderEditor(smallFlow());
    act(() => flow.getState().select({ nodes: new Set(['thanks']) }));
    const field = container.querySelector('[data-path="message.text"]')!;
    fireEvent.keyDown(field, { key: 'Backspace' });
    expect(flow.getState().doc.nodes).toHaveLength(4);
  });

  it('renders sticky notes as non-connectable nodes with editable text', () => {
    const { flow, container } = renderEditor(smallFlow());
    const note = container.querySelector('.react-flow__node[data-id="note:n1"]')!;
    expect(note.querySelectorAll('.react-flow__handle')).toHaveLength(0);
    fireEvent.change(note.querySelector('textarea')!, { target: { value: 'Remember the coupon' } });
    expect(flow.getState().doc.notes[0]?.text).toBe('Remember the coupon');
  });
});
