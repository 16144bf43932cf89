import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiCallError, endpoints, type ApiClient, type RouteDef } from '@tandem/shared/api';
import type { FlowDocumentInput } from '@tandem/shared';
import { smallFlow } from '../../test/fixtures';
import { workspaceData } from '../../test/workspaceFixtures';
import { ApiContext } from '../api/client';
import { createFlowStore } from '../store/flowStore';
import { createValidationStore } from '../validation/validationStore';
import { EditorApp } from './EditorApp';

/** An API that answers saveDraft, publishFlow and flowCostEstimate as given and records the calls. */
function fakeApi(publish: () => unknown, estimate: () => unknown = () => Promise.reject(new Error('no estimate'))) {
  const calls: { path: string; body: unknown }[] = [];
  const api = (async (route: RouteDef, input: { body?: unknown } = {}) => {
    calls.push({ path: route.path, body: input.body });
    if (route === endpoints.saveDraft) return { id: 'fl_1', name: 'Small', liveVersion: null, versionCount: 0, updatedAt: '', createdAt: '' };
    if (route === endpoints.publishFlow) return publish();
    if (route === endpoints.flowCostEstimate) return estimate();
    throw new Error(`unexpected call ${route.path}`);
  }) as unknown as ApiClient;
  return { api, calls };
}

function renderServerEditor(publish: () => unknown, { doc = smallFlow(), estimate }: { doc?: FlowDocumentInput; estimate?: () => unknown } = {}) {
  const flow = createFlowStore();
  flow.getState().load(doc);
  const refresh = vi.fn();
  const { api, calls } = fakeApi(publish, estimate);
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

const step = (id: string, type: string, data: Record<string, unknown>, x = 0) => ({ id, type, position: { x, y: 0 }, data });
const shipped = step(
  'shipped',
  'send-template',
  { template: { name: 'order_shipped', language: 'en', category: 'UTILITY' }, body: [{ value: '42' }], buttons: [{ index: 0, type: 'url', value: '42' }] },
  300,
);
const withTrigger = (trigger: ReturnType<typeof step>): FlowDocumentInput => ({
  schemaVersion: 1,
  name: 'Shipping',
  nodes: [trigger, shipped],
  edges: [{ id: 'e1', source: trigger.id, sourceHandle: 'next', target: 'shipped' }],
});
const broadcastFlow = withTrigger(
  step('daily', 'trigger-schedule', { schedule: { kind: 'cron', cron: '0 10 * * *', timezone: 'UTC' }, audience: { tagsAny: ['shipped'] }, budget: 0.1 }),
);
const journeyFlow = withTrigger(step('start', 'trigger-message', { match: 'keywords', keywords: ['track'] }));
const noLines = { lines: [], audience: null, freeContacts: null, total: null, budget: null };

describe('the cost of what publishing sends', () => {
  it('shows a broadcast sending to its audience, its free contacts, its markets and its budget, then confirms over budget', async () => {
    let answers = 0;
    const publish = () => {
      answers += 1;
      if (answers === 1) throw new ApiCallError(409, { error: { code: 'over_budget', message: 'One sending is estimated at 0.15 USD for 3 contacts' } });
      return { id: 9, version: 1, note: '', createdAt: '', live: true, diagnostics: [] };
    };
    const estimate = () => ({
      currency: 'USD',
      perContact: [{ market: 'Germany', cost: 0.1365 }],
      audience: 3,
      lines: [
        { market: 'India', contacts: 1, perContact: 0.0118, free: 0, cost: 0.0118 },
        { market: 'Germany', contacts: 2, perContact: 0.1365, free: 1, cost: 0.1365 },
      ],
      freeContacts: 1,
      total: 0.1483,
      budget: 0.1,
    });
    const { calls } = renderServerEditor(publish, { doc: broadcastFlow, estimate });
    fireEvent.click(screen.getByRole('button', { name: /Publish/ }));
    const cost = await screen.findByTestId('publish-cost');
    expect(cost.querySelector('p')!.textContent).toBe('One sending to 3 contacts: about $0.1483 (1 of them free now: open conversation or ad click)');
    expect([...cost.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      ['Germany', '2', '1', '$0.1365', '$0.1365'],
      ['India', '1', '0', '$0.0118', '$0.0118'],
    ]);
    expect(cost.textContent).toContain('Budget $0.10: this sending is over budget');
    // The estimate is of the canvas: it was saved first, and publishing does not save it again.
    expect(calls.map((c) => c.path.split('/').pop())).toEqual(['draft', 'cost-estimate']);

    await act(async () => {
      fireEvent.click(screen.getByTestId('publish-confirm'));
    });
    await waitFor(() => expect(screen.getByTestId('publish-confirm').textContent).toContain('Publish over budget'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('publish-confirm'));
    });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Published version 1'));
    expect(calls.map((c) => c.path.split('/').pop())).toEqual(['draft', 'cost-estimate', 'publish', 'publish']);
  });

  it("shows a journey's highest price per contact with its templates, and the price per market", async () => {
    const estimate = () => ({
      currency: 'USD',
      perContact: [
        { market: 'Germany', cost: 0.0456 },
        { market: 'India', cost: 0.0014 },
        { market: 'Other', cost: 0.02 },
      ],
      ...noLines,
    });
    renderServerEditor(() => ({}), { doc: journeyFlow, estimate });
    fireEvent.click(screen.getByRole('button', { name: /Publish/ }));
    const cost = await screen.findByTestId('publish-cost');
    expect(cost.textContent).toContain('Each contact costs up to $0.0456 (templates: 1 utility)');
    expect(cost.textContent).toContain('Germany $0.0456 · India $0.0014 · elsewhere $0.02');
    expect(cost.querySelector('table')).toBeNull();
  });

  it('says it is estimating, then nothing about cost when the estimate fails', async () => {
    let fail: (e: Error) => void = () => {};
    renderServerEditor(() => ({}), { doc: journeyFlow, estimate: () => new Promise((_, reject) => (fail = reject)) });
    fireEvent.click(screen.getByRole('button', { name: /Publish/ }));
    await waitFor(() => expect(screen.getByTestId('publish-dialog').textContent).toContain('Estimating cost…'));
    await act(async () => fail(new ApiCallError(409, { error: { code: 'flow_invalid', message: 'The flow has errors: fix them to see its cost' } })));
    expect(screen.getByTestId('publish-dialog').textContent).not.toMatch(/cost|\$/i);
  });

  it('asks no estimate for a flow that sends no template', async () => {
    const { calls } = renderServerEditor(() => ({}));
    fireEvent.click(screen.getByRole('button', { name: /Publish/ }));
    expect(screen.getByTestId('publish-dialog').textContent).not.toContain('Estimating cost');
    expect(calls).toEqual([]);
  });
});
