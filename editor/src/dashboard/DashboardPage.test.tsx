import type { ComponentProps } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { endpoints, type ApiClient, type Dashboard, type RouteDef } from '@tandem/shared/api';
import { workspaceView } from '../../test/workspaceFixtures';
import { ApiContext } from '../api/client';
import { dashboardFixture } from './dashboardFixture';
import { DashboardPage } from './DashboardPage';

/** The cart journey's own dashboard: its line, its goal and its steps' funnel. */
function journeyFixture(): Dashboard {
  const d = dashboardFixture();
  return {
    ...d,
    flowId: 'fl_cart',
    flows: d.flows.slice(0, 1),
    goals: d.goals.slice(0, 1),
    funnel: [
      { nodeId: 'cart', label: 'Cart abandoned', type: 'trigger-event', entered: 80 },
      { nodeId: 'later', label: 'Wait 1 hour', type: 'wait', entered: 78 },
      { nodeId: 'remind', label: 'Send cart_reminder', type: 'send-template', entered: 70 },
    ],
  };
}

/** A fake API answering the dashboard's calls (`answer` decides the dashboard); records the queries asked. */
function fakeApi(answer: (query: Record<string, string>) => Dashboard = (q) => (q.flowId ? journeyFixture() : dashboardFixture())) {
  const queries: Record<string, string>[] = [];
  const api = (async (route: RouteDef, input: { query?: Record<string, string> } = {}) => {
    if (route === endpoints.listFlows) return { flows: [{ id: 'fl_cart', name: 'Abandoned cart recovery' }] };
    if (route === endpoints.dashboard) {
      queries.push(input.query!);
      return answer(input.query!);
    }
    throw new Error(`Unexpected call to ${route.path}`);
  }) as unknown as ApiClient;
  return { api, queries };
}

/** Renders the page with the address's journey and period (`address`); `rerender` gives it another address. */
async function renderPage(api: ApiClient, address: Omit<ComponentProps<typeof DashboardPage>, 'workspace'> = {}) {
  const page = (a: typeof address) => (
    <ApiContext.Provider value={api}>
      <DashboardPage workspace={workspaceView()} {...a} />
    </ApiContext.Provider>
  );
  const view = await act(async () => render(page(address)));
  return {
    rerender: async (a: typeof address) => {
      await act(async () => view.rerender(page(a)));
    },
  };
}
const tile = (id: string) => screen.getByTestId(`tile-${id}`);
const csvQuery = () => Object.fromEntries(new URL(screen.getByTestId<HTMLAnchorElement>('dashboard-csv').href).searchParams);

