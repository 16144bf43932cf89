import { describe, expect, it } from 'vitest';
import { botQuestion } from './definition';
import { compileWith, configOf, issuesOf, portIds } from '../../test/nodeTestKit';

const yesNo = {
  prompt: {
    kind: 'buttons',
    body: 'Shall we book it?',
    buttons: [
      { id: 'yes', title: 'Yes' },
      { id: 'no', title: 'No' },
    ],
  },
};
const listenOnly = {
  prompt: { kind: 'none' },
  answerType: 'choice',
  choices: [
    { id: 'yes', label: 'Yes' },
    { id: 'no', label: 'No' },
  ],
  timeout: null,
};
const port = (port: string) => ({ type: 'tandem.port', params: { node: 'n1', port } });
const markRead = { type: 'tandem.nodeEffect', params: { node: 'n1', effect: 'readReceipt' } };
const answered = (choice: string) => ({
  target: `${choice}_target`,
  guard: { type: 'tandem.answer', params: { node: 'n1', choice } },
  actions: [markRead, { type: 'tandem.saveAnswer', params: { node: 'n1' } }, { type: 'tandem.clearAttempts', params: { node: 'n1' } }, port(choice)],
});

describe('bot-question', () => {
  it('accepts its defaults: asks for an email, re-asks twice and waits a day', () => {
    expect(configOf(botQuestion, botQuestion.defaults)).toEqual({
      prompt: { kind: 'text', text: 'What is your email address?', previewUrl: false },
      answerType: 'email',
      choices: [],
      validation: {},
      invalidMessage: "Sorry, that doesn't look right. Please try again.",
      maxRetries: 2,
      saveTo: { scope: 'contact', name: 'email' },
      whenHumanActive: 'hold',
      timeout: { amount: 24, unit: 'hours' },
    });
  });

  it("holds button and list questions to WhatsApp's limits", () => {
    const four = ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id.toUpperCase() }));
    expect(issuesOf(botQuestion, { prompt: { kind: 'buttons', body: 'Pick', buttons: four } })).toEqual([
      'prompt.buttons: Question › Buttons: WhatsApp allows at most 3 reply buttons',
    ]);
    const rows = Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: `Slot ${i}` }));
    expect(issuesOf(botQuestion, { prompt: { kind: 'list', body: 'Pick', buttonLabel: 'Slots', sections: [{ rows }] } })).toEqual([
      'prompt.sections: Question › Sections: WhatsApp allows at most 10 rows in a list (this one has 11)',
    ]);
  });

  it('rejects a button or choice id that another output already uses', () => {
    const later = {
      prompt: {
        kind: 'buttons',
        body: 'Now?',
        buttons: [
          { id: 'now', title: 'Now' },
          { id: 'timeout', title: 'Later' },
        ],
      },
    };
    expect(issuesOf(botQuestion, later)).toEqual(['prompt.buttons: Question › Buttons: "timeout" is reserved for another output; pick another id']);
    expect(issuesOf(botQuestion, { ...listenOnly, choices: [{ id: 'invalid', label: 'Not sure' }] })).toEqual([
      'choices: Choices: "invalid" is reserved for another output; pick another id',
    ]);
  });

  it('rejects two choices with the same id and a choice question without choices', () => {
    expect(
      issuesOf(botQuestion, {
        ...listenOnly,
        choices: [
          { id: 'yes', label: 'Yes' },
          { id: 'yes', label: 'Sure' },
        ],
      }),
    ).toEqual(['choices: Choices: Choice ids must be different']);
    expect(issuesOf(botQuestion, { ...listenOnly, choices: [] })).toEqual(['choices: Choices: Add at least one choice']);
  });

  it('rejects a maximum below the minimum', () => {
    expect(issuesOf(botQuestion, { prompt: { kind: 'text', text: 'How many guests?' }, answerType: 'number', validation: { min: 10, max: 2 } })).toEqual([
      'validation.max: Validation › Maximum: Maximum is below the minimum',
    ]);
  });

  it('has one output per button, then invalid, timeout and the send failures', () => {
    expect(botQuestion.ports(configOf(botQuestion, yesNo))).toEqual([
      { id: 'yes', label: 'Yes', kind: 'branch', required: true },
      { id: 'no', label: 'No', kind: 'branch', required: true },
      { id: 'invalid', label: 'Invalid', kind: 'invalid', required: false },
      { id: 'timeout', label: 'No reply', kind: 'timeout', required: false },
      { id: 'window_closed', label: 'Window closed', kind: 'window_closed', required: false },
      { id: 'error', label: 'Failed', kind: 'error', required: false },
    ]);
    expect(portIds(botQuestion, botQuestion.defaults)).toEqual(['next', 'invalid', 'timeout', 'window_closed', 'error']);
  });

  it('has no timeout output without a timeout and no send failures when it sends nothing', () => {
    expect(portIds(botQuestion, listenOnly)).toEqual(['yes', 'no', 'invalid']);
  });

  it('compiles a listen-only question to answer guards, a re-ask and the invalid exit, each marking the reply read', () => {
    expect(compileWith(botQuestion, listenOnly)).toEqual({
      entry: [{ type: 'tandem.enter', params: { node: 'n1' } }],
      on: {
        'message.received': [
          answered('yes'),
          answered('no'),
          {
            guard: { type: 'tandem.canRetry', params: { node: 'n1' } },
            actions: [markRead, { type: 'tandem.countAttempt', params: { node: 'n1' } }, { type: 'tandem.send', params: { node: 'n1', purpose: 'reprompt' } }],
          },
          { target: 'invalid_target', actions: [markRead, { type: 'tandem.clearAttempts', params: { node: 'n1' } }, port('invalid')] },
        ],
      },
    });
  });

  it('sends the prompt, arms the timeout and re-arms it on every re-ask', () => {
    const state = compileWith(botQuestion, { ...yesNo, timeout: { amount: 2, unit: 'hours' } });
    const timer = { type: 'tandem.timer', params: { node: 'n1', timer: 'timeout' } };
    expect(state.entry).toEqual([{ type: 'tandem.enter', params: { node: 'n1' } }, { type: 'tandem.send', params: { node: 'n1', purpose: 'prompt' } }, timer]);
    expect(state.on?.['message.received']?.[2]?.actions).toContainEqual(timer);
    expect(state.on?.['timer.fired']?.map((t) => t.target)).toEqual(['timeout_target']);
    expect(state.on?.['effect.result']?.map((t) => t.guard?.params.outcome)).toEqual(['window_closed', 'error']);
  });

  it('ends the run from outputs that are not connected', () => {
    const received = compileWith(botQuestion, yesNo, ['yes']).on?.['message.received'];
    expect(received?.map((t) => t.target)).toEqual(['yes_target', '$end', undefined, '$end']);
  });

  it('waits; answers reopen the 24-hour window, a timeout adds its duration', () => {
    const config = configOf(botQuestion, { ...yesNo, timeout: { amount: 2, unit: 'hours' } });
    expect(botQuestion.analysis.waits(config)).toBe(true);
    expect(botQuestion.analysis.window(config, 'yes')).toEqual({ kind: 'reset' });
    expect(botQuestion.analysis.window(config, 'invalid')).toEqual({ kind: 'reset' });
    expect(botQuestion.analysis.window(config, 'timeout')).toEqual({ kind: 'elapse', ms: 7_200_000 });
    expect(botQuestion.analysis.window(config, 'window_closed')).toEqual({ kind: 'unknown' });
    expect(botQuestion.analysis.window(config, 'error')).toEqual({ kind: 'elapse', ms: 0 });
  });

  it('needs the 24-hour window only when it sends a question', () => {
    expect(botQuestion.analysis.freeFormSends(configOf(botQuestion, yesNo))).toEqual([
      { what: 'The question', fallbackPort: 'window_closed', instead: expect.stringContaining('set "Question" to "none"'), listenTo: expect.any(Function) },
    ]);
    expect(botQuestion.analysis.freeFormSends(configOf(botQuestion, listenOnly))).toEqual([]);
  });

  it('provides a saved journey variable after the answers only', () => {
    const config = configOf(botQuestion, { ...yesNo, saveTo: { scope: 'vars', name: 'confirmed' } });
    expect(botQuestion.analysis.provides(config)).toEqual([{ scope: 'vars', names: ['confirmed'], ports: ['yes', 'no'] }]);
    expect(botQuestion.analysis.writesAttributes(config)).toEqual([]);
  });

  it('declares the contact attribute it saves to, typed by the expected answer', () => {
    expect(botQuestion.analysis.writesAttributes(configOf(botQuestion, botQuestion.defaults))).toEqual([{ name: 'email', type: 'string' }]);
    const guests = { prompt: { kind: 'text', text: 'How many guests?' }, answerType: 'number', saveTo: { scope: 'contact', name: 'party_size' } };
    expect(botQuestion.analysis.writesAttributes(configOf(botQuestion, guests))).toEqual([{ name: 'party_size', type: 'number' }]);
    expect(botQuestion.analysis.provides(configOf(botQuestion, guests))).toEqual([]);
  });
});

describe('bot-question save target', () => {
  it('refuses to overwrite a contact field Tandem keeps, but allows writable ones', () => {
    const base = { prompt: { kind: 'text', text: 'Your number?' }, answerType: 'phone' };
    expect(issuesOf(botQuestion, { ...base, saveTo: { scope: 'contact', name: 'wa_id' } })).toEqual([
      'saveTo.name: Save answer › Name: This contact field is kept by Tandem and cannot be overwritten',
    ]);
    expect(issuesOf(botQuestion, { ...base, saveTo: { scope: 'contact', name: 'email' } })).toEqual([]);
  });
});
