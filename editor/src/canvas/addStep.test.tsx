import { describe, expect, it } from 'vitest';
import { act, fireEvent, waitFor } from '@testing-library/react';
import { smallFlow } from '../../test/fixtures';
import { renderEditor } from '../../test/renderEditor';
import { definitionOf, type NodeType } from '@tandem/nodes';
import { loadDocument } from '../store/loadDocument';
import { createElementDeriver } from './toFlowElements';

const key = (k: string, init: KeyboardEventInit = {}) => act(() => void fireEvent.keyDown(document.body, { key: k, ...init }));
const picker = () => document.querySelector('[data-testid="step-picker"]');
const edges = (flow: ReturnType<typeof renderEditor>['flow']) => flow.getState().doc.edges.map((e) => `${e.source}.${e.sourceHandle}→${e.target}`);

describe('adding the next step', () => {
  it('"+" on an output opens the step picker for it; Enter adds the first match there, connected and selected', async () => {
    const { flow, container } = renderEditor(smallFlow());
    act(() => void fireEvent.click(container.querySelector('.react-flow__node[data-id="ask"] [data-add-after="timeout"]')!));
    expect(picker()?.textContent).toContain('Add a step after “No reply” of Ask a question');
    fireEvent.change(picker()!.querySelector('input')!, { target: { value: 'end' } });
    expect(picker()!.querySelector('[aria-selected="true"]')?.textContent).toMatch(/^End/);
    act(() => void fireEvent.keyDown(picker()!.querySelector('input')!, { key: 'Enter' }));
    expect(picker()).toBeNull();
    const added = flow.getState().doc.nodes.at(-1)!;
    expect(edges(flow)).toContain(`ask.timeout→${added.id}`);
    expect(added.position.x).toBeGreaterThan(300 + 260);
    expect([...flow.getState().selection.nodes]).toEqual([added.id]);
    await waitFor(() => expect(container.querySelector(`.react-flow__node[data-id="${added.id}"]`)).toBeTruthy());
  });

  it('offers no triggers after a step, and moves through the list with the arrow keys', () => {
    const { container } = renderEditor(smallFlow());
    act(() => void fireEvent.click(container.querySelector('.react-flow__node[data-id="thanks"] [data-add-after="next"]')!));
    const options = () => [...picker()!.querySelectorAll('[role="option"]')];
    expect(picker()!.textContent).not.toContain('Triggers');
    const input = picker()!.querySelector('input')!;
    expect(options()[0]!.getAttribute('aria-selected')).toBe('true');
    act(() => void fireEvent.keyDown(input, { key: 'ArrowDown' }));
    expect(options()[1]!.getAttribute('aria-selected')).toBe('true');
    act(() => void fireEvent.keyDown(input, { key: 'ArrowUp' }));
    act(() => void fireEvent.keyDown(input, { key: 'ArrowUp' }));
    expect(options().at(-1)!.getAttribute('aria-selected')).toBe('true');
  });

  it('Tab on a selected step opens the picker for its first free output; Escape closes it and adds nothing', () => {
    const { flow } = renderEditor(smallFlow());
    act(() => flow.getState().select({ nodes: new Set(['ask']) }));
    key('Tab');
    expect(picker()?.textContent).toContain('“Invalid”');
    act(() => void fireEvent.keyDown(picker()!.querySelector('input')!, { key: 'Escape' }));
    expect(picker()).toBeNull();
    expect(flow.getState().doc.nodes).toHaveLength(4);
  });

  it('Tab on a step whose outputs are all used inserts the new step after its first output', () => {
    const { flow } = renderEditor(smallFlow());
    act(() => flow.getState().select({ nodes: new Set(['start']) }));
    key('Tab');
    fireEvent.change(picker()!.querySelector('input')!, { target: { value: 'wait' } });
    act(() => void fireEvent.keyDown(picker()!.querySelector('input')!, { key: 'Enter' }));
    const added = flow.getState().doc.nodes.at(-1)!.id;
    expect(edges(flow)).toEqual(expect.arrayContaining([`start.next→${added}`, `${added}.next→ask`]));
  });
});

