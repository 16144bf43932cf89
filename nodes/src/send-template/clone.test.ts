import { describe, expect, it } from 'vitest';
import { sendTemplate } from './definition';
import { sendTemplateClone } from './clone';

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
});
