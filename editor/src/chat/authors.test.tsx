import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import type { MessageView } from '@tandem/shared/api';
import { ChatThread } from './ChatThread';

const base = { type: 'text', status: 'sent', error: null, wamid: null, at: '2026-01-01T10:00:00.000Z' } as const;
const thread: MessageView[] = [
  { ...base, id: 1, direction: 'in', content: { text: 'مرحبا، أين طلبي؟' }, status: 'received', runId: null, nodeId: null },
  { ...base, id: 2, direction: 'out', content: { kind: 'text', text: 'A teammate will reply shortly.', previewUrl: false }, runId: 4, nodeId: 'handoff_1' },
  {
    ...base,
    id: 3,
    direction: 'out',
    content: { kind: 'text', text: 'Hi, Sam here', previewUrl: false },
    runId: null,
    nodeId: null,
    agent: { name: 'sam@shop.test' },
  },
  { ...base, id: 4, direction: 'echo', content: { text: 'From my phone' }, runId: null, nodeId: null },
];

function bubbles(perspective: 'business' | 'contact') {
  const { container } = render(<ChatThread messages={thread} templates={[]} perspective={perspective} />);
  return [...container.querySelectorAll<HTMLElement>('[data-testid=message]')];
}

describe('who wrote each message', () => {
  it('labels the bot, and a teammate by name, in the inbox', () => {
    const [, bot, agent, app] = bubbles('business');
    expect(bot!.querySelector('[data-testid=message-author]')?.textContent?.trim()).toBe('Bot');
    expect(agent!.dataset.author).toBe('agent');
    expect(agent!.querySelector('[data-testid=message-author]')?.textContent?.trim()).toBe('sam@shop.test · in the inbox');
    expect(app!.querySelector('[data-testid=app-echo]')?.textContent?.trim()).toBe('From the Business App');
  });

  it("keeps the contact's phone free of these labels (the simulator)", () => {
    expect(bubbles('contact').some((b) => b.querySelector('[data-testid=message-author]'))).toBe(false);
  });

  it('lets the browser pick the direction of each text, so Arabic reads right to left', () => {
    const [arabic] = bubbles('business');
    expect(arabic!.querySelector('.tn-msg-text')?.getAttribute('dir')).toBe('auto');
  });
});
