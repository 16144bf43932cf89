import { describe, expect, it } from 'vitest';
import { botQuestion } from './definition';
import { botQuestionClone } from './clone';

const none = { templates: [], attributes: {}, flows: {} };
const toContact = { prompt: { kind: 'text', text: 'Your budget?' }, saveTo: { scope: 'contact', name: 'budget' } };
const toVars = { prompt: { kind: 'text', text: 'Your budget?' }, saveTo: { scope: 'vars', name: 'budget' } };

describe('bot-question clone', () => {
  it('is the clone hook of the node', () => {
    expect(botQuestion.clone).toBe(botQuestionClone);
  });

  it('refers to the contact attribute the answer is saved to', () => {
    expect(botQuestionClone.refs(toContact)).toEqual({ attributes: ['budget'] });
    expect(botQuestionClone.refs(toVars)).toEqual({});
    expect(botQuestionClone.refs({ saveTo: null })).toEqual({});
  });

  it('renames a mapped contact attribute, not a journey variable', () => {
    const mapping = { ...none, attributes: { budget: 'budget_usd' } };
    expect(botQuestionClone.remap(toContact, mapping)).toEqual({ ...toContact, saveTo: { scope: 'contact', name: 'budget_usd' } });
    expect(botQuestionClone.remap(toVars, mapping)).toEqual(toVars);
    expect(botQuestionClone.remap({ saveTo: null }, mapping)).toEqual({ saveTo: null });
    expect(botQuestionClone.remap(toContact, none)).toEqual(toContact);
  });
});
