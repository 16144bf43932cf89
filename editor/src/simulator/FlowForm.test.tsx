import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { waFlowInfoSchema } from '@tandem/shared';
import { ApiCallError, endpoints, type ApiClient, type RouteDef } from '@tandem/shared/api';
import { demoWaFlows } from '../../test/workspaceFixtures';
import { ApiContext } from '../api/client';
import type { FlowOpening } from '../chat/ChatThread';
import { FlowForm } from './FlowForm';

/** A Flow with a field of every type, over two screens. */
const everyType = waFlowInfoSchema.parse({
  id: '4000000000000001',
  name: 'every_type',
  screens: [
    {
      id: 'ABOUT',
      title: 'About you',
      fields: [
        { name: 'full_name', label: 'Name', type: 'text', required: true },
        { name: 'email', label: 'Email', type: 'email' },
        { name: 'phone', label: 'Phone', type: 'phone' },
        { name: 'age', label: 'Age', type: 'number' },
        { name: 'birthday', label: 'Birthday', type: 'date' },
      ],
    },
    {
      id: 'PREFS',
      title: 'Preferences',
      fields: [
        {
          name: 'size',
          label: 'Size',
          type: 'choice',
          options: [
            { id: 's', title: 'Small' },
            { id: 'l', title: 'Large' },
          ],
        },
        {
          name: 'colours',
          label: 'Colours',
          type: 'multi_choice',
          required: true,
          options: [
            { id: 'red', title: 'Red' },
            { id: 'blue', title: 'Blue' },
          ],
        },
        { name: 'newsletter', label: 'Newsletter', type: 'boolean' },
        // A value handed on from the first screen is asked once.
        { name: 'full_name', label: 'Name', type: 'text' },
      ],
    },
  ],
});

const leadOpening: FlowOpening = { token: 'tandem.41.2814653498770231', flowId: '2814653498770231', title: 'lead_signup', contextWamid: 'wamid.sim.flow1' };

function renderForm(opening: FlowOpening, answer: (body: unknown) => unknown = () => ({ wamid: 'wamid.sim.reply' })) {
  const calls: { route: RouteDef; params: unknown; body: unknown }[] = [];
  const api = (async (route: RouteDef, input: { params?: unknown; body?: unknown }) => {
    calls.push({ route, params: input.params, body: input.body });
    return answer(input.body);
  }) as unknown as ApiClient;
  const onSent = vi.fn();
  const onClose = vi.fn();
  render(
    <ApiContext.Provider value={api}>
      <FlowForm workspaceId="ws_1" waId="15550001111" opening={opening} waFlows={[...demoWaFlows, everyType]} onClose={onClose} onSent={onSent} />
    </ApiContext.Provider>,
  );
  const form = screen.getByTestId('flow-form');
  const field = (name: string) => form.querySelector(`[data-field="${name}"]`) as HTMLInputElement & HTMLSelectElement;
  return { calls, onSent, onClose, form, field };
}

