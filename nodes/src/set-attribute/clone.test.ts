import { describe, expect, it } from 'vitest';
import { setAttribute } from './definition';
import { setAttributeClone } from './clone';

const none = { templates: [], attributes: {}, flows: {} };
const data = {
  operations: [
    { target: 'contact', name: 'budget', action: 'set', value: '500' },
    { target: 'vars', name: 'budget', action: 'set', value: '1' },
    { target: 'contact', name: 'city', action: 'unset', value: '' },
  ],
  addTags: ['lead'],
};

describe('set-attribute clone', () => {
  it('is the clone hook of the node', () => {
    expect(setAttribute.clone).toBe(setAttributeClone);
  });

  it('refers to the contact attributes it writes, not to journey variables', () => {
    expect(setAttributeClone.refs(data)).toEqual({ attributes: ['budget', 'city'] });
    expect(setAttributeClone.refs({ addTags: ['x'] })).toEqual({ attributes: [] });
  });

  it('renames mapped contact attributes only', () => {
    expect(setAttributeClone.remap(data, { ...none, attributes: { budget: 'budget_usd' } })).toEqual({
      ...data,
      operations: [
        { target: 'contact', name: 'budget_usd', action: 'set', value: '500' },
        { target: 'vars', name: 'budget', action: 'set', value: '1' },
        { target: 'contact', name: 'city', action: 'unset', value: '' },
      ],
    });
  });

  it('leaves settings without operations unchanged', () => {
    const tagsOnly = { addTags: ['x'] };
    expect(setAttributeClone.remap(tagsOnly, { ...none, attributes: { budget: 'b' } })).toBe(tagsOnly);
  });
});
