import { z } from 'zod';
import { durationSchema, durationToMs, formatDuration, port, type PortDef } from '@tandem/shared';
import { saveTargetSchema } from '../common/saveTarget';
import { defineNode } from '../defineNode';
import { field, tag } from '../form';
import { refs } from '../compileContext';
import { buttonsContentSchema, choicesOf, listContentSchema, templateText, textContentSchema } from '../common/messageContent';
import type { TransitionJson } from '../machineJson';
import { humanActivePorts, whenHumanActiveSchema } from '../common/humanActive';
import { readReceiptEffect } from '../common/readReceiptName';
import { checkBotQuestion } from './checks';
import { botQuestionClone } from './clone';
import { reconcileBotQuestion } from './reconcile';
import { listenToReplies } from './listen';

export const answerTypes = ['text', 'number', 'email', 'phone', 'date', 'choice'] as const;
export type AnswerType = (typeof answerTypes)[number];

const choiceSchema = z.object({
  id: field(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Use 1–64 letters, digits, "-" or "_"'), { label: 'Id', help: 'Names the output' }),
  label: field(z.string().trim().min(1).max(60), { label: 'Label' }),
  keywords: field(z.array(z.string().trim().min(1).max(60)).max(20).default([]), {
    label: 'Also accept',
    widget: 'tags',
    help: 'Other words that pick this choice (a template button text, "yes", "1"...)',
  }),
});

export { saveTargetSchema, type SaveTarget } from '../common/saveTarget';

const botQuestionConfigSchema = z
  .object({
    prompt: field(
      z.discriminatedUnion('kind', [
        z.object({
          kind: tag('none', 'Message type', {
            label: 'Nothing: listen to the previous message',
            help: "Send nothing; the reply to the message before (e.g. a template's button) is the answer",
          }),
        }),
        textContentSchema,
        buttonsContentSchema,
        listContentSchema,
      ]),
      { label: 'Question' },
    ),
    answerType: field(z.enum(answerTypes).default('text'), {
      label: 'Expected answer',
      widget: 'select',
      help: 'Buttons and lists always expect one of their choices',
      choices: {
        text: { label: 'Any text' },
        number: { label: 'A number' },
        email: { label: 'An email address' },
        phone: { label: 'A phone number' },
        date: { label: 'A date' },
        choice: { label: 'One of the choices', help: 'The contact taps a button or a row, or types one of the choices' },
      },
    }),
    choices: field(z.array(choiceSchema).max(20).default([]), { label: 'Choices', widget: 'list', showWhen: { field: 'answerType', equals: ['choice'] } }),
    validation: field(
      z.object({
        min: field(z.number().optional(), { label: 'Minimum', help: 'Numbers: smallest value; text: fewest characters' }),
        max: field(z.number().optional(), { label: 'Maximum', help: 'Numbers: largest value; text: most characters' }),
        pattern: field(z.string().max(200).optional(), { label: 'Must match pattern', widget: 'regex' }),
        expression: field(z.string().max(1_000).optional(), {
          label: 'Must satisfy',
          widget: 'expression',
          expects: 'boolean',
          extraRoots: ['answer'],
          placeholder: 'answer > 0',
          help: 'A condition on `answer`',
        }),
      }),
      { label: 'Validation' },
    ).prefault({}),
    invalidMessage: templateText('When the answer is invalid', 1_024).default("Sorry, I didn't get that. Please try again."),
    maxRetries: field(z.number().int().min(0).max(5).default(2), { label: 'Re-ask at most', help: 'Then leave by "Invalid"' }),
    saveTo: saveTargetSchema.nullable().default(null),
    whenHumanActive: whenHumanActiveSchema,
    timeout: field(durationSchema.nullable().default({ amount: 24, unit: 'hours' }), {
      label: 'Stop waiting after',
      widget: 'duration',
      help: 'Leave by "No reply" when the contact does not answer in time',
    }),
  })
  .superRefine((c, ctx) => {
    if (effectiveAnswerType(c) === 'choice' && questionChoices(c).length === 0) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'Add at least one choice' });
    }
    const ids = questionChoices(c).map((x) => x.id);
    const where = c.prompt.kind === 'buttons' ? ['prompt', 'buttons'] : c.prompt.kind === 'list' ? ['prompt', 'sections'] : ['choices'];
    if (where[0] === 'choices' && new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: where, message: 'Choice ids must be different' });
    const reserved = ids.find((id) => reservedPorts.includes(id));
    if (reserved) ctx.addIssue({ code: 'custom', path: where, message: `"${reserved}" is reserved for another output; pick another id` });
    if (c.validation.min !== undefined && c.validation.max !== undefined && c.validation.min > c.validation.max) {
      ctx.addIssue({ code: 'custom', path: ['validation', 'max'], message: 'Maximum is below the minimum' });
    }
  });
export type BotQuestionConfig = z.infer<typeof botQuestionConfigSchema>;

const reservedPorts = ['next', 'invalid', 'timeout', 'window_closed', 'error'];

/** Buttons and lists always ask for one of their rows. */
export function effectiveAnswerType(c: Pick<BotQuestionConfig, 'prompt' | 'answerType'>): AnswerType {
  return c.prompt.kind === 'buttons' || c.prompt.kind === 'list' ? 'choice' : c.answerType;
}

