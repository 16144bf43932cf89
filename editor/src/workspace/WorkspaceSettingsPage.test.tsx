import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { endpoints, type ApiClient, type RouteDef } from '@tandem/shared/api';
import { workspaceView } from '../../test/workspaceFixtures';
import { ApiContext } from '../api/client';
import { WorkspaceSettingsPage } from './WorkspaceSettingsPage';

const noApi = (async () => {
  throw new Error('no call expected');
}) as unknown as ApiClient;
const select = () => screen.getByTestId<HTMLSelectElement>('read-receipts');

describe('workspace settings: read receipts', () => {
  it('is off by default on a coexistence number and says what turning it on does to the Business App', () => {
    render(
      <ApiContext.Provider value={noApi}>
        <WorkspaceSettingsPage workspace={workspaceView({ coexistence: true })} onChanged={() => undefined} />
      </ApiContext.Provider>,
    );
    expect(select().value).toBe('off');
    expect(select().selectedOptions[0]!.textContent).toBe('Off: leave messages unread (default)');
    expect(screen.getByTestId('read-receipts-coexistence').textContent).toContain(
      "the App's unread badge and unread count drop, so people using the App may miss that the customer wrote",
    );
    expect(screen.getByTestId('read-receipts-setting').textContent).toContain("“typing…” then shows until the bot's reply arrives");
  });

  it('leaves messages unread by default on a Cloud-API-only number too, without the coexistence warning', () => {
    render(
      <ApiContext.Provider value={noApi}>
        <WorkspaceSettingsPage workspace={workspaceView({ coexistence: false, transport: 'cloud' })} onChanged={() => undefined} />
      </ApiContext.Provider>,
    );
    expect(select().value).toBe('off');
    expect(screen.queryByTestId('read-receipts-coexistence')).toBeNull();
  });

  it("saves an admin's choice in the workspace settings", async () => {
    const calls: { route: RouteDef; body: unknown }[] = [];
    const api = (async (route: RouteDef, input: { body?: unknown }) => {
      calls.push({ route, body: input.body });
      return workspaceView();
    }) as unknown as ApiClient;
    const onChanged = vi.fn();
    render(
      <ApiContext.Provider value={api}>
        <WorkspaceSettingsPage workspace={workspaceView()} onChanged={onChanged} />
      </ApiContext.Provider>,
    );
    await act(async () => {
      fireEvent.change(select(), { target: { value: 'read_and_typing' } });
    });
    expect(calls).toEqual([{ route: endpoints.updateWorkspace, body: { settings: { readReceipts: 'read_and_typing' } } }]);
    expect(select().value).toBe('read_and_typing');
    expect(onChanged).toHaveBeenCalled();
  });

  it('shows the chosen setting to other members without letting them change it', () => {
    render(
      <ApiContext.Provider value={noApi}>
        <WorkspaceSettingsPage workspace={workspaceView({ role: 'editor', settings: { readReceipts: 'read' } })} onChanged={() => undefined} />
      </ApiContext.Provider>,
    );
    expect(select().value).toBe('read');
    expect(select().disabled).toBe(true);
    expect(within(screen.getByTestId('read-receipts-setting')).getByText('Only admins can change this.')).toBeTruthy();
  });
});

/** An API that records the page's calls and answers them with `answer`. */
function recordingApi(answer: (name: string, body: unknown) => unknown = () => workspaceView()) {
  const calls: { name: string; body: unknown }[] = [];
  const api = (async (route: RouteDef, input: { body?: unknown } = {}) => {
    const name = Object.entries(endpoints).find(([, r]) => r === route)![0];
    calls.push({ name, body: input.body });
    return answer(name, input.body);
  }) as unknown as ApiClient;
  return { api, calls };
}

