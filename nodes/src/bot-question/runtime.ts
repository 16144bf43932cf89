import { durationToMs } from '@tandem/shared';
import type { OutboundContent } from '../contentKinds';
import { defineRuntime, type AnswerResult, type RuntimeCaps, type Scope } from '../defineRuntime';
import { normalizeChoice, parseDate, parseEmail, parseNumber, parsePhone } from '../common/answers';
import { renderContent } from '../common/renderContent';
import { wallTime } from '../common/zonedTime';
import { readReceipt } from '../common/readReceipt';
import { readReceiptEffect } from '../common/readReceiptName';
import { saveTo } from '../common/saveTarget';
import { effectiveAnswerType, questionChoices, type BotQuestionConfig } from './definition';

export const botQuestionRuntime = defineRuntime<BotQuestionConfig>({
  whenHumanActive: (c) => c.whenHumanActive,
  waitingFor: () => ({ for: 'reply' }),
  armsTimers: true,
  answer(c, message, scope, caps) {
    const read = readAnswer(c, message.text, message.replyId, scope);
    if (!read.ok) return read;
    return validate(c, read, scope, caps);
  },
  maxRetries: (c) => c.maxRetries,
  save: (c, value) => saveTo(c.saveTo, value),
  message(c, purpose, scope, caps) {
    if (c.prompt.kind === 'none') {
      return purpose === 'reprompt' && c.invalidMessage.trim() ? { kind: 'text', text: caps.render(c.invalidMessage, scope), previewUrl: false } : undefined;
    }
    const prompt = renderContent(c.prompt, scope, caps);
    if (purpose !== 'reprompt' || !c.invalidMessage.trim()) return prompt;
    return withLead(prompt, caps.render(c.invalidMessage, scope));
  },
  timer: (c, _kind, { now }) => ({ at: new Date(now.getTime() + (c.timeout ? durationToMs(c.timeout) : 0)) }),
  effects: { [readReceiptEffect]: readReceipt },
});

function readAnswer(c: BotQuestionConfig, text: string, replyId: string | undefined, scope: Scope): AnswerResult {
  const type = effectiveAnswerType(c);
  if (type === 'choice') {
    const choices = questionChoices(c);
    const said = normalizeChoice(text);
    const picked =
      choices.find((x) => replyId !== undefined && x.id === replyId) ??
      choices.find((x) => said !== '' && (normalizeChoice(x.label) === said || x.keywords.some((k) => normalizeChoice(k) === said))) ??
      (/^\d{1,2}$/.test(said) ? choices[Number(said) - 1] : undefined);
    return picked ? { ok: true, value: picked.id, choice: picked.id } : { ok: false, reason: 'not one of the choices' };
  }
  if (text.trim() === '') return { ok: false, reason: 'empty' };
  switch (type) {
    case 'text':
      return { ok: true, value: text.trim() };
    case 'number': {
      const n = parseNumber(text);
      return n === undefined ? { ok: false, reason: 'not a number' } : { ok: true, value: n };
    }
    case 'email': {
      const e = parseEmail(text);
      return e === undefined ? { ok: false, reason: 'not an email address' } : { ok: true, value: e };
    }
    case 'phone': {
      const p = parsePhone(text);
      return p === undefined ? { ok: false, reason: 'not a phone number' } : { ok: true, value: p };
    }
    case 'date': {
      const tz = typeof scope.contact.timezone === 'string' && scope.contact.timezone ? scope.contact.timezone : 'UTC';
      const d = parseDate(text, wallTime(scope.now, tz));
      return d === undefined ? { ok: false, reason: 'not a date' } : { ok: true, value: d };
    }
  }
}

function validate(c: BotQuestionConfig, read: { ok: true; value: unknown; choice?: string }, scope: Scope, caps: RuntimeCaps): AnswerResult {
  const { min, max, pattern, expression } = c.validation;
  const v = read.value;
  const size = typeof v === 'number' ? v : typeof v === 'string' ? v.length : undefined;
  if (size !== undefined && min !== undefined && size < min) return { ok: false, reason: `below the minimum ${min}` };
  if (size !== undefined && max !== undefined && size > max) return { ok: false, reason: `above the maximum ${max}` };
  if (pattern && typeof v === 'string') {
    try {
      if (!new RegExp(pattern).test(v)) return { ok: false, reason: 'does not match the pattern' };
    } catch {
      return { ok: false, reason: 'the pattern is invalid' };
    }
  }
  if (expression?.trim()) {
    let holds: unknown;
    try {
      holds = caps.evaluate(expression, { ...scope, answer: v });
    } catch {
      holds = false;
    }
    if (holds !== true) return { ok: false, reason: 'does not satisfy the condition' };
  }
  return read;
}

/** Puts the "that didn't work" text before the question, in the same bubble where possible. */
function withLead(prompt: OutboundContent, lead: string): OutboundContent {
  switch (prompt.kind) {
    case 'text':
      return { ...prompt, text: `${lead}\n\n${prompt.text}` };
    case 'buttons':
    case 'list':
      return { ...prompt, body: `${lead}\n\n${prompt.body}` };
    default:
      return prompt;
  }
}
