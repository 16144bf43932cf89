import type { PolicyContext, PolicyFinding } from '../nodePolicy';
import { effectiveAnswerType, type BotQuestionConfig } from './definition';
import { answerFitsContactField, answerLabels } from './reconcile';

/**
 * A question without "Stop waiting after" can hold the journey forever; one that writes an answer
 * to a contact field it does not fit (a button id as the email address) corrupts the contact.
 */
export function checkBotQuestion(c: BotQuestionConfig, ctx: PolicyContext): PolicyFinding[] {
  const findings: PolicyFinding[] = [];
  if (c.timeout === null) {
    findings.push({
      code: 'question-without-timeout',
      message: `"${ctx.label}" waits forever if the contact never answers; set "Stop waiting after" so the journey can move on.`,
      path: ['timeout'],
    });
  }
  const answer = effectiveAnswerType(c);
  if (c.saveTo?.scope === 'contact' && !answerFitsContactField(answer, c.saveTo.name)) {
    findings.push({
      code: 'answer-does-not-fit-field',
      message: `"${ctx.label}" would save ${answerLabels[answer]} as the contact's ${c.saveTo.name.replace('_', ' ')}; save it to a journey variable or another attribute.`,
      path: ['saveTo', 'name'],
    });
  }
  return findings;
}
