import { describe, expect, it } from 'vitest';
import { sendTemplate } from './definition';
import { sendTemplateClone } from './clone';
import { templateInfoSchema } from '@tandem/shared';
import { parseNodeConfig } from '../parseConfig';

const none = { templates: [], attributes: {}, flows: {} };
const data = { template: { name: 'order_update', language: 'en_US', category: 'UTILITY', parameters: [] }, optOutButton: null };

describe('send-template clone', () => {
  it('is the clone hook of the node', () => {
    expect(sendTemplate.clone).toBe(sendTemplateClone);
  });

  it('refers to its template as saved', () => {
    expect(sendTemplateClone.refs(data)).toEqual({ templates: [data.template] });
    expect(sendTemplateClone.refs({})).toEqual({});
  });

  it('renames the template to the mapped name and language, keeping the rest', () => {
    const mapping = {
      ...none,
      templates: [
        { from: { name: 'order_update', language: 'de' }, to: { name: 'wrong', language: 'de' } },
        { from: { name: 'order_update', language: 'en_US' }, to: { name: 'order_status', language: 'en_GB' } },
      ],
    };
    expect(sendTemplateClone.remap(data, mapping)).toEqual({
      template: { name: 'order_status', language: 'en_GB', category: 'UTILITY', parameters: [] },
      optOutButton: null,
    });
  });

  it('leaves a template without a mapping, or a node without a template, unchanged', () => {
    expect(sendTemplateClone.remap(data, none)).toBe(data);
    expect(sendTemplateClone.remap({}, none)).toEqual({});
  });

  it("derives the buttons and the opt-out again from the target brand's copy of the template", () => {
    const quick = (text: string) => ({ type: 'QUICK_REPLY', text });
    const source = {
      template: { name: 'cart_reminder', language: 'en', category: 'MARKETING' },
      header: { type: 'none' },
      body: [{ value: '{{contact.first_name}}' }],
      buttons: [
        { index: 0, type: 'quick_reply', value: 'complete' },
        { index: 1, type: 'quick_reply', value: 'question' },
        { index: 2, type: 'quick_reply', value: 'stop_promotions' },
      ],
      optOutButton: 2,
    };
    // The second brand's template has two buttons; its opt-out is the second one.
    const target = templateInfoSchema.parse({
      name: 'cart_nudge',
      language: 'en',
      category: 'MARKETING',
      bodyParameters: ['1'],
      buttons: [quick('Complete my order'), quick('Stop promotions')],
    });
    const sourceTemplate = templateInfoSchema.parse({
      name: 'cart_reminder',
      language: 'en',
      category: 'MARKETING',
      bodyParameters: ['1'],
      buttons: [quick('Complete my order'), quick('I have a question'), quick('Stop promotions')],
    });
    const mapping = {
      ...none,
      templates: [{ from: { name: 'cart_reminder', language: 'en' }, to: { name: 'cart_nudge', language: 'en' } }],
      targetTemplates: [target],
      sourceTemplates: [sourceTemplate],
    };
    const copied = sendTemplateClone.remap(source, mapping);
    expect(copied).toMatchObject({
      template: { name: 'cart_nudge', language: 'en', category: 'MARKETING' },
      body: [{ value: '{{contact.first_name}}' }],
      // "Complete my order" keeps its payload (a later question branches on it); "Stop promotions" keeps the opt-out's, at its new place.
      buttons: [
        { index: 0, type: 'quick_reply', value: 'complete' },
        { index: 1, type: 'quick_reply', value: 'stop_promotions' },
      ],
      optOutButton: 1,
    });
    expect(parseNodeConfig(sendTemplate, copied).ok).toBe(true);
  });
});