const renderPage = async (api: ApiClient, workspace = workspaceView(), onChanged = () => undefined) => {
  await act(async () => {
    render(
      <ApiContext.Provider value={api}>
        <WorkspaceSettingsPage workspace={workspace} onChanged={onChanged} />
      </ApiContext.Provider>,
    );
  });
};
const typeIn = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('workspace settings: the WhatsApp number', () => {
  it('connects a sandbox: checks the fields first, then saves the number on the Cloud API with the token', async () => {
    const { api, calls } = recordingApi();
    const onChanged = vi.fn();
    await renderPage(api, workspaceView(), onChanged);
    expect(screen.getByTestId('number-status').textContent).toContain('This workspace is a sandbox');
    expect(screen.getByTestId('token-state').textContent).toBe('not set');
    typeIn('number-id', '+1 631 555 5555');
    await act(async () => fireEvent.submit(screen.getByTestId('number-form')));
    expect(screen.getByTestId('number-phoneNumberId-error').textContent).toContain('not the phone number with + or spaces');
    expect(screen.getByTestId('number-accessToken-error').textContent).toBe('Paste an access token: without it Tandem cannot send');
    expect(calls).toEqual([]);

    typeIn('number-id', '106540352242922');
    typeIn('number-token', 'EAAG-token-123456');
    const confirm = vi.fn((_question?: string) => true);
    window.confirm = confirm;
    await act(async () => fireEvent.submit(screen.getByTestId('number-form')));
    expect(confirm.mock.calls[0]![0]).toBe(
      'Connect Demo shop to this number? Published journeys start answering real customers, and the simulator stops here.',
    );
    expect(calls).toEqual([
      {
        name: 'updateWorkspace',
        body: {
          transport: 'cloud',
          phoneNumberId: '106540352242922',
          displayPhoneNumber: '',
          accessToken: 'EAAG-token-123456',
          coexistence: true,
          throughputMps: 20,
        },
      },
    ]);
    expect(screen.getByTestId('number-saved').textContent).toBe('Connected. Now test the connection.');
    expect(screen.getByTestId<HTMLInputElement>('number-token').value).toBe('');
    expect(onChanged).toHaveBeenCalled();
  });

  it('tests a connected number and says what Meta answered in plain words', async () => {
    const { api } = recordingApi((name) =>
      name === 'webhookSetup'
        ? { url: 'https://tandem.example.com/webhooks/whatsapp', verifyToken: 'my-verify-token', appSecretSet: false }
        : {
            ok: false,
            problem: 'token_invalid',
            metaCode: 190,
            message: 'Meta refused the access token: it is wrong, expired or was revoked.',
          },
    );
    await renderPage(api, workspaceView({ transport: 'cloud', phoneNumberId: '106540352242922', hasAccessToken: true }));
    expect(screen.getByTestId('token-state').textContent).toBe('set');
    expect(screen.getByTestId<HTMLInputElement>('webhook-url').value).toBe('https://tandem.example.com/webhooks/whatsapp');
    expect(screen.getByTestId<HTMLInputElement>('verify-token').value).toBe('my-verify-token');
    expect(screen.getByTestId('app-secret-missing').textContent).toContain('WHATSAPP_APP_SECRET');
    await act(async () => fireEvent.click(screen.getByTestId('test-connection')));
    expect(screen.getByTestId('connection-result').textContent).toBe(
      'Not connected. Meta refused the access token: it is wrong, expired or was revoked. (Meta error 190)',
    );
  });

  it('turns a connected workspace back into a sandbox after asking', async () => {
    const { api, calls } = recordingApi(() => ({ url: 'http://x/webhooks/whatsapp', verifyToken: 't', appSecretSet: true }));
    await renderPage(api, workspaceView({ transport: 'cloud', phoneNumberId: '106540352242922', hasAccessToken: true }));
    window.confirm = vi.fn(() => true);
    await act(async () => fireEvent.click(screen.getByTestId('back-to-sandbox')));
    expect(calls.find((c) => c.name === 'updateWorkspace')).toEqual({ name: 'updateWorkspace', body: { transport: 'sandbox' } });
    expect(screen.getByTestId('sandbox-saved').textContent).toBe('This workspace is a sandbox again.');
  });

  it('asks to save before testing changed fields', async () => {
    const { api } = recordingApi(() => ({ url: 'http://x/webhooks/whatsapp', verifyToken: 't', appSecretSet: true }));
    await renderPage(api, workspaceView({ transport: 'cloud', phoneNumberId: '106540352242922', hasAccessToken: true }));
    typeIn('number-id', '106540352242923');
    expect(screen.getByTestId<HTMLButtonElement>('test-connection').disabled).toBe(true);
    expect(screen.getByTestId('connection-check').textContent).toContain('Save your changes first');
  });

  it('shows other members the connection without the form, the token as set or not', async () => {
    await renderPage(noApi, workspaceView({ role: 'editor', transport: 'cloud', phoneNumberId: '106540352242922', hasAccessToken: true }));
    expect(screen.queryByTestId('number-form')).toBeNull();
    expect(screen.getByTestId('connect-number').textContent).toContain('Access tokenSet');
  });
});

