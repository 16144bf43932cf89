import { describe, expect, it } from 'vitest';
import { templateInfoSchema, type TemplateInfo } from '@tandem/shared';
import { definitionOf } from '../definitions';
import { parseNodeConfig } from '../parseConfig';
import { applyTemplate, payloadOf, templateVariableCount } from './applyTemplate';

const template = (t: Partial<TemplateInfo> & { name: string }): TemplateInfo => templateInfoSchema.parse({ language: 'en', category: 'UTILITY', ...t });

const shipped = template({
  name: 'order_shipped',
  bodyParameters: ['1'],
  buttons: [{ type: 'URL', text: 'Track order', dynamic: true }],
  text: { body: 'Order {{1}} is on its way.' },
});
const cart = template({
  name: 'cart_reminder',
  category: 'MARKETING',
  bodyParameters: ['1', '2'],
  buttons: [
    { type: 'QUICK_REPLY', text: 'Complete my order', dynamic: false },
    { type: 'QUICK_REPLY', text: 'Stop promotions', dynamic: false },
  ],
});
const named = template({ name: 'welcome', language: 'de', parameterFormat: 'named', bodyParameters: ['first_name', 'shop'], header: 'image' });

describe('applyTemplate', () => {
  it('fills name, language and category and one empty value per body variable and dynamic button', () => {
    const data = applyTemplate({ template: { name: 'hello_world', language: 'en_US', category: 'UTILITY' } }, shipped);
    expect(data).toEqual({
      template: { name: 'order_shipped', language: 'en', category: 'UTILITY' },
      header: { type: 'none' },
      body: [{ value: '' }],
      buttons: [{ index: 0, type: 'url', value: '' }],
    });
  });

  it("gives each quick reply a payload and makes a marketing template's stop button the opt-out", () => {
    const data = applyTemplate({}, cart);
    expect(data.buttons).toEqual([
      { index: 0, type: 'quick_reply', value: 'complete_my_order' },
      { index: 1, type: 'quick_reply', value: 'stop_promotions' },
    ]);
    expect(data.optOutButton).toBe(1);
    expect(data.body).toHaveLength(2);
  });

  it('names the parameters of a named template and asks for the media header it needs', () => {
    const data = applyTemplate({ body: [{ value: 'Ana' }] }, named);
    expect(data.body).toEqual([
      { name: 'first_name', value: 'Ana' },
      { name: 'shop', value: '' },
    ]);
    expect(data.header).toEqual({ type: 'image', url: '' });
  });

  it('keeps values already typed, by position, and drops an opt-out that no longer applies', () => {
    const first = applyTemplate({}, cart);
    const typed = { ...first, body: [{ value: '{{contact.first_name}}' }, { value: 'shoes' }] };
    const switched = applyTemplate(typed, shipped);
    expect(switched.body).toEqual([{ value: '{{contact.first_name}}' }]);
    expect(switched).not.toHaveProperty('optOutButton');
  });

  it('produces settings the step accepts once the values are filled in', () => {
    const data = applyTemplate({}, cart);
    const filled = { ...data, body: [{ value: 'Ana' }, { value: 'shoes' }] };
    expect(parseNodeConfig(definitionOf('send-template'), filled).ok).toBe(true);
  });

  it('counts what a template asks for', () => {
    expect(templateVariableCount(shipped)).toBe(2);
    expect(templateVariableCount(cart)).toBe(2);
    expect(templateVariableCount(named)).toBe(3);
  });

  it('turns button texts into payloads', () => {
    expect(payloadOf('Ich möchte bestellen!', 0)).toBe('ich_mochte_bestellen');
    expect(payloadOf('👍', 2)).toBe('button_3');
  });
});
