import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { endpoints, type ApiClient, type RouteDef } from '@tandem/shared/api';
import { workspaceView } from '../../test/workspaceFixtures';
import { ApiContext } from '../api/client';
import { WorkspaceAlerts } from './WorkspaceShell';

const noApi = (async () => {
  throw new Error('no call expected');
}) as unknown as ApiClient;

describe('workspace alerts', () => {
  it('shows nothing when all is well', () => {
    const { container } = render(
      <ApiContext.Provider value={noApi}>
        <WorkspaceAlerts workspace={workspaceView()} onChanged={() => undefined} />
      </ApiContext.Provider>,
    );
    expect(container.textContent).toBe('');
  });

  it("shows the number's alerts and paused sending, and lets an admin resume sending", async () => {
    const calls: { route: RouteDef; body: unknown }[] = [];
    const api = (async (route: RouteDef, input: { body?: unknown }) => {
      calls.push({ route, body: input.body });
      return workspaceView();
    }) as unknown as ApiClient;
    const onChanged = vi.fn();
    const ws = workspaceView({
      sendsPausedReason: 'WhatsApp reported error 131048 (spam rate limit)',
      alerts: [{ kind: 'number_disconnected', message: 'The number is disconnected from the Business App', at: '2026-01-01T09:00:00.000Z' }],
    });
    render(
      <ApiContext.Provider value={api}>
        <WorkspaceAlerts workspace={ws} onChanged={onChanged} />
      </ApiContext.Provider>,
    );
    expect(screen.getByTestId('sends-paused').textContent).toContain('Sending is paused: WhatsApp reported error 131048');
    expect(document.querySelector('[data-alert="number_disconnected"]')!.textContent).toContain('The number is disconnected from the Business App');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Resume sending' }));
    });
    expect(calls).toEqual([{ route: endpoints.updateWorkspace, body: { resumeSends: true } }]);
    expect(onChanged).toHaveBeenCalled();
  });

  it('offers resuming only to admins', () => {
    render(
      <ApiContext.Provider value={noApi}>
        <WorkspaceAlerts workspace={workspaceView({ role: 'editor', sendsPausedReason: 'paused' })} onChanged={() => undefined} />
      </ApiContext.Provider>,
    );
    expect(screen.queryByRole('button', { name: 'Resume sending' })).toBeNull();
  });
});
