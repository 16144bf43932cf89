import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { smallFlow } from '../../test/fixtures';
import { renderEditor } from '../../test/renderEditor';

function openJson() {
  fireEvent.click(screen.getByRole('button', { name: /JSON/ }));
  return screen.getByRole('textbox', { name: 'Flow JSON' }) as HTMLTextAreaElement;
}

describe('raw JSON view', () => {
  it('shows the document and applies an edit as one undo step', () => {
    const { flow } = renderEditor(smallFlow());
    const text = openJson();
    const doc = JSON.parse(text.value);
    expect(doc.nodes).toHaveLength(4);
    doc.name = 'Renamed in JSON';
    fireEvent.change(text, { target: { value: JSON.stringify(doc) } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(flow.getState().doc.name).toBe('Renamed in JSON');
    flow.getState().undo();
    expect(flow.getState().doc.name).toBe('Small');
  });

  it('never replaces the document with invalid JSON or an invalid flow', () => {
    const { flow } = renderEditor(smallFlow());
    const before = flow.getState().doc;
    const text = openJson();
    fireEvent.change(text, { target: { value: '{ "nodes": [' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByRole('alert').textContent).toMatch(/Not valid JSON/);
    fireEvent.change(text, { target: { value: JSON.stringify({ ...before, name: '' }) } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByRole('alert').textContent).toMatch(/name/);
    expect(flow.getState().doc).toBe(before);
  });
});
