import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { templateInfoSchema } from '@tandem/shared';
import { oneNodeFlow, renderWithStores } from '../../test/renderPanel';
import { demoTemplates, workspaceData } from '../../test/workspaceFixtures';
import { WorkspaceDataContext } from '../workspace/workspaceData';
import { NodeConfigPanel } from './NodeConfigPanel';

const templateStep = oneNodeFlow('send-template', { template: { name: 'hello_world', language: 'en_US', category: 'UTILITY' } });

function renderPicker() {
  return renderWithStores(
    templateStep,
    <WorkspaceDataContext.Provider value={workspaceData()}>
      <NodeConfigPanel nodeId="n" />
    </WorkspaceDataContext.Provider>,
  );
}

describe('the template picker of "Send template"', () => {
  it("offers the workspace's templates and says when the step's template is not among them", () => {
    renderPicker();
    const select = within(screen.getByTestId('template-picker')).getByRole('combobox') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'hello_world (en_US) — not in this workspace',
      'cart_reminder (en) · marketing',
      'order_shipped (en) · utility',
      'welcome (en) · utility',
    ]);
  });

  it('fills the step from the picked template and shows its text, category and variables', () => {
    const { flow, container } = renderPicker();
    const select = within(screen.getByTestId('template-picker')).getByRole('combobox');
    fireEvent.change(select, { target: { value: 'cart_reminder|en' } });
    const data = flow.getState().doc.nodes[0]!.data;
    expect(data.template).toEqual({ name: 'cart_reminder', language: 'en', category: 'MARKETING' });
    expect(data.body).toEqual([{ value: '' }, { value: '' }]);
    expect(data.optOutButton).toBe(1);
    const card = screen.getByTestId('template-card');
    expect(card.textContent).toContain('Hi {{1}}, you left {{2}} in your cart.');
    expect(card.textContent).toContain('marketing');
    expect(screen.getByTestId('template-variable-count').textContent).toBe('2 variables');
    // The form now has one value field per variable, each asking to be filled.
    expect(container.querySelectorAll('[data-path^="body."][data-path$=".value"]')).toHaveLength(2);
    expect((container.querySelector('[data-path="template.language"]') as HTMLInputElement).value).toBe('en');
  });

  it('is one undo step', () => {
    const { flow } = renderPicker();
    fireEvent.change(within(screen.getByTestId('template-picker')).getByRole('combobox'), { target: { value: 'order_shipped|en' } });
    flow.getState().undo();
    expect(flow.getState().doc.nodes[0]!.data).toEqual({ template: { name: 'hello_world', language: 'en_US', category: 'UTILITY' } });
  });

  it('is a plain text box without a workspace (the playground)', () => {
    const { container } = renderWithStores(templateStep, <NodeConfigPanel nodeId="n" />);
    expect(screen.queryByTestId('template-picker')).toBeNull();
    expect((container.querySelector('input[data-path="template.name"]') as HTMLInputElement).value).toBe('hello_world');
  });
});

describe('the template picker inside other settings (a Flow step outside the window)', () => {
  it('fills that reference only: name, language, category, one value per variable and the Flow button', () => {
    const leadInvite = {
      ...templateInfoSchema.parse({
        name: 'lead_invite',
        language: 'en',
        category: 'MARKETING',
        bodyParameters: ['1'],
        buttons: [
          { type: 'QUICK_REPLY', text: 'Not now' },
          { type: 'FLOW', text: 'Sign up' },
        ],
        text: { body: 'Hi {{1}}, join our list?' },
      }),
      id: 99,
      source: 'sandbox' as const,
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    const outsideWindow = { name: 'old_invite', language: 'en', category: 'UTILITY', buttonIndex: 0, body: ['Ana', 'extra'] };
    const { flow } = renderWithStores(
      oneNodeFlow('send-flow', { flow: { id: '2814653498770231', name: 'lead_signup' }, screen: 'LEAD_FORM', body: 'Join us', cta: 'Sign up', outsideWindow }),
      <WorkspaceDataContext.Provider value={workspaceData({ templates: [...demoTemplates, leadInvite] })}>
        <NodeConfigPanel nodeId="n" />
      </WorkspaceDataContext.Provider>,
    );
    fireEvent.change(within(screen.getByTestId('template-picker')).getByRole('combobox'), { target: { value: 'lead_invite|en' } });
    const data = flow.getState().doc.nodes[0]!.data;
    expect(data.outsideWindow).toEqual({ name: 'lead_invite', language: 'en', category: 'MARKETING', buttonIndex: 1, body: ['Ana'] });
    expect(data.body).toBe('Join us');
    expect(data.template).toBeUndefined();
  });
});

describe('the flow picker of "Go to flow"', () => {
  it("lists the workspace's other flows by name and stores the chosen id", () => {
    const flows = [
      { id: 'fl_1', name: 'This flow', liveVersion: 1, versionCount: 1, updatedAt: '', createdAt: '' },
      { id: 'fl_menu', name: 'Main menu', liveVersion: 2, versionCount: 2, updatedAt: '', createdAt: '' },
      { id: 'fl_new', name: 'Draft idea', liveVersion: null, versionCount: 0, updatedAt: '', createdAt: '' },
    ];
    const { flow } = renderWithStores(
      oneNodeFlow('go-to-flow', { flowId: 'main-menu' }),
      <WorkspaceDataContext.Provider value={workspaceData({ flows })}>
        <NodeConfigPanel nodeId="n" />
      </WorkspaceDataContext.Provider>,
    );
    const select = screen.getByTestId('flow-picker') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['main-menu — not in this workspace', 'Main menu', 'Draft idea (not published)']);
    fireEvent.change(select, { target: { value: 'fl_menu' } });
    expect(flow.getState().doc.nodes[0]!.data).toEqual({ flowId: 'fl_menu' });
  });
});
