import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { endpoints, type ApiClient, type RouteDef } from '@tandem/shared/api';
import { smallFlow } from '../../test/fixtures';
import { renderWithStores } from '../../test/renderPanel';
import { workspaceData } from '../../test/workspaceFixtures';
import { ApiContext } from '../api/client';
import { EditorApp } from '../app/EditorApp';
import { createOverlayStore } from '../canvas/overlayStore';
import { createFlowStore } from '../store/flowStore';
import { createValidationStore } from '../validation/validationStore';
import type { AnalyticsView } from '../workspace/types';
import { WorkspaceDataContext } from '../workspace/workspaceData';
import { AnalyticsPanel } from './AnalyticsPanel';
import { edgeCount, formatCount, labelEdges, nodeCounts, portShare } from './counts';

// smallFlow: start → ask (yes/no) → yes: thanks, no: done.
const analytics: AnalyticsView = {
  flowId: 'fl_1',
  version: 2,
  from: null,
  to: null,
  runs: { started: 40, active: 7, completed: 33, outcomes: {} },
  nodes: {
    start: { entered: 40, waiting: 0, ports: { next: 40 } },
    ask: { entered: 40, waiting: 7, ports: { yes: 25, no: 6, invalid: 2, timeout: 0, window_closed: 0, error: 0 } },
    thanks: { entered: 25, waiting: 0, ports: { next: 25, window_closed: 0, error: 0 } },
    done: { entered: 6, waiting: 0, ports: {} },
  },
  conversions: { count: 0, revenue: {}, credit: { bot: 0, app: 0, agent: 0, none: 0 } },
};

describe('analytics counts', () => {
  it('sums what left a step and reads connections from their source output', () => {
    expect(nodeCounts(analytics, 'ask')).toEqual({ entered: 40, waiting: 7, left: 33, ports: analytics.nodes.ask!.ports });
    expect(edgeCount(analytics, { source: 'ask', sourceHandle: 'yes' })).toBe(25);
    expect(edgeCount(analytics, { source: 'ask', sourceHandle: 'maybe' })).toBe(0);
    expect(portShare(nodeCounts(analytics, 'ask'), 'yes')).toBe('63%');
  });

  it('gives a step the version never had zeros', () => {
    expect(nodeCounts(analytics, 'new_step')).toEqual({ entered: 0, waiting: 0, left: 0, ports: {} });
    expect(portShare(nodeCounts(analytics, 'new_step'), 'next')).toBe('');
  });

  it('labels connections with the count of their source output', () => {
    const edges = [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'ask', className: 'tn-edge' },
      { id: 'e2', source: 'ask', sourceHandle: 'no', target: 'done' },
    ];
    expect(labelEdges(edges, analytics).map((e) => [e.id, e.label, e.className])).toEqual([
      ['e1', '40', 'tn-edge tn-edge-counted'],
      ['e2', '6', 'tn-edge-counted'],
    ]);
  });

  it('formats large counts for badges', () => {
    expect([formatCount(7), formatCount(1234), formatCount(12_345), formatCount(250_000), formatCount(3_400_000)]).toEqual([
      '7',
      '1,234',
      '12.3k',
      '250k',
      '3.4M',
    ]);
  });
});

describe('the analytics overlay on the canvas', () => {
  function renderWithOverlay() {
    const flow = createFlowStore();
    flow.getState().load(smallFlow());
    const overlay = createOverlayStore();
    const { container } = render(
      <div style={{ width: 1400, height: 900 }}>
        <EditorApp flow={flow} validation={createValidationStore()} env={{ codeEditor: 'plain' }} overlay={overlay} />
      </div>,
    );
    return { overlay, node: (id: string) => container.querySelector(`.react-flow__node[data-id="${id}"]`)! };
  }

  it('shows entered / here now / left on each step and the count of every output', () => {
    const { overlay, node } = renderWithOverlay();
    expect(node('ask').querySelector('[data-testid=node-analytics]')).toBeNull();
    act(() => overlay.setState({ analytics }));
    const bar = node('ask').querySelector('[data-testid=node-analytics]')!;
    expect(bar.getAttribute('data-entered')).toBe('40');
    expect(bar.textContent).toBe('40 entered7 here now33 left');
    expect(node('ask').querySelector('[data-port-count="yes"]')!.textContent).toBe('25');
    expect(node('ask').querySelector('[data-port-count="invalid"]')!.textContent).toBe('2');
    expect(node('done').querySelector('[data-testid=node-analytics]')!.getAttribute('data-entered')).toBe('6');
  });

  it('disappears when analytics are closed', () => {
    const { overlay, node } = renderWithOverlay();
    act(() => overlay.setState({ analytics }));
    act(() => overlay.setState({ analytics: undefined }));
    expect(node('ask').querySelector('[data-testid=node-analytics]')).toBeNull();
    expect(node('ask').querySelector('[data-port-count]')).toBeNull();
  });

  it("marks the step the simulator's test contact is at", () => {
    const { overlay, node } = renderWithOverlay();
    act(() => overlay.setState({ current: { nodeId: 'ask', active: true, waitingFor: 'reply' } }));
    expect(node('ask').querySelector('.tn-node')!.getAttribute('data-current')).toBe('active');
    expect(node('ask').querySelector('[data-testid=current-node]')!.textContent).toContain('waiting for a reply');
    expect(node('start').querySelector('[data-testid=current-node]')).toBeNull();
  });
});

describe('the analytics panel', () => {
  /** A fake API answering the panel's calls with `analytics`. */
  const api = (async (route: RouteDef) => {
    if (route === endpoints.listVersions) return { versions: [] };
    if (route === endpoints.flowAnalytics) return analytics;
    if (route === endpoints.listRuns) return { runs: [] };
    throw new Error(`Unexpected call to ${route.path}`);
  }) as unknown as ApiClient;

  async function renderPanel() {
    await act(async () => {
      renderWithStores(
        smallFlow(),
        <ApiContext.Provider value={api}>
          <WorkspaceDataContext.Provider value={workspaceData({ liveVersion: 2 })}>
            <AnalyticsPanel />
          </WorkspaceDataContext.Provider>
        </ApiContext.Provider>,
      );
    });
  }
  const dashboardHref = () => screen.getByTestId('analytics-dashboard-link').getAttribute('href');
  const pickRange = async (value: string) => {
    await act(async () => {
      fireEvent.change(screen.getByTestId('analytics-range'), { target: { value } });
    });
  };

  it("links the journey's dashboard for the same period, the last 30 days for all time", async () => {
    await renderPanel();
    expect(screen.getByTestId('analytics-dashboard-link').textContent).toBe('Revenue, cost and goals on the dashboard →');
    expect(dashboardHref()).toBe('#/w/ws_1/dashboard?flow=fl_1&period=30d');
    await pickRange('days:7');
    expect(dashboardHref()).toBe('#/w/ws_1/dashboard?flow=fl_1&period=7d');
    // The dashboard counts whole days: the last 24 hours are yesterday and today.
    await pickRange('days:1');
    expect(dashboardHref()).toBe('#/w/ws_1/dashboard?flow=fl_1&period=2d');
    await pickRange('custom');
    await act(async () => {
      fireEvent.change(screen.getByLabelText('From'), { target: { value: '2025-12-01' } });
    });
    expect(dashboardHref()).toMatch(/^#\/w\/ws_1\/dashboard\?flow=fl_1&period=2025-12-01\.\.\d{4}-\d{2}-\d{2}$/);
  });
});