describe('DashboardPage', () => {
  beforeEach(() => {
    history.replaceState(null, '', '#/w/ws_1/dashboard');
  });

  it('shows the last 30 days of the workspace as formatted tiles', async () => {
    const { api, queries } = fakeApi();
    await renderPage(api);
    // The workspace's clock says 1 January 2026.
    expect(queries).toEqual([{ from: '2025-12-03T00:00:00.000Z', to: '2026-01-01T23:59:59.999Z', bucket: 'day' }]);
    expect(tile('conversions').textContent).toContain('12');
    expect(tile('conversions').textContent).toContain('10% of runs');
    expect(tile('revenue').textContent).toContain('$1,250.00');
    expect(tile('roi').textContent).toContain('+2,400%');
    expect(tile('readRate').textContent).toContain('80%');
    expect(tile('handleTime').textContent).toContain('1 h 20 min');
    expect(tile('firstHumanResponse').textContent).toContain('4 min');
    const flows = screen.getByTestId('dashboard-flows');
    expect(within(flows).getByText('Abandoned cart recovery').closest('tr')!.textContent).toContain('$1,000.00');
    expect(screen.getByTestId('chart-conversions')).toBeTruthy();
    expect(screen.queryByTestId('chart-funnel')).toBeNull();
  });

  it('lists each goal with its rate, revenue, cost per conversion and whom it credits', async () => {
    await renderPage(fakeApi().api);
    const goals = screen.getByTestId('dashboard-goals');
    const names = within(goals)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.getAttribute('data-goal'));
    expect(names).toEqual(['Cart recovered', 'Purchase', 'Qualified lead']);
    const cells = (goal: string) => [...within(goals).getByText(goal).closest('tr')!.querySelectorAll('td')].map((c) => c.textContent);
    expect(cells('Purchase')).toEqual(['2', '5%', '$250.00', '$5.00', 'Bot 1 · Business App 1']);
    expect(cells('Qualified lead')).toEqual(['0', '0%', '$0.00', '—', '']);
    expect(within(goals).getByText('—').title).toBe('No conversions in this period');
  });

  it('links the CSV export with the same query, and follows the journey and buckets picked', async () => {
    const { api, queries } = fakeApi();
    await renderPage(api);
    const link = screen.getByTestId<HTMLAnchorElement>('dashboard-csv');
    expect(new URL(link.href).pathname).toBe('/api/workspaces/ws_1/dashboard.csv');
    expect(link.getAttribute('download')).toBe('tandem-dashboard-2025-12-03-2026-01-01.csv');
    expect(csvQuery()).toEqual({ from: '2025-12-03T00:00:00.000Z', to: '2026-01-01T23:59:59.999Z', bucket: 'day' });

    await act(async () => {
      fireEvent.change(screen.getByTestId('dashboard-flow'), { target: { value: 'fl_cart' } });
    });
    await act(async () => {
      fireEvent.click(screen.getByTestId('dashboard-bucket-week'));
    });
    await act(async () => {
      fireEvent.change(screen.getByTestId('dashboard-period'), { target: { value: '7' } });
    });
    const last = { from: '2025-12-26T00:00:00.000Z', to: '2026-01-01T23:59:59.999Z', bucket: 'week', flowId: 'fl_cart' };
    expect(queries.at(-1)).toEqual(last);
    expect(csvQuery()).toEqual(last);
    expect(screen.getByTestId('chart-funnel').textContent).toContain('Funnel');
    expect(within(screen.getByTestId('dashboard-goals')).getAllByRole('row')).toHaveLength(2);
    // The journeys' table is the workspace's.
    expect(screen.queryByTestId('dashboard-flows')).toBeNull();
  });

  it("starts from the address's journey and period", async () => {
    const { api, queries } = fakeApi();
    await renderPage(api, { flowId: 'fl_cart', period: { kind: 'days', days: 7 } });
    expect(queries).toEqual([{ from: '2025-12-26T00:00:00.000Z', to: '2026-01-01T23:59:59.999Z', bucket: 'day', flowId: 'fl_cart' }]);
    expect(screen.getByTestId<HTMLSelectElement>('dashboard-flow').value).toBe('fl_cart');
    expect(screen.getByTestId<HTMLSelectElement>('dashboard-period').value).toBe('7');
  });

  it("shows the address's dates, and a number of days the menu does not offer as dates", async () => {
    const { api, queries } = fakeApi();
    const page = await renderPage(api, { period: { kind: 'custom', from: '2025-12-01', to: '2025-12-31' } });
    expect(screen.getByTestId<HTMLSelectElement>('dashboard-period').value).toBe('custom');
    expect(screen.getByTestId<HTMLInputElement>('dashboard-from').value).toBe('2025-12-01');
    expect(queries.at(-1)).toEqual({ from: '2025-12-01T00:00:00.000Z', to: '2025-12-31T23:59:59.999Z', bucket: 'day' });
    await page.rerender({ period: { kind: 'days', days: 14 } });
    expect(screen.getByTestId<HTMLInputElement>('dashboard-from').value).toBe('2025-12-19');
    expect(screen.getByTestId<HTMLInputElement>('dashboard-to').value).toBe('2026-01-01');
  });

  it('replaces the address with the journey and period picked, so Back leaves the dashboard', async () => {
    await renderPage(fakeApi().api);
    const entries = history.length;
    await act(async () => {
      fireEvent.change(screen.getByTestId('dashboard-flow'), { target: { value: 'fl_cart' } });
    });
    expect(location.hash).toBe('#/w/ws_1/dashboard?flow=fl_cart&period=30d');
    await act(async () => {
      fireEvent.change(screen.getByTestId('dashboard-period'), { target: { value: 'custom' } });
    });
    await act(async () => {
      fireEvent.change(screen.getByTestId('dashboard-from'), { target: { value: '2025-12-20' } });
    });
    expect(location.hash).toBe('#/w/ws_1/dashboard?flow=fl_cart&period=2025-12-20..2026-01-01');
    expect(history.length).toBe(entries);
  });

  it("follows the address when it changes from outside (the menu's link)", async () => {
    const { api, queries } = fakeApi();
    const page = await renderPage(api, { flowId: 'fl_cart', period: { kind: 'days', days: 90 } });
    await page.rerender({});
    expect(screen.getByTestId<HTMLSelectElement>('dashboard-flow').value).toBe('');
    expect(queries.at(-1)).toEqual({ from: '2025-12-03T00:00:00.000Z', to: '2026-01-01T23:59:59.999Z', bucket: 'day' });
  });

  it('says what is wrong with custom dates instead of asking', async () => {
    const { api, queries } = fakeApi();
    await renderPage(api);
    await act(async () => {
      fireEvent.change(screen.getByTestId('dashboard-period'), { target: { value: 'custom' } });
    });
    expect(queries.at(-1)).toEqual({ from: '2025-12-03T00:00:00.000Z', to: '2026-01-01T23:59:59.999Z', bucket: 'day' });
    await act(async () => {
      fireEvent.change(screen.getByTestId('dashboard-from'), { target: { value: '2026-02-01' } });
    });
    expect(screen.getByTestId('dashboard-problem').textContent).toBe('The first day must not be after the last.');
    expect(screen.queryByTestId('dashboard-csv')).toBeNull();
    await act(async () => {
      fireEvent.change(screen.getByTestId('dashboard-from'), { target: { value: '2025-12-01' } });
    });
    expect(queries.at(-1)).toEqual({ from: '2025-12-01T00:00:00.000Z', to: '2026-01-01T23:59:59.999Z', bucket: 'day' });
  });

  it('says so when no journey ran in the period', async () => {
    const empty = dashboardFixture();
    empty.totals = { ...empty.totals, runsStarted: 0, conversions: 0, messages: { sent: 0, delivered: 0, read: 0, replied: 0, failed: 0 } };
    await renderPage(fakeApi(() => empty).api);
    expect(screen.getByTestId('dashboard-empty').textContent).toContain('No journeys ran in this period');
    expect(screen.queryByTestId('dashboard-tiles')).toBeNull();
  });

  it('explains a missing figure in its tooltip', async () => {
    const d = dashboardFixture();
    d.totals = { ...d.totals, readRate: null };
    await renderPage(fakeApi(() => d).api);
    expect(tile('readRate').textContent).toContain('—');
    expect(tile('readRate').title).toBe('No messages were sent in this period');
  });
});