describe('an empty flow', () => {
  it('offers to add its trigger first; the picker lists the triggers at the top', () => {
    const { flow, container } = renderEditor({ schemaVersion: 1, name: 'New', nodes: [], edges: [] });
    act(() => void fireEvent.click(container.querySelector('[data-testid="add-first-step"]')!));
    expect(picker()?.textContent).toContain('How does the journey start?');
    expect(picker()!.querySelector('h4')?.textContent).toBe('Triggers');
    act(() => void fireEvent.keyDown(picker()!.querySelector('input')!, { key: 'Enter' }));
    const [added] = flow.getState().doc.nodes;
    expect(added && definitionOf(added.type as NodeType).category).toBe('trigger');
    expect(container.querySelector('[data-testid="add-first-step"]')).toBeNull();
  });
});

describe('moving along the connections with the arrow keys', () => {
  it('goes forward, back, and between the branches of a step', () => {
    const { flow } = renderEditor(smallFlow());
    const selected = () => [...flow.getState().selection.nodes];
    act(() => flow.getState().select({ nodes: new Set(['start']) }));
    key('ArrowRight');
    expect(selected()).toEqual(['ask']);
    key('ArrowRight');
    expect(selected()).toEqual(['thanks']);
    key('ArrowDown');
    expect(selected()).toEqual(['done']);
    key('ArrowLeft');
    expect(selected()).toEqual(['ask']);
  });

  it('leaves the arrow keys to a text field', () => {
    const { flow, container } = renderEditor(smallFlow());
    act(() => flow.getState().select({ nodes: new Set(['thanks']) }));
    fireEvent.keyDown(container.querySelector('[data-path="message.text"]')!, { key: 'ArrowLeft' });
    expect([...flow.getState().selection.nodes]).toEqual(['thanks']);
  });
});

describe('finding steps and the shortcuts', () => {
  it('Ctrl+F goes to the search box; Enter selects the next match', () => {
    const { flow } = renderEditor(smallFlow());
    key('f', { ctrlKey: true });
    const search = document.activeElement as HTMLInputElement;
    expect(search.getAttribute('data-testid')).toBe('step-search');
    fireEvent.change(search, { target: { value: 'great' } });
    expect(document.querySelector('[data-testid="step-search-count"]')?.textContent).toBe('1 found');
    act(() => void fireEvent.keyDown(search, { key: 'Enter' }));
    expect([...flow.getState().selection.nodes]).toEqual(['thanks']);
    expect(document.querySelector('[data-testid="step-search-count"]')?.textContent).toBe('1 of 1');
  });

  it('"?" shows and hides the list of shortcuts; Escape closes it', () => {
    renderEditor(smallFlow());
    key('?');
    expect(document.querySelector('[data-testid="shortcuts"]')?.textContent).toContain('Add the next step after the selected one');
    key('?');
    expect(document.querySelector('[data-testid="shortcuts"]')).toBeNull();
    key('?');
    key('Escape');
    expect(document.querySelector('[data-testid="shortcuts"]')).toBeNull();
  });
});

describe('connections', () => {
  it('are labelled with their output when the step has others, but not "Next"', () => {
    const loaded = loadDocument(smallFlow());
    if (!loaded.ok) throw new Error('fixture');
    const drawn = createElementDeriver().edges(loaded.doc, { nodes: new Set(), edges: new Set(), notes: new Set() });
    expect(Object.fromEntries(drawn.map((e) => [e.id, e.label]))).toEqual({ e1: undefined, e2: 'Yes', e3: 'No' });
    expect(drawn.every((e) => e.markerEnd !== undefined)).toBe(true);
  });

  it('a selected connection is deleted with Delete', () => {
    const { flow } = renderEditor(smallFlow());
    act(() => flow.getState().select({ edges: new Set(['e2']) }));
    key('Delete');
    expect(flow.getState().doc.edges.map((e) => e.id)).toEqual(['e1', 'e3']);
  });
});