/** The choices a contact can pick: the prompt's buttons or rows, or the configured choices. */
export function questionChoices(c: Pick<BotQuestionConfig, 'prompt' | 'answerType' | 'choices'>) {
  if (c.prompt.kind === 'buttons' || c.prompt.kind === 'list') return choicesOf(c.prompt).map((x) => ({ ...x, keywords: [] as string[] }));
  return c.answerType === 'choice' ? c.choices : [];
}

function answerPorts(c: BotQuestionConfig): PortDef[] {
  return effectiveAnswerType(c) === 'choice' ? questionChoices(c).map((x) => port(x.id, x.label, 'branch', true)) : [port('next', 'Answered', 'next', true)];
}

export const botQuestion = defineNode({
  type: 'bot-question',
  version: 1,
  category: 'message',
  label: 'Ask a question',
  description: 'Asks the contact something (or listens to the reply to the previous message), checks the answer, re-asks, and saves it.',
  icon: 'help-circle',
  config: botQuestionConfigSchema,
  defaults: {
    prompt: { kind: 'text', text: 'What is your email address?' },
    answerType: 'email',
    invalidMessage: "Sorry, that doesn't look right. Please try again.",
    saveTo: { scope: 'contact', name: 'email' },
  },
  ports: (c) => [
    ...answerPorts(c),
    port('invalid', 'Invalid', 'invalid'),
    ...(c.timeout ? [port('timeout', 'No reply', 'timeout')] : []),
    ...(c.prompt.kind !== 'none'
      ? [port('window_closed', 'Window closed', 'window_closed'), port('error', 'Failed', 'error'), ...humanActivePorts(c.whenHumanActive)]
      : []),
  ],
  compile: (c, ctx) => {
    const node = ctx.nodeId;
    // Every reply the question takes (answer, re-ask or invalid) is marked read as the read-receipt setting allows.
    const read = refs.effect(node, readReceiptEffect);
    const done = [read, refs.saveAnswer(node), refs.clearAttempts(node)];
    const answered: TransitionJson[] =
      effectiveAnswerType(c) === 'choice'
        ? questionChoices(c).map((x) => ctx.via(x.id, { guard: refs.answer(node, x.id), actions: done }))
        : [ctx.via('next', { guard: refs.answer(node), actions: done })];
    const retry = {
      guard: refs.canRetry(node),
      actions: [read, refs.countAttempt(node), refs.send(node, 'reprompt'), ...(c.timeout ? [refs.timer(node, 'timeout')] : [])],
    };
    const on: Record<string, TransitionJson[]> = {
      'message.received': [...answered, retry, ctx.via('invalid', { actions: [read, refs.clearAttempts(node)] })],
    };
    if (c.timeout) on['timer.fired'] = [ctx.via('timeout', { guard: refs.timerFired(node, 'timeout'), actions: [refs.clearAttempts(node)] })];
    if (c.prompt.kind !== 'none') {
      on['effect.result'] = [
        ctx.via('window_closed', { guard: refs.outcome(node, 'window_closed'), actions: [refs.recordOutcome(node)] }),
        ctx.via('error', { guard: refs.outcome(node, 'error'), actions: [refs.recordOutcome(node)] }),
        ...(c.whenHumanActive === 'branch'
          ? [ctx.via('human_active', { guard: refs.outcome(node, 'human_active'), actions: [refs.recordOutcome(node), refs.clearAttempts(node)] })]
          : []),
      ];
    }
    return {
      entry: ctx.enter(...(c.prompt.kind !== 'none' ? [refs.send(node, 'prompt')] : []), ...(c.timeout ? [refs.timer(node, 'timeout')] : [])),
      on,
    };
  },
  analysis: {
    waits: () => true,
    window: (c, p) => {
      if (p === 'timeout') return c.timeout ? { kind: 'elapse', ms: durationToMs(c.timeout) } : { kind: 'unknown' };
      if (p === 'window_closed' || p === 'human_active') return { kind: 'unknown' };
      if (p === 'error') return { kind: 'elapse', ms: 0 };
      return { kind: 'reset' };
    },
    freeFormSends: (c) =>
      c.prompt.kind === 'none'
        ? []
        : [
            {
              what: 'The question',
              fallbackPort: 'window_closed',
              instead:
                'If it follows a template with quick-reply buttons, set "Question" to "none": it then listens to the reply to those buttons, which reopens the window, and sends nothing itself.',
              listenTo: (replies) => listenToReplies(c, replies),
            },
          ],
    provides: (c) => (c.saveTo?.scope === 'vars' ? [{ scope: 'vars', names: [c.saveTo.name], ports: answerPorts(c).map((p) => p.id) }] : []),
    writesAttributes: (c) =>
      c.saveTo?.scope === 'contact'
        ? [{ name: c.saveTo.name, type: ({ number: 'number', date: 'date' } as const)[effectiveAnswerType(c) as 'number' | 'date'] ?? 'string' }]
        : [],
  },
  summary: (c) => {
    const ask = c.prompt.kind === 'none' ? 'Waits for a reply' : c.prompt.kind === 'text' ? c.prompt.text.slice(0, 50) : c.prompt.body.slice(0, 50);
    const save = c.saveTo ? ` → ${c.saveTo.scope}.${c.saveTo.name}` : '';
    return `${ask} (${effectiveAnswerType(c)})${save}${c.timeout ? ` · ${formatDuration(c.timeout)}` : ''}`;
  },
  policy: { check: checkBotQuestion },
  clone: botQuestionClone,
  reconcile: reconcileBotQuestion,
});
