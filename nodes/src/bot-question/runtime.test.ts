import { describe, expect, it } from 'vitest';
import type { InboundMessage } from '@tandem/shared';
import type { Scope } from '../defineRuntime';
import { botQuestion, type BotQuestionConfig } from './definition';
import { saveTo } from '../common/saveTarget';
import { botQuestionRuntime } from './runtime';
import { configOf } from '../../test/nodeTestKit';
import { fakeCaps } from '../../test/fakeCaps';

const now = new Date('2026-03-01T23:30:00.000Z');
const scopeOf = (contact: Record<string, unknown> = {}): Scope => ({ contact, vars: {}, trigger: {}, now });

/** Evaluates the few conditions these tests use and fails on any other, like the engine. */
const caps = fakeCaps({
  evaluate(expression, s) {
    const answer = s.answer;
    const known: Record<string, () => unknown> = {
      'answer.endsWith("@example.com")': () => typeof answer === 'string' && answer.endsWith('@example.com'),
      'answer % 2 == 0': () => {
        if (typeof answer !== 'number') throw new Error('no such overload');
        return answer % 2 === 0;
      },
      'answer > contact.last_bid': () => (answer as number) > (s.contact.last_bid as number),
      answer: () => answer,
    };
    const run = known[expression];
    if (!run) throw new Error(`Unknown expression: ${expression}`);
    return run();
  },
});

const question = (data: Record<string, unknown>) => configOf(botQuestion, data);
const reply = (text: string, replyId?: string): InboundMessage => ({
  wamid: 'wamid.1',
  kind: replyId ? 'interactive' : 'text',
  text,
  at: now.toISOString(),
  ...(replyId ? { replyId } : {}),
});
const answer = (c: BotQuestionConfig, text: string, opts: { replyId?: string; contact?: Record<string, unknown> } = {}) =>
  botQuestionRuntime.answer!(c, reply(text, opts.replyId), scopeOf(opts.contact), caps);
const answerValue = (c: BotQuestionConfig, text: string, contact?: Record<string, unknown>) => {
  const a = answer(c, text, { contact });
  return a.ok ? a.value : `rejected: ${a.reason}`;
};

const askText = (extra: Record<string, unknown> = {}) => question({ prompt: { kind: 'text', text: 'Your name?' }, answerType: 'text', ...extra });
const askNumber = (validation: Record<string, unknown> = {}) => question({ prompt: { kind: 'text', text: 'Budget?' }, answerType: 'number', validation });
const askEmail = (validation: Record<string, unknown> = {}) => question({ prompt: { kind: 'text', text: 'Email?' }, answerType: 'email', validation });
const askDate = question({ prompt: { kind: 'text', text: 'Which day?' }, answerType: 'date' });
const yesNoButtons = question({
  prompt: {
    kind: 'buttons',
    body: 'Shall we book it, {{contact.first_name}}?',
    buttons: [
      { id: 'yes', title: 'Yes please' },
      { id: 'no', title: 'No' },
    ],
  },
});
const listenForChoice = question({
  prompt: { kind: 'none' },
  answerType: 'choice',
  choices: [
    { id: 'sizes', label: 'Sizes', keywords: ['size chart'] },
    { id: 'returns', label: 'Returns', keywords: ['send back', 'refund'] },
  ],
});

