import type { Reconciled } from '../defineNode';
import { choicesOf } from '../common/messageContent';
import { isRecord } from '../parseConfig';
import type { AnswerType } from './definition';

type Data = Record<string, unknown>;

const promptKind = (d: Data) => (isRecord(d.prompt) && typeof d.prompt.kind === 'string' ? d.prompt.kind : 'text');
const hasOwnChoices = (kind: string) => kind === 'buttons' || kind === 'list';

/** The answer the question takes, from the settings as saved (a draft need not validate). */
function answerOf(d: Data): AnswerType {
  if (hasOwnChoices(promptKind(d))) return 'choice';
  return typeof d.answerType === 'string' ? (d.answerType as AnswerType) : 'text';
}

/** The validation settings each kind of answer is checked with. */
const validationFor: Record<AnswerType, readonly string[]> = {
  text: ['min', 'max', 'pattern', 'expression'],
  number: ['min', 'max', 'expression'],
  email: ['expression'],
  phone: ['expression'],
  date: ['expression'],
  choice: [],
};

/** Contact fields a question may write, and the answers that fit them (a choice saves its id). */
const contactFieldAnswers: Record<string, readonly AnswerType[]> = {
  email: ['email'],
  first_name: ['text'],
  last_name: ['text'],
  language: ['text', 'choice'],
  timezone: ['text', 'choice'],
};

/** Whether an answer of this kind may be written to this contact field (fields not listed take any answer). */
export function answerFitsContactField(answer: AnswerType, field: string): boolean {
  return contactFieldAnswers[field]?.includes(answer) ?? true;
}

/** How the panel and the checks name each kind of answer. */
export const answerLabels: Record<AnswerType, string> = {
  text: 'text',
  number: 'a number',
  email: 'an email address',
  phone: 'a phone number',
  date: 'a date',
  choice: 'a choice',
};

const validationLabels: Record<string, string> = { min: 'minimum', max: 'maximum', pattern: 'pattern', expression: 'condition' };

/**
 * Keeps a question's settings consistent after one change in the form: what the kind of prompt
 * implies for the expected answer, the validation that answer is checked with, and where it is
 * saved. Buttons and lists take one of their own rows, so the answer becomes a choice and the
 * separate choices give way to them; leaving buttons or a list for text turns their rows into
 * choices the contact can type; validation the answer cannot have is cleared; a contact field the
 * answer does not fit (a button id saved as the email address) is no longer written.
 */
export function reconcileBotQuestion(before: Data, after: Data): Reconciled {
  const data: Data = { ...after };
  const notes: string[] = [];
  const kindBefore = promptKind(before);
  const kind = promptKind(data);

  if (hasOwnChoices(kind)) {
    if (data.answerType !== 'choice') data.answerType = 'choice';
    if (Array.isArray(data.choices) && data.choices.length > 0) {
      notes.push(`The question's own choices were removed: the contact now picks one of the ${kind === 'buttons' ? 'buttons' : 'list rows'}.`);
    }
    if (data.choices !== undefined) data.choices = [];
  } else if (hasOwnChoices(kindBefore) && isRecord(before.prompt)) {
    const rows = choicesOf(before.prompt as { kind: string });
    if (rows.length > 0 && (!Array.isArray(data.choices) || data.choices.length === 0)) {
      data.answerType = 'choice';
      data.choices = rows.map((r) => ({ id: r.id, label: r.label, keywords: [] }));
      notes.push(`The ${kindBefore === 'buttons' ? 'buttons' : 'list rows'} became choices the contact can type (${rows.map((r) => r.label).join(', ')}).`);
    }
  }

  const answer = answerOf(data);
  if (answer !== 'choice' && Array.isArray(data.choices) && data.choices.length > 0) {
    data.choices = [];
    notes.push(`The choices were removed: the question now expects ${answerLabels[answer]}.`);
  }

  if (isRecord(data.validation)) {
    const allowed = validationFor[answer] ?? [];
    const entries = Object.entries(data.validation);
    const dropped = entries.filter(([k, v]) => v !== undefined && !allowed.includes(k)).map(([k]) => k);
    if (dropped.length > 0) {
      data.validation = Object.fromEntries(entries.filter(([k]) => allowed.includes(k)));
      notes.push(`Validation cleared (${dropped.map((k) => validationLabels[k] ?? k).join(', ')}): it does not apply to ${answerLabels[answer]}.`);
    }
  }

  if (isRecord(data.saveTo) && data.saveTo.scope === 'contact' && typeof data.saveTo.name === 'string') {
    if (!answerFitsContactField(answer, data.saveTo.name)) {
      notes.push(`Not saved to the contact's ${data.saveTo.name.replace('_', ' ')}: the answer is ${answerLabels[answer]}. Choose another place to save it.`);
      data.saveTo = null;
    }
  }
  return { data, notes };
}