describe('workspace settings: marketing, consent and new flows', () => {
  it('saves a frequency cap and the consent words', async () => {
    const { api, calls } = recordingApi();
    await renderPage(api);
    fireEvent.click(screen.getByTestId('cap-on'));
    typeIn('cap-max', '2');
    typeIn('cap-hours', '168');
    expect(screen.getByTestId('messaging-settings').textContent).toContain('(7 days)');
    typeIn('opt-out-keywords', 'STOP, Abmelden');
    typeIn('opt-out-reply', '');
    await act(async () => fireEvent.click(screen.getByTestId('messaging-save')));
    expect(calls).toEqual([
      {
        name: 'updateWorkspace',
        body: {
          settings: {
            marketingCap: { max: 2, periodHours: 168 },
            optOutKeywords: ['STOP', 'Abmelden'],
            optInKeywords: ['START', 'SUBSCRIBE', 'UNSTOP'],
            optOutReply: '',
          },
        },
      },
    ]);
    expect(screen.getByTestId('messaging-saved').textContent).toBe('Saved. It applies to the next messages.');
  });

  it("saves the time zone and quiet hours new flows start with, and shows the server's refusal", async () => {
    const { api, calls } = recordingApi(() => {
      throw new Error('The server cannot be reached');
    });
    await renderPage(api);
    fireEvent.change(screen.getByTestId('default-timezone'), { target: { value: 'Europe/Paris' } });
    fireEvent.click(screen.getByTestId('quiet-on'));
    typeIn('quiet-start', '22:00');
    expect(screen.getByTestId('flow-defaults').textContent).toContain('(from 22:00 until 08:00 the next day)');
    await act(async () => fireEvent.click(screen.getByTestId('defaults-save')));
    expect(calls[0]).toEqual({
      name: 'updateWorkspace',
      body: { settings: { defaultTimezone: 'Europe/Paris', defaultQuietHours: { start: '22:00', end: '08:00' } } },
    });
    expect(screen.getByTestId('defaults-error').textContent).toBe('Not saved: The server cannot be reached');
  });

  it('lets other members read the settings without changing them', async () => {
    await renderPage(noApi, workspaceView({ role: 'agent', settings: { marketingCap: { max: 3, periodHours: 24 }, defaultTimezone: 'Asia/Tokyo' } }));
    expect(screen.getByTestId<HTMLInputElement>('cap-max').value).toBe('3');
    expect(screen.getByTestId<HTMLInputElement>('cap-max').closest('fieldset')!.disabled).toBe(true);
    expect(screen.getByTestId<HTMLSelectElement>('default-timezone').value).toBe('Asia/Tokyo');
    expect(screen.queryByTestId('messaging-save')).toBeNull();
  });
});

describe('workspace settings: another workspace', () => {
  it('shows the other workspace’s values when the page moves to it, not what was typed for the first', async () => {
    const { api } = recordingApi();
    const first = workspaceView({ id: 'ws_1', settings: { marketingCap: { max: 3, periodHours: 24 } } });
    let rerender: (ui: React.ReactElement) => void = () => undefined;
    await act(async () => {
      ({ rerender } = render(
        <ApiContext.Provider value={api}>
          <WorkspaceSettingsPage workspace={first} onChanged={() => undefined} />
        </ApiContext.Provider>,
      ));
    });
    typeIn('cap-max', '9');
    await act(async () => {
      rerender(
        <ApiContext.Provider value={api}>
          <WorkspaceSettingsPage workspace={workspaceView({ id: 'ws_2', settings: {} })} onChanged={() => undefined} />
        </ApiContext.Provider>,
      );
    });
    expect(screen.queryByTestId('cap-max')).toBeNull();
    expect(screen.getByTestId<HTMLInputElement>('cap-on').checked).toBe(false);
  });
});
