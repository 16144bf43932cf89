import { describe, expect, it } from 'vitest';
import { act, waitFor } from '@testing-library/react';
import { generateFlow } from '../../engine/bench/generateFlow';
import { createElementDeriver } from '../src/canvas/toFlowElements';
import { createFlowStore } from '../src/store/flowStore';
import { renderEditor } from './renderEditor';

function flowOf(size: number) {
  const flow = generateFlow(size);
  const nodes = (flow.nodes as Record<string, unknown>[]).map((n, i) => ({ ...n, position: { x: (i % 25) * 320, y: Math.floor(i / 25) * 220 } }));
  return { ...flow, nodes };
}

// generateFlow builds whole 9-step blocks: 506 asks for 56 of them, 506 nodes.
const SIZE = 506;

describe('a 500-step flow', () => {
  it('renders every step and its checks', async () => {
    const doc = flowOf(SIZE);
    const started = performance.now();
    const { flow, validation, container } = renderEditor(doc);
    const count = flow.getState().doc.nodes.length;
    expect(count).toBeGreaterThanOrEqual(500);
    // Done when every step is drawn and the checks have run.
    await waitFor(() => {
      expect(container.querySelectorAll('.react-flow__node')).toHaveLength(count);
      expect(validation.getState().pending).toBe(false);
    });
    const rendered = performance.now() - started;
    console.info(
      `500-step flow (${count} nodes) rendered with checks in happy-dom: ${Math.round(rendered)} ms; checks ${Math.round(validation.getState().lastRunMs)} ms`,
    );
  }, 60_000); // a budget for slow machines, not a wait: drawing 500 steps in happy-dom takes seconds

  it('a drag frame re-derives only the moved node', () => {
    const store = createFlowStore();
    store.getState().load(flowOf(SIZE));
    const derive = createElementDeriver();
    const state = () => store.getState();
    const before = derive.nodes(state().doc, state().selection, state().sizes);
    act(() => {
      state().beginDrag();
      state().moveElements([{ id: 'q3', position: { x: 5, y: 5 } }], { dragging: true });
    });
    const after = derive.nodes(state().doc, state().selection, state().sizes);
    const changed = after.filter((n, i) => n !== before[i]).map((n) => n.id);
    expect(changed).toEqual(['q3']);
    const edgesBefore = derive.edges(state().doc, state().selection);
    expect(derive.edges(state().doc, state().selection).every((e, i) => e === edgesBefore[i])).toBe(true);
  });
});