describe('FlowForm (a WhatsApp Flow in the simulator)', () => {
  it("shows every screen's fields under its title, each with the input its type calls for", () => {
    const { form, field } = renderForm({ token: 't.4000000000000001', flowId: '4000000000000001', title: 'every_type' });
    expect([...form.querySelectorAll('.tn-flow-screen > legend')].map((l) => l.textContent)).toEqual(['About you', 'Preferences']);
    expect(['full_name', 'email', 'phone', 'age', 'birthday'].map((n) => [n, field(n).tagName, field(n).type])).toEqual([
      ['full_name', 'INPUT', 'text'],
      ['email', 'INPUT', 'email'],
      ['phone', 'INPUT', 'tel'],
      ['age', 'INPUT', 'number'],
      ['birthday', 'INPUT', 'date'],
    ]);
    expect([...field('size').options].map((o) => [o.value, o.textContent])).toEqual([
      ['', 'Choose…'],
      ['s', 'Small'],
      ['l', 'Large'],
    ]);
    expect(
      within(field('colours'))
        .getAllByRole('checkbox')
        .map((c) => (c as HTMLInputElement).value),
    ).toEqual(['red', 'blue']);
    expect(field('newsletter').type).toBe('checkbox');
    expect(form.querySelectorAll('[data-field="full_name"]')).toHaveLength(1);
    expect(screen.getByLabelText(/Name/).getAttribute('data-field')).toBe('full_name');
  });

  it('refuses to submit until the required fields are filled, and says which', () => {
    const { calls, form, field } = renderForm(leadOpening);
    fireEvent.change(field('email'), { target: { value: 'ana@example.com' } });
    fireEvent.click(screen.getByTestId('flow-submit'));
    expect(calls).toEqual([]);
    expect([...form.querySelectorAll('[data-missing]')].map((m) => m.getAttribute('data-missing'))).toEqual(['name', 'interest']);
    expect(screen.getByRole('alert').textContent).toBe('Fill in the 2 required fields first');
    expect(field('name').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(field('name'), { target: { value: 'Ana' } });
    expect([...form.querySelectorAll('[data-missing]')].map((m) => m.getAttribute('data-missing'))).toEqual(['interest']);
    expect(screen.getByRole('alert').textContent).toBe('Fill in the required field first');
    fireEvent.change(field('interest'), { target: { value: 'workshops' } });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("posts the answers by field name with the message's token and wamid, then says it is sent", async () => {
    const { calls, onSent, field } = renderForm(leadOpening);
    fireEvent.change(field('name'), { target: { value: 'Ana' } });
    fireEvent.change(field('email'), { target: { value: 'ana@example.com' } });
    fireEvent.change(field('interest'), { target: { value: 'workshops' } });
    fireEvent.click(field('marketing_opt_in'));
    fireEvent.click(screen.getByTestId('flow-submit'));
    await waitFor(() => expect(onSent).toHaveBeenCalledTimes(1));
    expect(calls).toEqual([
      {
        route: endpoints.simulateFlowReply,
        params: { workspaceId: 'ws_1' },
        body: {
          waId: '15550001111',
          token: 'tandem.41.2814653498770231',
          answers: { name: 'Ana', email: 'ana@example.com', interest: 'workshops', marketing_opt_in: true },
          contextWamid: 'wamid.sim.flow1',
        },
      },
    ]);
  });

  it('sends numbers as numbers, dates as YYYY-MM-DD, several choices as a list of ids, an unticked box as false, and leaves out empty optional fields', async () => {
    const { calls, onSent, form, field } = renderForm({ token: 'tok-1', flowId: '4000000000000001', title: 'every_type' });
    fireEvent.change(field('full_name'), { target: { value: 'Bo' } });
    fireEvent.change(field('age'), { target: { value: '42' } });
    fireEvent.change(field('birthday'), { target: { value: '1990-05-04' } });
    const [red, blue] = within(field('colours')).getAllByRole('checkbox');
    fireEvent.click(blue!);
    fireEvent.click(red!);
    fireEvent.click(within(form).getByTestId('flow-submit'));
    await waitFor(() => expect(onSent).toHaveBeenCalled());
    expect(calls[0]!.body).toEqual({
      waId: '15550001111',
      token: 'tok-1',
      answers: { full_name: 'Bo', age: 42, birthday: '1990-05-04', colours: ['red', 'blue'], newsletter: false },
    });
  });

  it("opens a template's Flow button on the Flow the step recorded", () => {
    const { form } = renderForm({ token: 'tandem.7.1052938476610384', flowId: '1052938476610384', title: 'Book now', contextWamid: 'wamid.sim.t1' });
    expect(form.getAttribute('data-flow')).toBe('1052938476610384');
    expect(form.textContent).toContain('appointment_booking');
    expect([...form.querySelectorAll('.tn-flow-screen > legend')].map((l) => l.textContent)).toEqual(['Book a visit', 'Anything else?']);
  });

  it("says so, instead of a form, when the Flow is not one of the workspace's", () => {
    renderForm({ token: 'tandem.9.555', flowId: '555', title: 'gone_form' });
    expect(screen.getByTestId('flow-unknown').textContent).toContain("The Flow 555 is not one of this workspace's WhatsApp Flows");
    expect(screen.queryByTestId('flow-submit')).toBeNull();
  });

  it("says so when a template's Flow button names no Flow (a template sent by another step)", () => {
    renderForm({ token: 'opaque', title: 'Open form' });
    expect(screen.getByTestId('flow-unknown').textContent).toContain("This template's Flow button does not say which Flow it opens");
    expect(screen.getByTestId('flow-form').textContent).toContain('Open form');
  });

  it("keeps the form open with the server's answer when the post fails, and closes on request", async () => {
    const { onSent, onClose, field } = renderForm(leadOpening, () => {
      throw new ApiCallError(409, { error: { code: 'not_sandbox', message: 'The simulator works in sandbox workspaces only' } });
    });
    fireEvent.change(field('name'), { target: { value: 'Ana' } });
    fireEvent.change(field('email'), { target: { value: 'ana@example.com' } });
    fireEvent.change(field('interest'), { target: { value: 'indoor_plants' } });
    fireEvent.click(screen.getByTestId('flow-submit'));
    expect((await screen.findByRole('alert')).textContent).toBe('The simulator works in sandbox workspaces only');
    expect(onSent).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Close the form' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
