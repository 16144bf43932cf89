import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import abandoned from '../../../engine/examples/abandoned-cart.json';
import { workspaceData } from '../../test/workspaceFixtures';
import { EditorApp } from '../app/EditorApp';
import { createFlowStore } from '../store/flowStore';
import { createValidationStore } from './validationStore';

/**
 * The brief's journey as a new user first draws it: the cart reminder (a template with "Complete
 * my order" and "Stop promotions") followed by a question with its own buttons, and "Window closed"
 * connected to the end. Contacts who never wrote are never asked.
 */
function askingJourney() {
  const doc = structuredClone(abandoned) as unknown as {
    nodes: { id: string; data: Record<string, unknown> }[];
    edges: { id: string; source: string; sourceHandle: string; target: string }[];
  };
  const reminder = doc.nodes.find((n) => n.id === 'reminder')!;
  reminder.data = {
    ...reminder.data,
    buttons: [
      { index: 0, type: 'quick_reply', value: 'complete' },
      { index: 1, type: 'quick_reply', value: 'stop' },
    ],
    optOutButton: 1,
  };
  const reply = doc.nodes.find((n) => n.id === 'reply')!;
  reply.data = {
    ...reply.data,
    prompt: {
      kind: 'buttons',
      body: 'Shall we finish your order?',
      buttons: [
        { id: 'complete', title: 'Complete my order' },
        { id: 'question', title: 'I have a question' },
      ],
    },
  };
  doc.edges.push({ id: 'e_closed', source: 'reply', sourceHandle: 'window_closed', target: 'no_reply' });
  return doc;
}

describe('the one-click fix in the Problems panel', () => {
  it("turns the question into one listening to the template's buttons, says what changed, and can be undone", () => {
    const flow = createFlowStore();
    flow.getState().load(askingJourney());
    render(
      <div style={{ width: 1400, height: 900 }}>
        <EditorApp flow={flow} validation={createValidationStore()} env={{ codeEditor: 'plain' }} workspace={workspaceData()} />
      </div>,
    );
    act(() => fireEvent.click(screen.getByTestId('problems-toggle')));
    expect(document.querySelector('[data-problem="reply-buttons-ignored"]')?.textContent).toContain(
      'most contacts leave by "Window closed" without being asked',
    );
    const before = flow.getState().doc;

    act(() => fireEvent.click(screen.getByRole('button', { name: "Listen to the template's buttons" })));
    const reply = flow.getState().doc.nodes.find((n) => n.id === 'reply')!;
    expect(reply.data).toMatchObject({ prompt: { kind: 'none' }, answerType: 'choice', choices: [{ id: 'complete', label: 'Complete my order' }] });
    // The outputs the question no longer has lose their connections; "Complete my order" keeps its own.
    const fromReply = flow
      .getState()
      .doc.edges.filter((e) => e.source === 'reply')
      .map((e) => `${e.sourceHandle}→${e.target}`);
    expect(fromReply.sort()).toEqual(['complete→checkout_link', 'invalid→to_sales', 'timeout→no_reply']);
    const status = screen.getByTestId('fix-applied').textContent;
    expect(status).toContain('it waits for a tap on "Complete my order"');
    expect(status).toContain('The "I have a question" output goes away, with its connection.');
    expect(status).toContain('The "Window closed" output goes away, with its connection.');

    act(() => fireEvent.click(within(screen.getByTestId('fix-applied')).getByRole('button', { name: "Undo: Listen to the template's buttons" })));
    expect(flow.getState().doc).toEqual(before);
    expect(screen.queryByTestId('fix-applied')).toBeNull();
  });
});
