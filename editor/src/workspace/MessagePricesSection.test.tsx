import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { defaultRateTable } from '@tandem/shared';
import { endpoints, type ApiClient, type RouteDef } from '@tandem/shared/api';
import { workspaceView } from '../../test/workspaceFixtures';
import { ApiContext } from '../api/client';
import { MessagePricesSection } from './MessagePricesSection';

function renderWith(api: ApiClient, settings: Record<string, unknown> = {}, role: 'admin' | 'editor' = 'admin') {
  const onChanged = vi.fn();
  render(
    <ApiContext.Provider value={api}>
      <MessagePricesSection workspace={workspaceView({ settings, role })} onChanged={onChanged} />
    </ApiContext.Provider>,
  );
  return onChanged;
}
const recording = () => {
  const calls: { route: RouteDef; body: unknown }[] = [];
  const api = (async (route: RouteDef, input: { body?: unknown }) => {
    calls.push({ route, body: input.body });
    return workspaceView();
  }) as unknown as ApiClient;
  return { api, calls };
};
const price = (market: string, category: string) => screen.getByTestId<HTMLInputElement>(`price-${market}-${category}`);

describe('MessagePricesSection', () => {
  it('shows the default prices per market and category when the workspace has none', () => {
    renderWith(recording().api);
    expect(price('Germany', 'marketing').value).toBe(String(defaultRateTable.markets[0]!.rates.marketing));
    expect(price('Other countries', 'utility').value).toBe(String(defaultRateTable.other.utility));
  });

  it('saves an edited price as the workspace rate table', async () => {
    const { api, calls } = recording();
    const onChanged = renderWith(api);
    fireEvent.change(price('India', 'marketing'), { target: { value: '0.02' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('prices-save'));
    });
    const expected = {
      ...defaultRateTable,
      markets: defaultRateTable.markets.map((m) => (m.name === 'India' ? { ...m, rates: { ...m.rates, marketing: 0.02 } } : m)),
    };
    expect(calls).toEqual([{ route: endpoints.updateWorkspace, body: { settings: { rates: expected } } }]);
    expect(onChanged).toHaveBeenCalled();
  });

  it('refuses to save a price that is not a number of 0 or more', async () => {
    const { api, calls } = recording();
    renderWith(api);
    fireEvent.change(price('Germany', 'utility'), { target: { value: '' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('prices-save'));
    });
    expect(calls).toEqual([]);
    expect(screen.getByTestId('prices-problem').textContent).toBe('Every price must be a number of 0 or more.');
  });

  it('puts the defaults back on Reset to defaults', () => {
    const own = { ...defaultRateTable, markets: [{ name: 'Germany', prefixes: ['49'], rates: { marketing: 0.5, utility: 0.1, authentication: 0.2 } }] };
    renderWith(recording().api, { rates: own });
    expect(price('Germany', 'marketing').value).toBe('0.5');
    expect(screen.queryByTestId('price-India-marketing')).toBeNull();
    fireEvent.click(screen.getByTestId('prices-reset'));
    expect(price('Germany', 'marketing').value).toBe(String(defaultRateTable.markets[0]!.rates.marketing));
    expect(price('India', 'marketing')).toBeTruthy();
  });

  it('lets only admins edit', () => {
    renderWith(recording().api, {}, 'editor');
    expect(price('Germany', 'marketing').closest('fieldset')!.disabled).toBe(true);
    expect(screen.getByTestId('message-prices').textContent).toContain('Only admins can change this.');
  });
});
