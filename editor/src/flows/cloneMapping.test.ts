import { describe, expect, it } from 'vitest';
import type { FlowSummary } from '@tandem/shared/api';
import type { ClonePreview } from '../workspace/types';
import { cloneBody, defaultChoices, missingTemplates } from './cloneMapping';

const preview: ClonePreview = {
  templates: [
    { name: 'cart_reminder', language: 'en', category: 'MARKETING', existsInTarget: false },
    { name: 'order_shipped', language: 'en', category: 'UTILITY', existsInTarget: true },
    { name: 'welcome', language: 'de', category: 'UTILITY', existsInTarget: false },
  ],
  attributes: [
    { name: 'first_name', existsInTarget: true },
    { name: 'loyalty_tier', existsInTarget: false },
  ],
  flows: [{ flowId: 'fl_src_menu', name: 'Main menu' }],
  targetTemplates: [
    { name: 'order_shipped', language: 'en', category: 'UTILITY' },
    { name: 'welcome', language: 'en', category: 'UTILITY' },
    { name: 'bloom_cart', language: 'en', category: 'MARKETING' },
  ],
  number: { source: '15550783881', target: '4915100000000', mentions: 2 },
};
const targetFlows = [{ id: 'fl_dst_menu', name: 'Main menu' }] as FlowSummary[];

describe('clone mapping', () => {
  it('starts from the same template (else the same name in another language), attribute and flow name', () => {
    expect(defaultChoices(preview, targetFlows)).toEqual({
      templates: { 'cart_reminder|en': '', 'order_shipped|en': 'order_shipped|en', 'welcome|de': 'welcome|en' },
      attributes: { first_name: 'first_name', loyalty_tier: 'loyalty_tier' },
      flows: { fl_src_menu: 'fl_dst_menu' },
      number: '4915100000000',
    });
  });

  it('sends only what changes: mapped templates, renamed attributes, mapped flows', () => {
    const choices = defaultChoices(preview, targetFlows);
    choices.templates['cart_reminder|en'] = 'bloom_cart|en';
    choices.attributes.loyalty_tier = ' tier ';
    expect(cloneBody(preview, choices, 'ws_bloom', ' Cart (Bloom) ')).toEqual({
      targetWorkspaceId: 'ws_bloom',
      name: 'Cart (Bloom)',
      templates: [
        { from: { name: 'cart_reminder', language: 'en' }, to: { name: 'bloom_cart', language: 'en' } },
        { from: { name: 'welcome', language: 'de' }, to: { name: 'welcome', language: 'en' } },
      ],
      attributes: { loyalty_tier: 'tier' },
      flows: { fl_src_menu: 'fl_dst_menu' },
      number: { from: '15550783881', to: '4915100000000' },
    });
  });

  it('maps the number only when the flow mentions it and a different one is given', () => {
    const choices = defaultChoices(preview, targetFlows);
    expect(cloneBody(preview, { ...choices, number: '+49 151 0000 0001' }, 'ws_bloom', '').number).toEqual({ from: '15550783881', to: '4915100000001' });
    expect(cloneBody(preview, { ...choices, number: '' }, 'ws_bloom', '').number).toBeUndefined();
    const silent = { ...preview, number: { ...preview.number, mentions: 0 } };
    expect(defaultChoices(silent, targetFlows).number).toBe('');
    expect(cloneBody(silent, { ...choices, number: '4915100000001' }, 'ws_bloom', '').number).toBeUndefined();
  });

  it('lists templates the copy would miss', () => {
    const choices = defaultChoices(preview, targetFlows);
    expect(missingTemplates(preview, choices).map((t) => t.name)).toEqual(['cart_reminder']);
    choices.templates['cart_reminder|en'] = 'bloom_cart|en';
    expect(missingTemplates(preview, choices)).toEqual([]);
  });
});
