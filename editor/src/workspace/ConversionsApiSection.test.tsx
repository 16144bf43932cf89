import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { z } from 'zod';
import { endpoints, type ApiClient, type conversionReportSchema, type RouteDef } from '@tandem/shared/api';
import { workspaceView } from '../../test/workspaceFixtures';
import { ApiContext } from '../api/client';
import { ConversionsApiSection } from './ConversionsApiSection';

type Report = z.infer<typeof conversionReportSchema>;

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
const report = (over: Partial<Report>): Report => ({
  id: 1,
  eventName: 'Purchase',
  status: 'sent',
  attempts: 1,
  contactId: 7,
  contactName: 'Anna Schmidt',
  runId: 3,
  flowId: 'fl_cart',
  flowName: 'Cart rescue',
  value: 40,
  currency: 'EUR',
  error: null,
  response: { events_received: 1, fbtrace_id: 'AbC123' },
  event: {},
  createdAt: minutesAgo(5),
  sentAt: minutesAgo(5),
  ...over,
});
const reports: Report[] = [
  report({ id: 3 }),
  report({ id: 2, eventName: 'LeadSubmitted', status: 'skipped', attempts: 0, value: null, currency: null, error: { reason: 'no_ad_click' }, response: null }),
  report({ id: 1, status: 'failed', error: { code: 100, message: 'Invalid parameter', handling: 'fail' }, response: null, flowId: null, flowName: null }),
];

/** An API that records every call and answers the report list with `listed`, anything else with the workspace. */
function recordingApi(listed: Report[] = reports) {
  const calls: { name: string; query: unknown; body: unknown }[] = [];
  const api = (async (route: RouteDef, input: { query?: unknown; body?: unknown } = {}) => {
    const name = Object.entries(endpoints).find(([, r]) => r === route)![0];
    calls.push({ name, query: input.query, body: input.body });
    if (name === 'listConversionReports') return { reports: listed, total: listed.length };
    return workspaceView();
  }) as unknown as ApiClient;
  return { api, calls };
}

async function renderSection(
  api: ApiClient,
  settings: Record<string, unknown> = { conversionsApi: { datasetId: '1234567890' } },
  role: 'admin' | 'viewer' = 'admin',
) {
  const onChanged = vi.fn();
  await act(async () => {
    render(
      <ApiContext.Provider value={api}>
        <ConversionsApiSection workspace={workspaceView({ settings, role })} onChanged={onChanged} />
      </ApiContext.Provider>,
    );
  });
  return onChanged;
}
const row = (id: number) => screen.getByTestId('capi-report-table').querySelector<HTMLTableRowElement>(`tr[data-report="${id}"]`)!;
const cells = (id: number) => [...row(id).querySelectorAll('td')].map((td) => td.textContent);

describe('ConversionsApiSection', () => {
  it('explains what it does and lists the recent reports with what happened to each in words', async () => {
    const { api, calls } = recordingApi();
    await renderSection(api);
    expect(screen.getByTestId('conversions-api').textContent).toContain(
      "When a contact who came from a Click-to-WhatsApp ad becomes a lead or buys, Tandem tells Meta so the ad's results show it.",
    );
    expect(screen.getByTestId<HTMLInputElement>('capi-dataset').value).toBe('1234567890');
    expect(calls).toEqual([{ name: 'listConversionReports', query: { limit: 20, offset: 0 }, body: undefined }]);
    expect(cells(3)).toEqual(['5 min ago', 'Purchase', 'Anna Schmidt', 'Cart rescue', reportMoney(40, 'EUR'), 'Sent', 'Meta received it']);
    expect(within(row(3)).getByText('Meta received it').getAttribute('title')).toBe('fbtrace_id AbC123');
    expect(cells(2).slice(1)).toEqual([
      'Lead submitted',
      'Anna Schmidt',
      'Cart rescue',
      '—',
      'Skipped',
      'The contact did not come from an ad click (or came from an ad in Status, which has no click id)',
    ]);
    expect(cells(1).slice(3)).toEqual(['—', reportMoney(40, 'EUR'), 'Failed', 'Invalid parameter (Meta error 100)']);
    expect(within(row(3)).getByText('Anna Schmidt').getAttribute('href')).toBe('#/w/ws_1/contacts/7');
  });

  it('saves the dataset id in the workspace settings', async () => {
    const { api, calls } = recordingApi();
    const onChanged = await renderSection(api, {});
    fireEvent.change(screen.getByTestId('capi-dataset'), { target: { value: ' 987654321012 ' } });
    await act(async () => fireEvent.click(screen.getByTestId('capi-save')));
    expect(calls).toEqual([{ name: 'updateWorkspace', query: undefined, body: { settings: { conversionsApi: { datasetId: '987654321012' } } } }]);
    expect(screen.getByTestId('capi-saved').textContent).toBe('Saved. Conversions from ad clicks are reported to this dataset.');
    expect(onChanged).toHaveBeenCalled();
  });

  it('refuses a dataset id that is not 5 to 25 digits, with the schema’s words', async () => {
    const { api, calls } = recordingApi();
    await renderSection(api, {});
    fireEvent.change(screen.getByTestId('capi-dataset'), { target: { value: 'act_1234' } });
    await act(async () => fireEvent.click(screen.getByTestId('capi-save')));
    expect(calls).toEqual([]);
    expect(screen.getByTestId('capi-dataset-error').textContent).toBe('The dataset id is the number Meta shows for the WhatsApp Business Account’s dataset');
  });

  it('removes the dataset id', async () => {
    const { api, calls } = recordingApi();
    await renderSection(api);
    await act(async () => fireEvent.click(screen.getByTestId('capi-remove')));
    expect(calls.at(-1)).toEqual({ name: 'updateWorkspace', query: undefined, body: { settings: { conversionsApi: null } } });
    expect(screen.getByTestId<HTMLInputElement>('capi-dataset').value).toBe('');
  });

  it('asks the server for the reports of the status picked', async () => {
    const { api, calls } = recordingApi([]);
    await renderSection(api);
    expect(screen.getByTestId('capi-empty').textContent).toBe('No conversions reported yet');
    await act(async () => fireEvent.change(screen.getByTestId('capi-status'), { target: { value: 'failed' } }));
    expect(calls.at(-1)).toEqual({ name: 'listConversionReports', query: { limit: 20, offset: 0, status: 'failed' }, body: undefined });
    expect(screen.getByTestId('capi-empty').textContent).toBe('No failed reports');
  });

  it('keeps the reports closed, without asking for them, until a dataset is set or they are opened', async () => {
    const { api, calls } = recordingApi();
    await renderSection(api, {});
    expect(calls).toEqual([]);
    expect(screen.getByTestId<HTMLDetailsElement>('capi-reports').open).toBe(false);
    await act(async () => {
      screen.getByTestId<HTMLDetailsElement>('capi-reports').open = true;
      fireEvent(screen.getByTestId('capi-reports'), new Event('toggle'));
    });
    expect(calls.map((c) => c.name)).toEqual(['listConversionReports']);
    expect(row(3)).toBeTruthy();
  });

  it('shows viewers the dataset id and the reports without letting them change it', async () => {
    await renderSection(recordingApi().api, undefined, 'viewer');
    expect(screen.getByTestId<HTMLInputElement>('capi-dataset').closest('fieldset')!.disabled).toBe(true);
    expect(screen.getByTestId('conversions-api').textContent).toContain('Only admins can change this.');
    expect(row(3)).toBeTruthy();
  });
});

function reportMoney(value: number, currency: string): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(value);
}
