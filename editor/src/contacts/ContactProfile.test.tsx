import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { endpoints, type ApiClient, type ContactView, type RouteDef } from '@tandem/shared/api';
import { workspaceView } from '../../test/workspaceFixtures';
import { ApiContext } from '../api/client';
import { ContactsPage } from './ContactsPage';
import cart from '../../../engine/examples/abandoned-cart.json';

const now = '2026-01-01T10:00:00.000Z';
const ana: ContactView = {
  id: 7,
  waId: '4915111110001',
  userId: null,
  phone: '+4915111110001',
  profileName: 'Ana L.',
  attributes: { first_name: 'Ana', budget: 1500 },
  tags: ['lead'],
  timezone: 'Europe/Berlin',
  marketingConsent: 'opted_out',
  consentChangedAt: '2026-01-01T09:00:00.000Z',
  consentSource: 'keyword STOP',
  lastInboundAt: '2026-01-01T09:00:00.000Z',
  windowOpen: true,
  windowExpiresAt: '2026-01-02T09:00:00.000Z',
  freeEntryUntil: null,
  lastAppReplyAt: null,
  pausedUntil: null,
  pausedIndefinitely: false,
  pauseReason: null,
  holds: [],
  adClick: null,
  createdAt: '2025-12-01T10:00:00.000Z',
};

/** The profile's API: the contact (changed by updateContact as the server would), its consent history, no runs and no messages. */
function profileApi(over: Record<string, unknown> = {}) {
  let contact = ana;
  const calls: { name: string; body: unknown }[] = [];
  const api = (async (route: RouteDef, input: { body?: Record<string, unknown> } = {}) => {
    const name = Object.entries(endpoints).find(([, r]) => r === route)![0];
    calls.push({ name, body: input.body });
    if (name in over) return over[name];
    switch (name) {
      case 'getContact':
        return contact;
      case 'updateContact': {
        const body = input.body as { addTags?: string[]; removeTags?: string[] };
        const tags = [...new Set([...contact.tags, ...(body.addTags ?? [])])].filter((t) => !(body.removeTags ?? []).includes(t)).sort();
        contact = { ...contact, tags };
        return contact;
      }
      case 'contactConsent':
        return {
          changes: [
            { consent: 'opted_out', previous: 'opted_in', source: 'keyword STOP', at: '2026-01-01T09:00:00.000Z' },
            { consent: 'opted_in', previous: 'unknown', source: 'import: ana@shop.test', at: '2025-12-01T10:00:00.000Z' },
          ],
        };
      case 'listRuns':
        return { runs: [] };
      case 'listFlows':
        return { flows: [] };
      case 'contactMessages':
        return { messages: [] };
      case 'listTemplates':
        return { templates: [] };
      default:
        throw new Error(`unexpected call ${name}`);
    }
  }) as unknown as ApiClient;
  return { api, calls };
}

const show = (role: 'agent' | 'editor', api: ApiClient) =>
  render(
    <ApiContext.Provider value={api}>
      <ContactsPage workspace={workspaceView({ role, now })} contactId="7" />
    </ApiContext.Provider>,
  );

