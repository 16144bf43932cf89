import { describe, expect, it } from 'vitest';
import { botQuestion, effectiveAnswerType, type BotQuestionConfig } from './definition';
import { reconcileBotQuestion } from './reconcile';

type Data = Record<string, unknown>;

const emailQuestion: Data = {
  prompt: { kind: 'text', text: 'Your email?' },
  answerType: 'email',
  validation: { expression: 'answer != ""' },
  saveTo: { scope: 'contact', name: 'email' },
};
const buttons = {
  kind: 'buttons',
  body: 'Pick a size',
  buttons: [
    { id: 'small', title: 'Small' },
    { id: 'large', title: 'Large' },
  ],
};

/** One change in the form, then what the node keeps consistent with it. */
const change = (before: Data, patch: Data) => reconcileBotQuestion(before, { ...before, ...patch });

describe('a question keeps its settings consistent when one of them changes', () => {
  it('switched from an email question to buttons, it expects a choice and no longer writes the email address', () => {
    const { data, notes } = change(emailQuestion, { prompt: buttons });
    expect(data).toMatchObject({ answerType: 'choice', validation: {}, saveTo: null });
    expect(notes).toEqual([
      'Validation cleared (condition): it does not apply to a choice.',
      "Not saved to the contact's email: the answer is a choice. Choose another place to save it.",
    ]);
    const parsed = botQuestion.config.safeParse(data);
    expect(parsed.success).toBe(true);
  });

  it('switched from buttons to text, the buttons become choices the contact can type', () => {
    const start = reconcileBotQuestion({}, { prompt: buttons, answerType: 'choice', saveTo: null }).data;
    const { data, notes } = change(start, { prompt: { kind: 'text', text: 'Pick a size: small or large' } });
    expect(data.answerType).toBe('choice');
    expect(data.choices).toEqual([
      { id: 'small', label: 'Small', keywords: [] },
      { id: 'large', label: 'Large', keywords: [] },
    ]);
    expect(notes).toEqual(['The buttons became choices the contact can type (Small, Large).']);
    expect(botQuestion.config.safeParse(data).success).toBe(true);
  });

  it('a text answer drops the number-only and choice settings; a number keeps its range', () => {
    const withChoices = { prompt: { kind: 'text', text: 'How many?' }, answerType: 'choice', choices: [{ id: 'one', label: 'One', keywords: [] }] };
    const toNumber = change(withChoices, { answerType: 'number', validation: { min: 1, max: 9 } });
    expect(toNumber.data).toMatchObject({ choices: [], validation: { min: 1, max: 9 } });
    expect(toNumber.notes).toEqual(['The choices were removed: the question now expects a number.']);
    const toEmail = change(toNumber.data, { answerType: 'email' });
    expect(toEmail.data.validation).toEqual({});
    expect(toEmail.notes).toEqual(['Validation cleared (minimum, maximum): it does not apply to an email address.']);
  });

  it('changes nothing, and says nothing, when the settings already agree', () => {
    expect(change(emailQuestion, { invalidMessage: 'Please send an email address' })).toEqual({
      data: { ...emailQuestion, invalidMessage: 'Please send an email address' },
      notes: [],
    });
  });
});

/** A small deterministic generator (mulberry32), so a failing sequence can be replayed from its seed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const prompts: Data[] = [
  { kind: 'none' },
  { kind: 'text', text: 'Tell me' },
  buttons,
  { kind: 'list', body: 'Pick one', buttonLabel: 'Options', sections: [{ rows: [{ id: 'a', title: 'A', description: '' }] }] },
];
const saveTargets = [
  null,
  { scope: 'vars', name: 'answer' },
  ...['email', 'first_name', 'last_name', 'language', 'timezone', 'budget'].map((name) => ({ scope: 'contact', name })),
];
const validations: Data[] = [{}, { min: 1 }, { max: 20 }, { pattern: '^[a-z]+$' }, { expression: 'answer != ""' }, { min: 2, max: 5, expression: 'true' }];
const answerTypes = ['text', 'number', 'email', 'phone', 'date', 'choice'];
const choiceLists = [[], [{ id: 'yes', label: 'Yes', keywords: [] }]];

/** Hidden settings must match what the form shows: what the question expects decides the rest. */
function expectConsistent(data: Data) {
  const parsed = botQuestion.config.safeParse(data);
  // The only thing a change may leave to do is visible: a choice question with no choices yet asks for one.
  const open = parsed.success ? [] : parsed.error.issues.filter((i) => !(i.path.join('.') === 'choices' && i.message === 'Add at least one choice'));
  expect(open).toEqual([]);
  if (!parsed.success) return;
  const c: BotQuestionConfig = parsed.data;
  const answer = effectiveAnswerType(c);
  expect(c.answerType).toBe(answer);
  if (answer !== 'choice' || c.prompt.kind === 'buttons' || c.prompt.kind === 'list') expect(c.choices).toEqual([]);
  const allowed: Record<string, string[]> = { text: ['min', 'max', 'pattern', 'expression'], number: ['min', 'max', 'expression'], choice: [] };
  for (const key of Object.keys(c.validation)) expect(allowed[answer] ?? ['expression']).toContain(key);
  if (c.saveTo?.scope === 'contact' && c.saveTo.name === 'email') expect(answer).toBe('email');
  if (c.saveTo?.scope === 'contact' && ['first_name', 'last_name'].includes(c.saveTo.name)) expect(answer).toBe('text');
}

describe('any sequence of setting changes', () => {
  it('leaves settings the schema accepts, whose hidden parts match what the form shows (2,000 sequences)', () => {
    for (let seed = 1; seed <= 2_000; seed++) {
      const next = random(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
      let data: Data = reconcileBotQuestion({}, { ...emailQuestion }).data;
      for (let step = 0; step < 8; step++) {
        const patch: Data = pick([
          () => ({ prompt: pick(prompts) }),
          () => ({ answerType: pick(answerTypes) }),
          () => ({ saveTo: pick(saveTargets) }),
          () => ({ validation: pick(validations) }),
          () => ({ choices: pick(choiceLists) }),
        ])();
        data = change(data, patch).data;
        try {
          expectConsistent(data);
        } catch (error) {
          throw new Error(`seed ${seed}, step ${step} (${JSON.stringify(patch)}): ${JSON.stringify(data)}\n${String(error)}`);
        }
      }
    }
  });
});
