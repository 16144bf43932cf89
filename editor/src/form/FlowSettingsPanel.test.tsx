import { describe, expect, it } from 'vitest';
import { fireEvent } from '@testing-library/react';
import { smallFlow } from '../../test/fixtures';
import { renderWithStores } from '../../test/renderPanel';
import { FlowSettingsPanel } from './FlowSettingsPanel';

describe('flow settings panel', () => {
  it('is generated from the flow schema and edits name and settings', () => {
    const { container, flow } = renderWithStores(smallFlow(), <FlowSettingsPanel />);
    const field = (path: string) => container.querySelector<HTMLInputElement>(`[data-path="${path}"]`)!;
    expect(field('name').value).toBe('Small');
    expect(field('settings.reentry').value).toBe('after_completion');
    expect(field('settings.timezone').value).toBe('UTC');
    expect(field('settings.humanReply.mode').value).toBe('pause_for');
    fireEvent.change(field('name'), { target: { value: 'Coffee' } });
    fireEvent.change(field('settings.humanReply.pauseMinutes'), { target: { value: '45' } });
    expect(flow.getState().doc.name).toBe('Coffee');
    expect(flow.getState().doc.settings.humanReply.pauseMinutes).toBe(45);
  });

  it('switches quiet hours on with a start and end time', () => {
    const { container, flow } = renderWithStores(smallFlow(), <FlowSettingsPanel />);
    fireEvent.click(container.querySelector('[data-path="settings.quietHours.enabled"]')!);
    expect(flow.getState().doc.settings.quietHours).toEqual({ start: '09:00', end: '09:00' });
    fireEvent.change(container.querySelector('[data-path="settings.quietHours.start"]')!, { target: { value: '21:00' } });
    expect(flow.getState().doc.settings.quietHours).toEqual({ start: '21:00', end: '09:00' });
    expect(container.querySelector<HTMLInputElement>('[data-path="settings.quietHours.start"]')!.type).toBe('time');
  });

  it("uses the workspace's read receipts unless the flow picks its own, and says what marking read does on a coexistence number", () => {
    const { container, flow } = renderWithStores(smallFlow(), <FlowSettingsPanel />);
    const field = container.querySelector<HTMLSelectElement>('[data-path="settings.readReceipts"]')!;
    expect(field.value).toBe('workspace');
    expect(field.closest('.tn-field')?.querySelector('.tn-help')?.textContent).toContain(
      "marks the chat read in the WhatsApp Business App too: the App's unread badge and count drop",
    );
    fireEvent.change(field, { target: { value: 'off' } });
    expect(flow.getState().doc.settings.readReceipts).toBe('off');
  });

  it('declares attributes as a list and shows schema errors under fields', () => {
    const { container, flow } = renderWithStores(smallFlow(), <FlowSettingsPanel />);
    fireEvent.click(container.querySelector('[data-group="settings.attributes"] .tn-add')!);
    expect(flow.getState().doc.settings.attributes).toEqual([{ name: '', type: 'string' }]);
    expect(container.querySelector('[data-errors-for="settings.attributes.0.name"]')?.textContent).toMatch(/lower-case/);
    fireEvent.change(container.querySelector('[data-path="name"]')!, { target: { value: '' } });
    expect(container.querySelector('[data-errors-for="name"]')?.textContent).toMatch(/Give the flow a name/);
  });
});

describe('goals and exits in the flow settings', () => {
  it('adds an event goal with its value and window, and shows only the fields of its kind', () => {
    const { container, flow } = renderWithStores(smallFlow(), <FlowSettingsPanel />);
    fireEvent.click(container.querySelector('[data-group="settings.goals"] .tn-add')!);
    const field = (path: string) => container.querySelector<HTMLInputElement>(`[data-path="${path}"]`);
    expect(field('settings.goals.0.kind')!.value).toBe('event');
    expect(field('settings.goals.0.condition')).toBeNull();
    fireEvent.change(field('settings.goals.0.name')!, { target: { value: 'Purchase' } });
    fireEvent.change(field('settings.goals.0.event')!, { target: { value: 'order.paid' } });
    fireEvent.change(field('settings.goals.0.value')!, { target: { value: 'payload.total' } });
    expect(flow.getState().doc.settings.goals[0]).toMatchObject({
      name: 'Purchase',
      kind: 'event',
      event: 'order.paid',
      value: 'payload.total',
      windowHours: 168,
    });
    fireEvent.change(field('settings.goals.0.kind')!, { target: { value: 'contact' } });
    expect(field('settings.goals.0.condition')).not.toBeNull();
    expect(container.querySelector('[data-errors-for="settings.goals.0.condition"]')?.textContent).toMatch(/Write the condition/);
  });
});