describe('contact profile', () => {
  it('says until when the window is open and how the consent came, newest change first', async () => {
    show('agent', profileApi().api);
    expect((await screen.findByTestId('contact-window')).textContent).toContain('(23 hours left)');
    expect(screen.getByTestId('contact-consent-now').textContent).toBe('Opted out of marketing');
    const history = await screen.findByTestId('consent-history');
    expect([...history.querySelectorAll('li')].map((li) => li.querySelector('.tn-help')!.textContent)).toEqual([
      'They wrote “STOP” (before: agreed to marketing)',
      'Imported from a file by ana@shop.test',
    ]);
  });

  it('lets an agent read tags and attributes without changing them', async () => {
    show('agent', profileApi().api);
    const tags = await screen.findByTestId('contact-tags');
    expect(tags.textContent).toBe('lead');
    expect(screen.queryByTestId('contact-tag-input')).toBeNull();
    expect(screen.queryByLabelText('Change budget')).toBeNull();
    expect(screen.queryByTestId('consent-record')).toBeNull();
  });

  it('lets an editor add a tag and remove one, showing what the server kept', async () => {
    const { api, calls } = profileApi();
    show('editor', api);
    const input = await screen.findByTestId('contact-tag-input');
    await act(async () => {
      fireEvent.change(input, { target: { value: ' vip ' } });
      fireEvent.click(screen.getByTestId('contact-tag-add'));
    });
    await waitFor(() => expect(screen.getByTestId('contact-tags').textContent).toBe('leadvip'));
    expect(calls.filter((c) => c.name === 'updateContact').map((c) => c.body)).toEqual([{ addTags: ['vip'] }]);
    await act(async () => {
      fireEvent.click(within(screen.getByTestId('contact-tags')).getByLabelText('Remove the tag lead'));
    });
    await waitFor(() => expect(screen.getByTestId('contact-tags').textContent).toBe('vip'));
  });

  it('refuses a tag the contact already has, saying so, without asking the server', async () => {
    const { api, calls } = profileApi();
    show('editor', api);
    const input = await screen.findByTestId('contact-tag-input');
    await act(async () => {
      fireEvent.change(input, { target: { value: 'lead' } });
      fireEvent.click(screen.getByTestId('contact-tag-add'));
    });
    expect(screen.getByText('They already have the tag “lead”')).toBeTruthy();
    expect(calls.some((c) => c.name === 'updateContact')).toBe(false);
  });

  it('checks a new number attribute before saving it', async () => {
    const { api, calls } = profileApi();
    show('editor', api);
    const form = await screen.findByTestId('contact-attribute-add');
    await act(async () => {
      fireEvent.change(within(form).getByLabelText('New attribute name'), { target: { value: 'Shoe Size' } });
      fireEvent.change(within(form).getByLabelText('New attribute value'), { target: { value: '38' } });
      fireEvent.submit(form);
    });
    expect(within(form).getByText(/Use lower-case letters, digits and _/)).toBeTruthy();
    expect(calls.some((c) => c.name === 'updateContact')).toBe(false);
  });

  it('lists the journeys they are in, naming the step they wait at from the run’s own version, with a link to the flow', async () => {
    const run = (id: number, status: string, extra: Record<string, unknown>) => ({
      id,
      flowId: 'fl_cart',
      flowVersionId: 3,
      version: 2,
      contactId: 7,
      status,
      currentNode: null,
      waitingFor: null,
      outcome: null,
      endReason: null,
      startedAt: '2026-01-01T08:00:00.000Z',
      endedAt: null,
      ...extra,
    });
    const { api, calls } = profileApi({
      listRuns: {
        runs: [
          run(2, 'active', { currentNode: 'reply', waitingFor: 'reply' }),
          run(1, 'completed', { endedAt: '2025-12-20T08:00:00.000Z', flowId: 'fl_gone' }),
        ],
      },
      listFlows: { flows: [{ id: 'fl_cart', name: 'Abandoned cart recovery', liveVersion: 2, versionCount: 2, updatedAt: now, createdAt: now }] },
      getVersion: { id: 3, version: 2, note: '', createdAt: now, live: true, document: cart },
    });
    show('agent', api);
    const active = await screen.findByText('waiting for the contact to reply', { exact: false });
    const row = active.closest('tr')!;
    expect(row.textContent).toContain('Abandoned cart recovery');
    expect(row.textContent).toContain('Running');
    expect(row.querySelector('strong')!.textContent).toMatch(/^Ask/);
    expect(
      within(row as HTMLElement)
        .getByText('Abandoned cart recovery')
        .getAttribute('href'),
    ).toBe('#/w/ws_1/flows/fl_cart/v/2');
    const ended = screen.getByText('A deleted journey').closest('tr')!;
    expect(ended.textContent).toContain('Finished');
    expect(calls.filter((c) => c.name === 'listRuns')).toHaveLength(1);
  });

  it('says per journey why its messages wait after an App reply, and lets an agent resume them', async () => {
    const since = '2026-01-01T09:50:00.000Z';
    const held: ContactView = {
      ...ana,
      holds: [
        { runId: 1, flowId: 'f1', flowName: 'Order help', reason: 'human_active', rule: 'until_keyword', since, until: null, keyword: '#bot' },
        { runId: 2, flowId: 'f2', flowName: 'Restock', reason: 'human_active', rule: 'pause_for', since, until: '2026-01-01T10:20:00.000Z', minutes: 30 },
      ],
    } as ContactView;
    const { api, calls } = profileApi({ resumeContact: { ok: true } });
    let current = held;
    const withContact = (async (route: RouteDef, input: unknown) => {
      if (route === endpoints.getContact) return current;
      return (api as unknown as (r: RouteDef, i: unknown) => Promise<unknown>)(route, input);
    }) as unknown as ApiClient;
    show('agent', withContact);
    const lines = await screen.findAllByTestId('contact-hold');
    expect(lines.map((l) => l.textContent)).toEqual([
      expect.stringMatching(/^“Order help” waits: a person replied from the Business App at .+; it carries on when someone sends “#bot” from the App/),
      expect.stringMatching(/^“Restock” waits: .+; it pauses 30 minutes after the last App reply, so it speaks again at /),
    ]);
    current = { ...held, holds: [] };
    fireEvent.click(screen.getByTestId('contact-resume'));
    await waitFor(() => expect(screen.queryByTestId('contact-paused')).toBeNull());
    expect(calls.map((c) => c.name)).toContain('resumeContact');
  });

  it('says the bot is paused while a teammate answers, with a link to the conversation in the inbox', async () => {
    const handoff = { id: 12, contactId: 7, contactName: 'Ana L.', contactWaId: ana.waId, runId: null, team: 'support', status: 'taken' };
    const { api } = profileApi({
      getContact: { ...ana, pausedIndefinitely: true, pauseReason: 'handoff' },
      listHandoffs: {
        handoffs: [
          { ...handoff, id: 11, contactId: 8 },
          { ...handoff, assignee: 'Sam', openedAt: now, takenAt: now, lastMessage: null, unread: 0 },
        ],
      },
    });
    show('agent', api);
    expect((await screen.findByTestId('contact-paused')).textContent).toContain('A teammate is talking to them: every journey waits');
    const link = await screen.findByTestId('contact-handoff');
    expect(link.textContent).toContain('Sam is answering them');
    expect(link.getAttribute('href')).toBe('#/w/ws_1/inbox/12');
  });

  it('tells a viewer that contacts are for agents and up, without loading any', () => {
    render(
      <ApiContext.Provider value={profileApi().api}>
        <ContactsPage workspace={workspaceView({ role: 'viewer' })} contactId="7" />
      </ApiContext.Provider>,
    );
    expect(screen.getByTestId('contacts-agents-only').textContent).toContain('for agents, editors and admins');
  });
});
