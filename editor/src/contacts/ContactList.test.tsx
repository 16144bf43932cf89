import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { endpoints, type ApiClient, type ContactView, type RouteDef } from '@tandem/shared/api';
import { workspaceView } from '../../test/workspaceFixtures';
import { ApiContext } from '../api/client';
import { ContactsPage } from './ContactsPage';

const contact = (id: number, name: string): ContactView => ({
  id,
  waId: `49151000${String(id).padStart(5, '0')}`,
  userId: null,
  phone: null,
  profileName: name,
  attributes: {},
  tags: id === 1 ? ['vip'] : [],
  timezone: null,
  marketingConsent: 'unknown',
  consentChangedAt: null,
  consentSource: null,
  lastInboundAt: null,
  windowOpen: false,
  windowExpiresAt: null,
  freeEntryUntil: null,
  lastAppReplyAt: null,
  pausedUntil: null,
  pausedIndefinitely: false,
  pauseReason: null,
  holds: [],
  adClick: null,
  createdAt: '2026-01-01T00:00:00.000Z',
});

/** listContacts over `all` as the server pages and filters it (search by name, tag); records each query. */
function listApi(all: ContactView[]) {
  const queries: Record<string, unknown>[] = [];
  const api = (async (route: RouteDef, input: { query?: Record<string, unknown> } = {}) => {
    if (route !== endpoints.listContacts) throw new Error('unexpected call');
    const q = input.query ?? {};
    queries.push(q);
    const search = typeof q.search === 'string' ? q.search.toLowerCase() : '';
    const hits = all.filter((c) => (!search || c.profileName!.toLowerCase().includes(search)) && (!q.tag || c.tags.includes(String(q.tag))));
    const offset = Number(q.offset ?? 0);
    return { contacts: hits.slice(offset, offset + Number(q.limit ?? 50)), total: hits.length };
  }) as unknown as ApiClient;
  return { api, queries };
}

const show = (api: ApiClient, role: 'agent' | 'editor' = 'agent') =>
  render(
    <ApiContext.Provider value={api}>
      <ContactsPage workspace={workspaceView({ role })} />
    </ApiContext.Provider>,
  );

describe('contact list', () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says how contacts come when there are none, and that the sandbox simulator makes one', async () => {
    show(listApi([]).api);
    const empty = await screen.findByTestId('contacts-empty');
    expect(empty.textContent).toContain('No contacts yet.');
    expect(empty.textContent).toContain('chat as the test contact in a flow’s simulator');
  });

  it('pages through 50 at a time and says which ones it shows', async () => {
    const { api, queries } = listApi(Array.from({ length: 120 }, (_, i) => contact(i + 1, `Person ${i + 1}`)));
    show(api);
    expect((await screen.findByTestId('contact-paging')).textContent).toContain('1–50 of 120');
    await act(async () => {
      fireEvent.click(screen.getByLabelText('Next page'));
    });
    await waitFor(() => expect(screen.getByTestId('contact-paging').textContent).toContain('51–100 of 120'));
    expect(queries.at(-1)).toMatchObject({ limit: 50, offset: 50 });
  });

  it('searches as one types and, when nothing matches, offers to show everyone again', async () => {
    const { api, queries } = listApi([contact(1, 'Ana Lopez'), contact(2, 'Ben Smith')]);
    show(api);
    await screen.findByTestId('contact-list');
    await act(async () => {
      fireEvent.change(screen.getByTestId('contact-search'), { target: { value: 'zed' } });
      await vi.advanceTimersByTimeAsync(300);
    });
    const empty = await screen.findByTestId('contacts-empty');
    expect(empty.textContent).toContain('No contact matches “zed”.');
    expect(queries.at(-1)).toMatchObject({ search: 'zed', offset: 0 });
    await act(async () => {
      fireEvent.click(screen.getByText('Show everyone'));
    });
    expect((await screen.findByTestId('contact-list')).querySelectorAll('tbody tr')).toHaveLength(2);
  });

  it('filters by a tag when one clicks it in a row, and stops when the filter is removed', async () => {
    const { api, queries } = listApi([contact(1, 'Ana Lopez'), contact(2, 'Ben Smith')]);
    show(api);
    await screen.findByTestId('contact-list');
    await act(async () => {
      fireEvent.click(screen.getByTitle('Only contacts tagged vip'));
    });
    expect(queries.at(-1)).toMatchObject({ tag: 'vip' });
    expect(screen.getByTestId('contact-tag-filter').textContent).toContain('Tag: vip');
    expect((await screen.findByTestId('contact-list')).querySelectorAll('tbody tr')).toHaveLength(1);
    await act(async () => {
      fireEvent.click(screen.getByLabelText('Stop filtering by vip'));
    });
    expect(queries.at(-1)).not.toHaveProperty('tag');
  });

  it('marks who is with the team and says until when a window is open', async () => {
    const ana = {
      ...contact(1, 'Ana Lopez'),
      pausedIndefinitely: true,
      windowOpen: true,
      lastInboundAt: '2026-01-01T09:00:00.000Z',
      windowExpiresAt: '2026-01-02T09:00:00.000Z',
    };
    show(listApi([ana, contact(2, 'Ben Smith')]).api);
    const rows = (await screen.findByTestId('contact-list')).querySelectorAll('tbody tr');
    expect(rows[0]!.textContent).toContain('with the team');
    expect(rows[1]!.textContent).not.toContain('with the team');
    expect(rows[0]!.querySelector('td[title]')!.getAttribute('title')).toMatch(/^Open until .* \(23 hours left\)$/);
  });

  it('offers the CSV import to editors only', async () => {
    show(listApi([]).api, 'agent');
    await screen.findByTestId('contacts-empty');
    expect(screen.queryByText('Import CSV')).toBeNull();
    cleanup();
    show(listApi([]).api, 'editor');
    await screen.findByTestId('contacts-empty');
    expect(screen.getByText('Import CSV')).toBeTruthy();
  });
});
