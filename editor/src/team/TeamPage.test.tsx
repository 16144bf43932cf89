import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { endpoints, type ApiClient, type MemberView, type RouteDef } from '@tandem/shared/api';
import { workspaceView } from '../../test/workspaceFixtures';
import { ApiContext } from '../api/client';
import { TeamPage } from './TeamPage';

const me = { id: 'usr_me', email: 'me@shop.test', name: 'Me', instanceAdmin: false };
const member = (id: string, email: string, role: MemberView['role']): MemberView => ({ id, email, name: email.split('@')[0]!, instanceAdmin: false, role });

/** A fake API answering the Team page's calls from a list of members and keys; records the writes. */
function fakeApi(members: MemberView[]) {
  const calls: { name: string; body?: unknown; params?: unknown }[] = [];
  const keys = [{ id: 'key_1', name: 'Shopify', role: 'editor' as const, prefix: 'tdm_key_1', createdAt: '2026-01-01T00:00:00.000Z', lastUsedAt: null }];
  const api = (async (route: RouteDef, input: { body?: Record<string, unknown>; params?: Record<string, string> } = {}) => {
    const name = Object.entries(endpoints).find(([, r]) => r === route)![0];
    calls.push({ name, body: input.body, params: input.params });
    switch (name) {
      case 'me':
        return { user: me, apiKey: null, csrfToken: 'c', workspaces: [] };
      case 'listMembers':
        return { members };
      case 'addMember':
        return { ...member('usr_new', String(input.body!.email), input.body!.role as MemberView['role']), created: true };
      case 'listApiKeys':
        return { keys };
      case 'auditLog':
        return {
          entries: [
            {
              id: 2,
              actor: 'me@shop.test',
              action: 'member.role',
              target: 'ana@shop.test',
              detail: { from: 'agent', to: 'editor' },
              at: '2026-01-02T10:00:00.000Z',
            },
            {
              id: 1,
              actor: 'key Shopify (key_0123456789abcdef)',
              action: 'flow.publish',
              target: 'fl_1',
              detail: { version: 2, note: '' },
              at: '2026-01-01T10:00:00.000Z',
            },
          ],
        };
      case 'listFlows':
        return { flows: [{ id: 'fl_1', name: 'Welcome' }] };
      case 'createApiKey':
        return { ...keys[0]!, id: 'key_2', name: input.body!.name, role: input.body!.role, prefix: 'tdm_key_2', key: 'tdm_key_2_secretsecretsecretsecret' };
      default:
        return { ok: true };
    }
  }) as unknown as ApiClient;
  return { api, calls };
}

/** The people table's row of a member. */
const row = (email: string) => within(screen.getByTestId('team-members')).getByText(email).closest('tr')!;

/** Answers the page's confirmation questions in turn (happy-dom has no window.confirm). */
function answerConfirm(...answers: boolean[]) {
  const confirm = vi.fn((_question?: string) => answers.shift() ?? false);
  window.confirm = confirm;
  return confirm;
}

async function renderTeam(members: MemberView[], role: MemberView['role'] = 'admin') {
  const fake = fakeApi(members);
  await act(async () => {
    render(
      <ApiContext.Provider value={fake.api}>
        <TeamPage workspace={workspaceView({ role, name: 'Bloom' })} />
      </ApiContext.Provider>,
    );
  });
  return fake;
}

