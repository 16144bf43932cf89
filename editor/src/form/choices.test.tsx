import { describe, expect, it } from 'vitest';
import { fireEvent } from '@testing-library/react';
import { smallFlow } from '../../test/fixtures';
import { oneNodeFlow, renderWithStores } from '../../test/renderPanel';
import { FlowSettingsPanel } from './FlowSettingsPanel';
import { NodeConfigPanel } from './NodeConfigPanel';

function optionTexts(select: HTMLSelectElement): string[] {
  return [...select.options].map((o) => o.textContent ?? '');
}

describe('choices in the settings form', () => {
  it('names who may enter a flow in words, and says what the chosen one does', () => {
    const { container } = renderWithStores(smallFlow(), <FlowSettingsPanel />);
    const select = container.querySelector<HTMLSelectElement>('[data-path="settings.reentry"]')!;
    expect(optionTexts(select)).toEqual(['Only once', 'Again after finishing', 'Every time']);
    const help = () => select.closest('.tn-field')?.querySelector('[data-testid=choice-help]')?.textContent;
    expect(help()).toBe('Again once their previous journey here has ended');
    fireEvent.change(select, { target: { value: 'never' } });
    expect(help()).toBe('A contact goes through this journey once, ever');
    expect(select.closest('.tn-field')?.textContent).not.toMatch(/after_completion|never:/);
  });

  it("names a union's shapes by their tags and keeps the stored values", () => {
    const { container, flow } = renderWithStores(
      oneNodeFlow('wait', { mode: 'duration', duration: { amount: 1, unit: 'hours' } }),
      <NodeConfigPanel nodeId="n" />,
    ); // node-name-ok: the type of the step under test
    const select = container.querySelector<HTMLSelectElement>('select[data-path="mode"]')!;
    expect(optionTexts(select)).toEqual(['For a while', 'Until a time of day', 'Until a date', 'For an event']);
    expect(select.closest('.tn-field')?.querySelector('label')?.textContent).toBe('Wait');
    fireEvent.change(select, { target: { value: 'event' } });
    expect(flow.getState().doc.nodes[0]!.data.mode).toBe('event');
    expect(select.closest('.tn-field')?.querySelector('[data-testid=choice-help]')?.textContent).toBe(
      'Until your system sends an event, or a time limit passes',
    );
  });
});