describe('bot-question runtime', () => {
  it('takes a text answer without the spaces around it', () => {
    expect(answer(askText(), '  Ada Lovelace \n')).toEqual({ ok: true, value: 'Ada Lovelace' });
  });

  it('rejects an empty or blank reply, such as a photo without caption, for a text question', () => {
    expect(answer(askText(), '   ')).toEqual({ ok: false, reason: 'empty' });
  });

  it('reads numbers the way people write them', () => {
    expect(['350000', '350.000', '350,000', '1,5', '€ 2.5k', '350.000,50'].map((t) => answerValue(askNumber(), t))).toEqual([
      350_000, 350_000, 350_000, 1.5, 2_500, 350_000.5,
    ]);
  });

  it('rejects a number answer that is not a number', () => {
    expect(answer(askNumber(), 'about fifty')).toEqual({ ok: false, reason: 'not a number' });
  });

  it('holds a number to the minimum and maximum, limits included', () => {
    const budget = askNumber({ min: 100, max: 1_000 });
    expect(answerValue(budget, '100')).toBe(100);
    expect(answerValue(budget, '1.000')).toBe(1_000);
    expect(answerValue(budget, '99')).toBe('rejected: below the minimum 100');
    expect(answerValue(budget, '1001')).toBe('rejected: above the maximum 1000');
  });

  it('holds a text answer to the minimum and maximum number of characters', () => {
    const name = askText({ validation: { min: 2, max: 5 } });
    expect(answerValue(name, 'Jo')).toBe('Jo');
    expect(answerValue(name, ' J ')).toBe('rejected: below the minimum 2');
    expect(answerValue(name, 'Johanna')).toBe('rejected: above the maximum 5');
  });

  it('takes an email address in lower case and rejects one without a domain', () => {
    expect(answerValue(askEmail(), ' Ada@Example.COM ')).toBe('ada@example.com');
    expect(answerValue(askEmail(), 'ada@example')).toBe('rejected: not an email address');
  });

  it('keeps only the digits of a phone number, with its leading +', () => {
    const phone = question({ prompt: { kind: 'text', text: 'Phone?' }, answerType: 'phone' });
    expect(answerValue(phone, '+49 (151) 234-567')).toBe('+49151234567');
    expect(answerValue(phone, '12345')).toBe('rejected: not a phone number');
  });

  it("reads 'tomorrow' in the contact's own time zone", () => {
    // 23:30 UTC on 1 March is already 2 March in Tokyo.
    expect(answerValue(askDate, 'tomorrow', { timezone: 'Asia/Tokyo' })).toBe('2026-03-03');
    expect(answerValue(askDate, 'Tomorrow', {})).toBe('2026-03-02');
  });

  it('reads a date written day first and rejects a day that does not exist', () => {
    expect(answerValue(askDate, '5.3.2026')).toBe('2026-03-05');
    expect(answerValue(askDate, '31/02/2026')).toBe('rejected: not a date');
  });

  it('takes the tapped button by its id, whatever its title says', () => {
    expect(answer(yesNoButtons, 'something else', { replyId: 'no' })).toEqual({ ok: true, value: 'no', choice: 'no' });
  });

  it('takes a typed button title with other case and punctuation around it', () => {
    expect(answer(yesNoButtons, 'YES PLEASE!!')).toEqual({ ok: true, value: 'yes', choice: 'yes' });
  });

  it('takes a choice by its number in the list', () => {
    expect(answer(yesNoButtons, '2.')).toMatchObject({ ok: true, choice: 'no' });
    expect(answer(yesNoButtons, '3')).toEqual({ ok: false, reason: 'not one of the choices' });
    expect(answer(yesNoButtons, '0')).toEqual({ ok: false, reason: 'not one of the choices' });
  });

  it('takes a choice by one of its other accepted words', () => {
    expect(answer(listenForChoice, 'Refund?')).toEqual({ ok: true, value: 'returns', choice: 'returns' });
    expect(answer(listenForChoice, 'size chart')).toMatchObject({ choice: 'sizes' });
  });

  it('rejects a reply that names no choice, including an empty one and a button id from another message', () => {
    expect(answer(listenForChoice, 'where is my parcel')).toEqual({ ok: false, reason: 'not one of the choices' });
    expect(answer(listenForChoice, '')).toEqual({ ok: false, reason: 'not one of the choices' });
    expect(answer(listenForChoice, '', { replyId: 'yes' })).toEqual({ ok: false, reason: 'not one of the choices' });
  });

  it('rejects an answer that does not match the pattern', () => {
    const postcode = askText({ validation: { pattern: '^\\d{5}$' } });
    expect(answerValue(postcode, '10115')).toBe('10115');
    expect(answerValue(postcode, '1011')).toBe('rejected: does not match the pattern');
  });

  it('rejects every answer, without throwing, when the pattern is invalid', () => {
    expect(answer(askText({ validation: { pattern: '([a-z' } }), 'abc')).toEqual({ ok: false, reason: 'the pattern is invalid' });
  });

  it('accepts an answer only when the condition on it is true', () => {
    const work = askEmail({ expression: 'answer.endsWith("@example.com")' });
    expect(answerValue(work, 'ada@example.com')).toBe('ada@example.com');
    expect(answerValue(work, 'ada@gmail.com')).toBe('rejected: does not satisfy the condition');
  });

  it('lets the condition compare the answer with contact attributes', () => {
    const bid = askNumber({ expression: 'answer > contact.last_bid' });
    expect(answerValue(bid, '120', { last_bid: 100 })).toBe(120);
    expect(answerValue(bid, '90', { last_bid: 100 })).toBe('rejected: does not satisfy the condition');
  });

  it('rejects the answer when the condition fails or gives something other than true', () => {
    expect(answerValue(askText({ validation: { expression: 'answer % 2 == 0' } }), 'four')).toBe('rejected: does not satisfy the condition');
    expect(answerValue(askText({ validation: { expression: 'answer' } }), 'yes')).toBe('rejected: does not satisfy the condition');
  });

  it('ignores a condition that is only spaces', () => {
    expect(answerValue(askText({ validation: { expression: '  ' } }), 'Ada')).toBe('Ada');
  });

  it('re-asks as many times as configured', () => {
    expect(botQuestionRuntime.maxRetries!(askText())).toBe(2);
    expect(botQuestionRuntime.maxRetries!(askText({ maxRetries: 0 }))).toBe(0);
  });

  it('saves the answer to a journey variable or a contact attribute, or nowhere', () => {
    expect(botQuestionRuntime.save!(askText({ saveTo: { name: 'full_name' } }), 'Ada')).toEqual({ vars: { full_name: 'Ada' } });
    expect(botQuestionRuntime.save!(askText({ saveTo: { scope: 'contact', name: 'email' } }), 'ada@example.com')).toEqual({
      contact: { email: 'ada@example.com' },
    });
    expect(botQuestionRuntime.save!(askText(), 'Ada')).toEqual({});
    expect(saveTo(null, 'Ada')).toEqual({});
  });

  it('renders the question with the contact values filled in', () => {
    expect(botQuestionRuntime.message!(yesNoButtons, 'prompt', scopeOf({ first_name: 'Ada' }), caps)).toEqual({
      kind: 'buttons',
      body: 'Shall we book it, Ada?',
      buttons: [
        { id: 'yes', title: 'Yes please' },
        { id: 'no', title: 'No' },
      ],
    });
  });

  it('puts the invalid-answer note before the question in the same bubble when re-asking', () => {
    const c = askText({ invalidMessage: 'Sorry {{contact.first_name}}, try again.' });
    expect(botQuestionRuntime.message!(c, 'reprompt', scopeOf({ first_name: 'Ada' }), caps)).toEqual({
      kind: 'text',
      text: 'Sorry Ada, try again.\n\nYour name?',
      previewUrl: false,
    });
    expect(botQuestionRuntime.message!(yesNoButtons, 'reprompt', scopeOf({ first_name: 'Ada' }), caps)).toMatchObject({
      body: "Sorry, I didn't get that. Please try again.\n\nShall we book it, Ada?",
    });
  });

  it('puts the note before the body of a list question', () => {
    const slots = question({
      prompt: { kind: 'list', body: 'Pick a slot', buttonLabel: 'Slots', sections: [{ rows: [{ id: 'am', title: 'Morning' }] }] },
      invalidMessage: 'Please pick from the list.',
    });
    expect(botQuestionRuntime.message!(slots, 'reprompt', scopeOf(), caps)).toMatchObject({ kind: 'list', body: 'Please pick from the list.\n\nPick a slot' });
  });

  it('re-asks with the question alone when there is no invalid-answer note', () => {
    const c = askText({ invalidMessage: ' ' });
    expect(botQuestionRuntime.message!(c, 'reprompt', scopeOf(), caps)).toEqual({ kind: 'text', text: 'Your name?', previewUrl: false });
  });

  it('sends nothing for a listen-only question except the note when re-asking', () => {
    expect(botQuestionRuntime.message!(listenForChoice, 'prompt', scopeOf(), caps)).toBeUndefined();
    expect(botQuestionRuntime.message!(listenForChoice, 'reprompt', scopeOf(), caps)).toEqual({
      kind: 'text',
      text: "Sorry, I didn't get that. Please try again.",
      previewUrl: false,
    });
    expect(botQuestionRuntime.message!(question({ prompt: { kind: 'none' }, choices: [], invalidMessage: '' }), 'reprompt', scopeOf(), caps)).toBeUndefined();
  });

  it('stops waiting for the reply after the timeout', () => {
    const at = (c: BotQuestionConfig) => {
      const r = botQuestionRuntime.timer!(c, 'timeout', { now, timezone: 'UTC', scope: scopeOf(), caps });
      return 'at' in r ? r.at.toISOString() : 'missed';
    };
    expect(at(askText())).toBe('2026-03-02T23:30:00.000Z');
    expect(at(askText({ timeout: { amount: 15, unit: 'minutes' } }))).toBe('2026-03-01T23:45:00.000Z');
  });
});

describe('bot-question runtime: what the engine reads', () => {
  it('waits for the reply, arms its timeout and holds its prompt by default while a person is talking', () => {
    const c = configOf(botQuestion, botQuestion.defaults);
    expect(botQuestionRuntime.waitingFor?.(c)).toEqual({ for: 'reply' });
    expect(botQuestionRuntime.armsTimers).toBe(true);
    expect(botQuestionRuntime.whenHumanActive?.(c)).toBe('hold');
    expect(botQuestionRuntime.whenHumanActive?.(configOf(botQuestion, { ...botQuestion.defaults, whenHumanActive: 'branch' }))).toBe('branch');
  });
});
