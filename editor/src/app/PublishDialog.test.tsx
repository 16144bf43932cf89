import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiCallError, endpoints, type ApiClient, type RouteDef } from '@tandem/shared/api';
import { smallFlow } from '../../test/fixtures';
import { workspaceData } from '../../test/workspaceFixtures';
import { ApiContext } from '../api/client';
import { createFlowStore } from '../store/flowStore';
import { createValidationStore } from '../validation/validationStore';
import { EditorApp } from './EditorApp';

/** An API that answers saveDraft and publishFlow as given and records the calls. */
function fakeApi(publish: () => unknown) {
  const calls: { path: string; body: unknown }[] = [];
  const api = (async (route: RouteDef, input: { body?: unknown } = {}) => {
    calls.push({ path: route.path, body: input.body });
    if (route === endpoints.saveDraft) return { id: 'fl_1', name: 'Small', liveVersion: null, versionCount: 0, updatedAt: '', createdAt: '' };
    if (route === endpoints.publishFlow) return publish();
    throw new Error(`unexpected call ${route.path}`);
  }) as unknown as ApiClient;
  return { api, calls };
}

function renderServerEditor(publish: () => unknown) {
  const flow = createFlowStore();
  flow.getState().load(smallFlow());
  const refresh = vi.fn();
  const { api, calls } = fakeApi(publish);
  const { container } = render(
    <ApiContext.Provider value={api}>
      <div style={{ width: 1400, height: 900 }}>
        <EditorApp flow={flow} validation={createValidationStore()} env={{ codeEditor: 'plain' }} workspace={workspaceData({ refresh })} />
      </div>
    </ApiContext.Provider>,
  );
  // The first checks ran as it opened: nothing blocks Publish.
  expect((screen.getByRole('button', { name: /Publish/ }) as HTMLButtonElement).disabled).toBe(false);
  return { flow, container, calls, refresh };
}

async function publishWithNote(note: string) {
  fireEvent.click(screen.getByRole('button', { name: /Publish/ }));
  fireEvent.change(screen.getByTestId('publish-note'), { target: { value: note } });
  await act(async () => {
    fireEvent.click(screen.getByTestId('publish-confirm'));
  });
}

describe('publishing', () => {
  it('saves the canvas as the draft, then publishes it with the note', async () => {
    const { flow, calls, refresh } = renderServerEditor(() => ({ id: 9, version: 3, note: 'Shorter text', createdAt: '', live: true, diagnostics: [] }));
    await publishWithNote('Shorter text');
    // Done when the dialog closes with its message.
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Published version 3: Shorter text'));
    expect(calls.map((c) => c.path)).toEqual(['/api/workspaces/{workspaceId}/flows/{flowId}/draft', '/api/workspaces/{workspaceId}/flows/{flowId}/publish']);
    expect(calls[0]!.body).toEqual({ document: flow.getState().doc });
    expect(calls[1]!.body).toEqual({ note: 'Shorter text' });
    expect(refresh).toHaveBeenCalled();
    expect(screen.queryByTestId('publish-dialog')).toBeNull();
  });

  it('shows the problems the server refused it for on their steps and in the Problems panel', async () => {
    const { container } = renderServerEditor(() => {
      throw new ApiCallError(422, {
        error: {
          code: 'not_publishable',
          message: 'The flow has 1 error',
          issues: [{ path: ['nodes', 'thanks', 'message'], message: 'Template "gone" does not exist in this workspace.', code: 'unknown-template' }],
        },
      });
    });
    await publishWithNote('');
    await waitFor(() => expect(screen.getByTestId('publish-dialog').textContent).toContain('Template "gone" does not exist in this workspace.'));
    const problem = container.querySelector('[data-problem="unknown-template"]')!;
    expect(problem.textContent).toContain('thanks');
    expect(container.querySelector('.react-flow__node[data-id="thanks"] [data-badge="errors"]')!.textContent).toBe('1');
  });

  it('asks to confirm a broadcast over its budget, then publishes with the confirmation', async () => {
    let answers = 0;
    const { calls } = renderServerEditor(() => {
      answers += 1;
      if (answers === 1)
        throw new ApiCallError(409, {
          error: {
            code: 'over_budget',
            message: 'One sending is estimated at 0.41 USD for 3 contacts, over the budget of 0.10 USD: confirm to publish anyway',
          },
        });
      return { id: 9, version: 1, note: '', createdAt: '', live: true, diagnostics: [] };
    });
    await publishWithNote('');
    await waitFor(() => expect(screen.getByTestId('publish-dialog').textContent).toContain('over the budget of 0.10 USD'));
    expect(screen.getByTestId('publish-confirm').textContent).toContain('Publish over budget');
    await act(async () => {
      fireEvent.click(screen.getByTestId('publish-confirm'));
    });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Published version 1'));
    expect(calls.filter((c) => c.path.endsWith('/publish')).map((c) => c.body)).toEqual([{ note: '' }, { note: '', confirmOverBudget: true }]);
  });
});
