import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
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
    expect(screen.getByText('Only admins can change this.')).toBeTruthy();
  });
});