describe('Team page', () => {
  it('tells a non-admin plainly that only admins see it, and asks the server nothing', async () => {
    const { calls } = await renderTeam([], 'editor');
    expect(screen.getByTestId('team-admins-only').textContent).toContain('Only admins of Bloom can see the team and manage API keys. Your role here is editor');
    expect(calls).toEqual([]);
  });

  it('lists the people with their roles and marks the caller', async () => {
    await renderTeam([member('usr_me', 'me@shop.test', 'admin'), member('usr_2', 'ana@shop.test', 'agent')]);
    const ana = row('ana@shop.test');
    expect(within(ana).getByTestId<HTMLSelectElement>('member-role-select').value).toBe('agent');
    expect(within(row('me@shop.test')).getByText('you')).toBeTruthy();
  });

  it('keeps the only admin from being demoted or removed, and says why', async () => {
    await renderTeam([member('usr_me', 'me@shop.test', 'admin'), member('usr_2', 'ana@shop.test', 'editor')]);
    const mine = row('me@shop.test');
    expect(within(mine).getByTestId<HTMLSelectElement>('member-role-select').disabled).toBe(true);
    expect(within(mine).getByTestId<HTMLButtonElement>('remove-member').disabled).toBe(true);
    expect(mine.textContent).toContain('The only admin: make someone else an admin first.');
  });

  it("changes a member's role at once and says so", async () => {
    const { calls } = await renderTeam([member('usr_me', 'me@shop.test', 'admin'), member('usr_2', 'ana@shop.test', 'agent')]);
    const select = within(row('ana@shop.test')).getByTestId('member-role-select');
    await act(async () => {
      fireEvent.change(select, { target: { value: 'editor' } });
    });
    expect(calls.find((c) => c.name === 'updateMember')).toEqual({
      name: 'updateMember',
      params: { workspaceId: 'ws_1', userId: 'usr_2' },
      body: { role: 'editor' },
    });
    expect(screen.getByTestId('team-message').textContent).toBe('ana@shop.test is now editor.');
  });

  it('removes a member only after the admin confirms', async () => {
    const { calls } = await renderTeam([member('usr_me', 'me@shop.test', 'admin'), member('usr_2', 'ana@shop.test', 'agent')]);
    const confirm = answerConfirm(false, true);
    const remove = within(row('ana@shop.test')).getByTestId('remove-member');
    await act(async () => fireEvent.click(remove));
    expect(calls.some((c) => c.name === 'removeMember')).toBe(false);
    await act(async () => fireEvent.click(remove));
    expect(confirm.mock.calls[1]![0]).toContain('Remove ana@shop.test from Bloom? They lose access at once');
    expect(calls.find((c) => c.name === 'removeMember')?.params).toEqual({ workspaceId: 'ws_1', userId: 'usr_2' });
  });

  it('adds a new person with a first password and shows that password once, to pass on', async () => {
    const { calls } = await renderTeam([member('usr_me', 'me@shop.test', 'admin')]);
    await act(async () => fireEvent.click(screen.getByTestId('add-member')));
    fireEvent.change(screen.getByTestId('member-email'), { target: { value: 'new@shop.test' } });
    fireEvent.change(screen.getByTestId('member-role'), { target: { value: 'agent' } });
    const password = screen.getByTestId<HTMLInputElement>('member-password').value;
    expect(password).toHaveLength(16);
    await act(async () => fireEvent.submit(screen.getByTestId('add-member-form')));
    expect(calls.find((c) => c.name === 'addMember')?.body).toEqual({ email: 'new@shop.test', role: 'agent', password });
    expect(screen.getByTestId('member-added').textContent).toContain('new@shop.test can now use Bloom as agent.');
    expect(screen.getByTestId('member-added-password').textContent).toBe(password);
  });

  it('lists recent changes in sentences, naming people, keys and flows', async () => {
    await renderTeam([member('usr_me', 'me@shop.test', 'admin')]);
    const lines = [...screen.getByTestId('audit-log').querySelectorAll('li')].map((li) => li.textContent!.replace(/^.*?(?=me@|API key)/, ''));
    expect(lines).toEqual(['me@shop.test changed the role of ana@shop.test from agent to editor', 'API key “Shopify” published version 2 of “Welcome”']);
  });

  it('creates an API key, shows it once with a warning, and revokes keys after confirming', async () => {
    const { calls } = await renderTeam([member('usr_me', 'me@shop.test', 'admin')]);
    expect(screen.getByText('Shopify').closest('tr')!.textContent).toContain('tdm_key_1_…');
    await act(async () => fireEvent.click(screen.getByTestId('create-key')));
    fireEvent.change(screen.getByTestId('key-name'), { target: { value: 'CRM' } });
    fireEvent.click(screen.getByTestId('key-role-viewer'));
    await act(async () => fireEvent.click(screen.getByTestId('create-key-submit')));
    expect(calls.find((c) => c.name === 'createApiKey')?.body).toEqual({ name: 'CRM', role: 'viewer' });
    expect(screen.getByTestId<HTMLInputElement>('new-key-value').value).toBe('tdm_key_2_secretsecretsecretsecret');
    expect(screen.getByTestId('new-key').textContent).toContain('Tandem shows it only this once');
    await act(async () => fireEvent.click(screen.getByTestId('new-key-done')));
    expect(screen.queryByTestId('new-key')).toBeNull();

    const confirm = answerConfirm(true);
    await act(async () => fireEvent.click(within(screen.getByText('Shopify').closest('tr')!).getByTestId('revoke-key')));
    expect(confirm.mock.calls[0]![0]).toContain('Every system using it is refused from its next request on');
    expect(calls.find((c) => c.name === 'revokeApiKey')?.params).toEqual({ workspaceId: 'ws_1', keyId: 'key_1' });
  });
});
