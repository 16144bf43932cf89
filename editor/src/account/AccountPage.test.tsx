import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { ApiCallError, endpoints, type ApiClient, type RouteDef } from '@tandem/shared/api';
import { workspaceView } from '../../test/workspaceFixtures';
import { ApiContext } from '../api/client';
import { AccountPage } from './AccountPage';

const me = { user: { id: 'usr_1', email: 'me@shop.test', name: 'Me', instanceAdmin: false }, apiKey: null, csrfToken: 'c', workspaces: [] };

async function renderAccount(answer: (body: unknown) => unknown) {
  const sent: unknown[] = [];
  const api = (async (route: RouteDef, input: { body?: unknown } = {}) => {
    if (route === endpoints.me) return me;
    sent.push(input.body);
    return answer(input.body);
  }) as unknown as ApiClient;
  await act(async () => {
    render(
      <ApiContext.Provider value={api}>
        <AccountPage workspace={workspaceView({ role: 'editor' })} />
      </ApiContext.Provider>,
    );
  });
  return sent;
}

const type = (field: 'current' | 'next' | 'again', value: string) => fireEvent.change(screen.getByTestId(`password-${field}`), { target: { value } });
const submit = () => act(async () => fireEvent.submit(screen.getByTestId('change-password-form')));

describe('Your account: change password', () => {
  it('shows who is signed in', async () => {
    await renderAccount(() => undefined);
    expect(screen.getByTestId('account-email').textContent).toBe('me@shop.test');
  });

  it('says what is wrong before asking the server: too short, typed differently', async () => {
    const sent = await renderAccount(() => undefined);
    type('current', 'old-password-1');
    type('next', 'short');
    type('again', 'shorter');
    await submit();
    expect(screen.getByTestId('password-next-error').textContent).toBe('Too short: 5 of at least 10 characters');
    expect(screen.getByTestId('password-again-error').textContent).toBe('The two new passwords differ');
    expect(sent).toEqual([]);
  });

  it('changes it and says that other sessions were signed out', async () => {
    const sent = await renderAccount(() => ({ ok: true, otherSessionsEnded: 2 }));
    type('current', 'old-password-1');
    type('next', 'new-password-2');
    type('again', 'new-password-2');
    await submit();
    expect(sent).toEqual([{ currentPassword: 'old-password-1', newPassword: 'new-password-2' }]);
    expect(screen.getByTestId('password-changed').textContent).toBe('Your password is changed. You stay signed in here; 2 other sessions were signed out.');
    expect(screen.getByTestId<HTMLInputElement>('password-current').value).toBe('');
  });

  it('puts "wrong current password" next to that field', async () => {
    await renderAccount(() => {
      throw new ApiCallError(403, { error: { code: 'wrong_password', message: 'Your current password is not right' } });
    });
    type('current', 'not-it-at-all');
    type('next', 'new-password-2');
    type('again', 'new-password-2');
    await submit();
    expect(screen.getByTestId('password-current-error').textContent).toBe('Your current password is not right');
  });

  it('shows a refusal for too many tries as a banner', async () => {
    await renderAccount(() => {
      throw new ApiCallError(429, { error: { code: 'too_many_attempts', message: 'Too many wrong passwords. Try again in 15 minutes.' } });
    });
    type('current', 'not-it-at-all');
    type('next', 'new-password-2');
    type('again', 'new-password-2');
    await submit();
    expect(screen.getByTestId('password-error').textContent).toBe('Too many wrong passwords. Try again in 15 minutes.');
  });
});
