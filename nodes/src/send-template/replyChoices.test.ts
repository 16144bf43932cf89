import { describe, expect, it } from 'vitest';
import { templateInfoSchema } from '@tandem/shared';
import { configOf } from '../../test/nodeTestKit';
import { sendTemplate } from './definition';

const bloom = templateInfoSchema.parse({
  name: 'bloom_offer',
  language: 'en',
  category: 'MARKETING',
  buttons: [
    { type: 'QUICK_REPLY', text: 'Show me' },
    { type: 'URL', text: 'Shop', dynamic: true },
    { type: 'QUICK_REPLY', text: 'Later' },
    { type: 'QUICK_REPLY', text: 'Stop promotions' },
  ],
});

describe("a template step's quick replies", () => {
  const step = (extra: Record<string, unknown> = {}) =>
    configOf(sendTemplate, { template: { name: 'bloom_offer', language: 'en', category: 'MARKETING' }, ...extra });

  it('are the payloads the step sets, or the button text Meta sends back when it sets none, without the opt-out button', () => {
    const c = step({
      buttons: [
        { index: 0, type: 'quick_reply', value: 'show' },
        { index: 1, type: 'url', value: 'spring' },
        { index: 3, type: 'quick_reply', value: 'stop' },
      ],
      optOutButton: 3,
    });
    expect(sendTemplate.analysis.replyChoices?.(c, { templates: [bloom] })).toEqual([
      { id: 'show', label: 'Show me' },
      { id: 'Later', label: 'Later' },
    ]);
  });

  it('are unknown without the workspace templates or for another language', () => {
    expect(sendTemplate.analysis.replyChoices?.(step(), {})).toEqual([]);
    expect(
      sendTemplate.analysis.replyChoices?.(step({ template: { name: 'bloom_offer', language: 'de', category: 'MARKETING' } }), { templates: [bloom] }),
    ).toEqual([]);
  });
});
