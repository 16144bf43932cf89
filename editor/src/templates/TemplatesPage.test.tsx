import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { ApiCallError, endpoints, type ApiClient, type RouteDef, type WorkspaceView } from '@tandem/shared/api';
import { demoTemplates, workspaceView } from '../../test/workspaceFixtures';
import { ApiContext } from '../api/client';
import type { TemplateView } from '../workspace/types';
import { TemplatesPage } from './TemplatesPage';

const paused: TemplateView = { ...demoTemplates[0]!, id: 90, name: 'summer_sale', status: 'PAUSED', quality: 'RED', source: 'meta' };
const rejected: TemplateView = { ...demoTemplates[0]!, id: 91, name: 'spring_offer', status: 'REJECTED', rejectedReason: 'INVALID_FORMAT', source: 'meta' };

async function renderPage(workspace: WorkspaceView, templates: TemplateView[], sync: () => unknown = () => ({ synced: 0 })) {
  const calls: string[] = [];
  const api = (async (route: RouteDef) => {
    if (route === endpoints.listTemplates) return { templates };
    if (route === endpoints.syncTemplates) {
      calls.push('sync');
      return sync();
    }
    throw new Error('unexpected call');
  }) as unknown as ApiClient;
  await act(async () => {
    render(
      <ApiContext.Provider value={api}>
        <TemplatesPage workspace={workspace} />
      </ApiContext.Provider>,
    );
  });
  return calls;
}

const cloud = (role: WorkspaceView['role']) => workspaceView({ role, transport: 'cloud', wabaId: '1029', hasAccessToken: true });

describe('TemplatesPage', () => {
  it('lets a viewer read templates but neither add nor sync them', async () => {
    await renderPage(workspaceView({ role: 'viewer' }), [...demoTemplates]);
    expect(screen.getAllByTestId('template')).toHaveLength(demoTemplates.length);
    expect(screen.queryByTestId('new-template')).toBeNull();
    expect(screen.queryByTestId('sync-templates')).toBeNull();
    expect(screen.getByText(/an editor or admin adds or syncs them/)).toBeTruthy();
  });

  it('tells an empty sandbox what to do next', async () => {
    await renderPage(workspaceView({ role: 'editor' }), []);
    expect(screen.getByTestId('templates-empty').textContent).toContain('Add one with “New template”.');
    expect(screen.getByTestId('new-template')).toBeTruthy();
    expect(screen.queryByTestId('sync-templates')).toBeNull();
  });

  it('syncs a real number from Meta and says how many came', async () => {
    const calls = await renderPage(cloud('editor'), [paused], () => ({ synced: 3 }));
    expect(screen.queryByTestId('new-template')).toBeNull();
    await act(async () => fireEvent.click(screen.getByTestId('sync-templates')));
    expect(calls).toEqual(['sync']);
    expect(screen.getByTestId('sync-result').textContent).toBe('3 templates synced from Meta.');
  });

  it("shows Meta's refusal of a sync in its words", async () => {
    await renderPage(cloud('admin'), [], () => {
      throw new ApiCallError(502, { error: { code: 'provider_rejected', message: 'WhatsApp refused to list the templates: Invalid OAuth access token' } });
    });
    await act(async () => fireEvent.click(screen.getByTestId('sync-templates')));
    expect(screen.getByTestId('sync-result').textContent).toBe('The sync did not work: WhatsApp refused to list the templates: Invalid OAuth access token');
  });

  it('filters by status and search, and says why Meta rejected or paused a template', async () => {
    await renderPage(cloud('viewer'), [...demoTemplates, paused, rejected]);
    await act(async () => fireEvent.click(screen.getByRole('tab', { name: 'Rejected or paused' })));
    expect(screen.getAllByTestId('template').map((t) => t.dataset.name)).toEqual(['summer_sale', 'spring_offer']);
    const sale = within(screen.getAllByTestId('template')[0]!);
    expect(sale.getByTestId('template-status').textContent).toBe('Paused');
    expect(sale.getByText('Low quality')).toBeTruthy();
    expect(screen.getByText(/Why: The format is not accepted/)).toBeTruthy();
    await act(async () => fireEvent.change(screen.getByTestId('template-search'), { target: { value: 'spring' } }));
    expect(screen.getAllByTestId('template').map((t) => t.dataset.name)).toEqual(['spring_offer']);
  });
});
