import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { oneNodeFlow, renderWithStores } from '../../test/renderPanel';
import { workspaceData } from '../../test/workspaceFixtures';
import { WorkspaceDataContext, type WorkspaceData } from '../workspace/workspaceData';
import { NodeConfigPanel } from './NodeConfigPanel';

const flowStep = (data: Record<string, unknown> = {}) =>
  oneNodeFlow('send-flow', { flow: { id: '', name: '' }, screen: '', body: 'Please fill in this short form.', cta: 'Open form', ...data });

function renderPicker(data?: Record<string, unknown>, over: Partial<WorkspaceData> = {}) {
  const rendered = renderWithStores(
    flowStep(data),
    <WorkspaceDataContext.Provider value={workspaceData(over)}>
      <NodeConfigPanel nodeId="n" />
    </WorkspaceDataContext.Provider>,
  );
  const select = within(screen.getByTestId('wa-flow-picker')).getByRole('combobox', { name: 'WhatsApp Flow' }) as HTMLSelectElement;
  const step = () => rendered.flow.getState().doc.nodes[0]!.data;
  return { ...rendered, select, step };
}

describe('the WhatsApp Flow picker of "Send WhatsApp Flow"', () => {
  it("lists the workspace's Flows by name with their categories, and the status of those not published", () => {
    const { select } = renderPicker();
    expect([...select.options].map((o) => [o.textContent, o.disabled])).toEqual([
      ['Pick a WhatsApp Flow…', false],
      ['appointment_booking · appointment booking', false],
      ['feedback_survey · survey, other · draft', false],
      ['lead_signup · lead generation', false],
    ]);
  });

  it("sets the Flow's id and name and opens it on its first screen when no screen is set", () => {
    const { select, step, container } = renderPicker();
    fireEvent.change(select, { target: { value: '2814653498770231' } });
    expect(step()).toMatchObject({ flow: { id: '2814653498770231', name: 'lead_signup' }, screen: 'LEAD_FORM' });
    expect((container.querySelector('input[data-path="flow.name"]') as HTMLInputElement).value).toBe('lead_signup');
    expect((container.querySelector('input[data-path="screen"]') as HTMLInputElement).value).toBe('LEAD_FORM');
    const card = screen.getByTestId('wa-flow-card');
    expect(screen.getByTestId('wa-flow-status').textContent).toBe('published');
    expect([...card.querySelectorAll('[data-field]')].map((li) => li.textContent)).toEqual([
      'name Your name · text, required',
      'email Email · email, required',
      'interest What are you interested in? · choice, required',
      'marketing_opt_in Send me offers on WhatsApp · boolean',
    ]);
  });

  it('keeps a screen already set, and is one undo step', () => {
    const { select, step, flow } = renderPicker({ screen: 'WELCOME' });
    fireEvent.change(select, { target: { value: '1052938476610384' } });
    expect(step()).toMatchObject({ flow: { id: '1052938476610384', name: 'appointment_booking' }, screen: 'WELCOME' });
    flow.getState().undo();
    expect(step()).toMatchObject({ flow: { id: '', name: '' }, screen: 'WELCOME' });
  });

  it("moves to the new Flow's first screen when the screen set was the previous Flow's", () => {
    const { select, step } = renderPicker({ flow: { id: '2814653498770231', name: 'lead_signup' }, screen: 'LEAD_FORM' });
    fireEvent.change(select, { target: { value: '1052938476610384' } });
    expect(step().screen).toBe('PICK_SLOT');
  });

  it('lets an unpublished Flow be picked and says it cannot reach customers yet', () => {
    const { select, step } = renderPicker();
    fireEvent.change(select, { target: { value: '3000000000000001' } });
    expect(step()).toMatchObject({ flow: { id: '3000000000000001', name: 'feedback_survey' }, screen: 'RATE' });
    expect(screen.getByTestId('wa-flow-status').textContent).toBe('draft');
    expect(screen.getByTestId('wa-flow-card').textContent).toContain('WhatsApp sends only published Flows to customers');
  });

  it("offers to save every answer to a journey variable of the field's name while the step saves none", () => {
    const { select, step, container } = renderPicker();
    fireEvent.change(select, { target: { value: '2814653498770231' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save its 4 answers to journey variables' }));
    expect(step().answers).toEqual([
      { field: 'name', saveTo: { scope: 'vars', name: 'name' } },
      { field: 'email', saveTo: { scope: 'vars', name: 'email' } },
      { field: 'interest', saveTo: { scope: 'vars', name: 'interest' } },
      { field: 'marketing_opt_in', saveTo: { scope: 'vars', name: 'marketing_opt_in' } },
    ]);
    expect(container.querySelectorAll('[data-path^="answers."][data-path$=".field"]')).toHaveLength(4);
    expect(screen.queryByTestId('wa-flow-save-answers')).toBeNull();
  });

  it('does not offer it when the step already saves answers', () => {
    renderPicker({ flow: { id: '2814653498770231', name: 'lead_signup' }, answers: [{ field: 'email', saveTo: { scope: 'contact', name: 'email' } }] });
    expect(screen.getByTestId('wa-flow-card')).toBeTruthy();
    expect(screen.queryByTestId('wa-flow-save-answers')).toBeNull();
  });

  it('says when the step sends a Flow the workspace does not have', () => {
    const { select } = renderPicker({ flow: { id: '999', name: 'old_form' } });
    expect(select.options[0]!.textContent).toBe('old_form — not in this workspace');
    expect(select.value).toBe('');
    expect(screen.queryByTestId('wa-flow-card')).toBeNull();
  });

  it('syncs the Flows from WhatsApp and says how many came back', async () => {
    const syncWaFlows = vi.fn(async () => ({ synced: 2, unreadable: ['broken_form'] }));
    renderPicker({}, { syncWaFlows });
    fireEvent.click(screen.getByRole('button', { name: /Sync from WhatsApp/ }));
    await waitFor(() => expect(screen.getByTestId('wa-flow-sync-result').textContent).toBe('Synced 2 Flows; could not read broken_form'));
    expect(syncWaFlows).toHaveBeenCalledTimes(1);
  });

  it('shows why a sync failed', async () => {
    renderPicker(
      {},
      {
        syncWaFlows: async () => {
          throw new Error('Set the WhatsApp Business Account id and the access token first');
        },
      },
    );
    fireEvent.click(screen.getByRole('button', { name: /Sync from WhatsApp/ }));
    const result = await screen.findByTestId('wa-flow-sync-result');
    expect([result.getAttribute('role'), result.textContent]).toEqual(['alert', 'Set the WhatsApp Business Account id and the access token first']);
  });

  it('is a plain text box without a workspace (the playground)', () => {
    const { container } = renderWithStores(flowStep({ flow: { id: '2814653498770231', name: 'lead_signup' } }), <NodeConfigPanel nodeId="n" />);
    expect(screen.queryByTestId('wa-flow-picker')).toBeNull();
    expect((container.querySelector('input[data-path="flow.id"]') as HTMLInputElement).value).toBe('2814653498770231');
  });
});
