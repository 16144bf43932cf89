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

  it('is the policy check of the node', () => {
    expect(botQuestion.policy?.check).toBe(checkBotQuestion);
  });
});
