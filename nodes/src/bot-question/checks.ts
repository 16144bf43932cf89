import type { PolicyContext, PolicyFinding } from '../nodePolicy';
import type { BotQuestionConfig } from './definition';

/** A question without "Stop waiting after" can hold the journey forever. */
export function checkBotQuestion(c: BotQuestionConfig, ctx: PolicyContext): PolicyFinding[] {
  if (c.timeout !== null) return [];
  return [
    {
      code: 'question-without-timeout',
      message: `"${ctx.label}" waits forever if the contact never answers; set "Stop waiting after" so the journey can move on.`,
      path: ['timeout'],
    },
  ];
}
