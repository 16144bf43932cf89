import type { ReplyChoice, StepFix } from '../defineNode';
import { normalizeChoice } from '../common/answers';
import { payloadOf } from '../send-template/applyTemplate';
import type { BotQuestionConfig } from './definition';
import { reconcileBotQuestion } from './reconcile';

const choiceId = /^[A-Za-z0-9_-]{1,64}$/;
const reserved = ['next', 'invalid', 'timeout', 'window_closed', 'error'];

/**
 * The question turned into one that sends nothing and takes the tap on the buttons of the message
 * before it (a template's quick replies), which reopens the 24-hour window. Each button becomes a
 * choice; a choice keeps the output of the question's own button or choice with the same text (or
 * at the same place, when there are as many), so its connection stays.
 */
export function listenToReplies(c: BotQuestionConfig, replies: readonly ReplyChoice[]): StepFix {
  const own =
    c.prompt.kind === 'buttons'
      ? c.prompt.buttons.map((b) => ({ id: b.id, label: b.title }))
      : c.prompt.kind === 'list'
        ? c.prompt.sections.flatMap((s) => s.rows.map((r) => ({ id: r.id, label: r.title })))
        : c.choices;
  const taken = new Set<string>();
  const notes: string[] = [];
  const choices = replies.map((r, i) => {
    const same = own.find((o) => normalizeChoice(o.label) === normalizeChoice(r.label)) ?? (own.length === replies.length ? own[i] : undefined);
    let id = same && !taken.has(same.id) ? same.id : choiceId.test(r.id) && !reserved.includes(r.id) ? r.id : payloadOf(r.label, i);
    for (let n = 2; taken.has(id) || reserved.includes(id); n++) id = `${id.slice(0, 60)}_${n}`;
    taken.add(id);
    if (same && same.id === id && normalizeChoice(same.label) !== normalizeChoice(r.label)) {
      notes.push(`The output "${same.label}" now follows the button "${r.label}".`);
    } else if (!same || same.id !== id) notes.push(`New output "${r.label}": connect it to what should happen next.`);
    return { id, label: r.label, keywords: [] as string[] };
  });
  const listening = { ...c, prompt: { kind: 'none' }, answerType: 'choice', choices };
  const reconciled = reconcileBotQuestion(c as unknown as Record<string, unknown>, listening);
  return {
    label: "Listen to the template's buttons",
    config: reconciled.data,
    notes: [
      `The question sends nothing now: it waits for a tap on ${replies.map((r) => `"${r.label}"`).join(', ')}. The tap reopens the 24-hour window.`,
      ...notes,
      ...reconciled.notes,
    ],
  };
}
