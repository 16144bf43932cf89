import { describe, expect, it } from 'vitest';
import { checkBotQuestion } from './checks';
import { botQuestion } from './definition';
import { configOf } from '../../test/nodeTestKit';

const ctx = { label: 'Ask a question' };

describe('checkBotQuestion', () => {
  it('warns about a question that waits forever', () => {
    expect(checkBotQuestion(configOf(botQuestion, { ...botQuestion.defaults, timeout: null }), ctx)).toEqual([
      {
        code: 'question-without-timeout',
        message: '"Ask a question" waits forever if the contact never answers; set "Stop waiting after" so the journey can move on.',
        path: ['timeout'],
      },
    ]);
  });

  it('finds nothing when the question stops waiting', () => {
    expect(checkBotQuestion(configOf(botQuestion, botQuestion.defaults), ctx)).toEqual([]);
  });

  it("refuses a question that would save a button id as the contact's email (flows written through the API)", () => {
    const buttons = { kind: 'buttons', body: 'Size?', buttons: [{ id: 'small', title: 'Small' }] };
    expect(checkBotQuestion(configOf(botQuestion, { ...botQuestion.defaults, prompt: buttons }), ctx)).toEqual([
      {
        code: 'answer-does-not-fit-field',
        message: '"Ask a question" would save a choice as the contact\'s email; save it to a journey variable or another attribute.',
        path: ['saveTo', 'name'],
      },
    ]);
    // A choice fits the contact's language; an email answer fits the email.
    expect(checkBotQuestion(configOf(botQuestion, { ...botQuestion.defaults, prompt: buttons, saveTo: { scope: 'contact', name: 'language' } }), ctx)).toEqual(
      [],
    );
    expect(checkBotQuestion(configOf(botQuestion, botQuestion.defaults), ctx)).toEqual([]);
  });

  it('is the policy check of the node', () => {
    expect(botQuestion.policy?.check).toBe(checkBotQuestion);
  });
});
