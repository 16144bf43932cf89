import { z } from 'zod';
import { HANDOVER_NOTE, durationSchema, durationToMs, formatDuration, port, type PortDef } from '@tandem/shared';
import { defineNode } from '../defineNode';
import { field } from '../form';
import { refs } from '../compileContext';
import { templateText } from '../common/messageContent';
import type { ActionRef, TransitionJson } from '../machineJson';

const handoffConfigSchema = z.object({
  team: field(z.string().trim().min(1, 'Name the team').max(60).default('support'), { label: 'Team / queue' }),
  message: templateText('Message to the contact', 4_096, { help: 'Optional; e.g. "A teammate will reply shortly"' }).default(''),
  resume: z
    .object({
      mode: field(z.enum(['on_release', 'after_idle', 'never']).default('on_release'), {
        label: 'Give the conversation back to the bot',
        widget: 'select',
        choices: {
          on_release: { label: 'When a teammate gives it back', help: 'Someone clicks "Back to bot" in the inbox' },
          after_idle: { label: 'When given back, or after a quiet period', help: 'Also when nobody has written for a while' },
          never: { label: 'Never', help: 'The journey ends here; the team keeps the conversation' },
        },
      }),
      idleHours: field(z.number().min(0.25).max(720).default(24), { label: 'Quiet period (hours)', showWhen: { field: 'mode', equals: ['after_idle'] } }),
    })
    .prefault({}),
  timeout: field(durationSchema.nullable().default(null), {
    label: 'If nobody takes it within',
    widget: 'duration',
    help: 'Leave by "Not taken" when no teammate picks the conversation up in time',
  }),
});
export type HandoffConfig = z.infer<typeof handoffConfigSchema>;

export const handoff = defineNode({
  type: 'handoff',
  version: 1,
  category: 'human',
  label: 'Hand over to a person',
  description: 'Assigns the conversation to a team, pauses the bot for this contact, and resumes by your rule.',
  icon: 'user-round',
  config: handoffConfigSchema,
  defaults: { team: 'support', message: 'A teammate will reply shortly.', timeout: { amount: 4, unit: 'hours' } },
  ports: (c): PortDef[] =>
    c.resume.mode === 'never' ? [] : [port('resolved', 'Back to bot', 'next'), ...(c.timeout ? [port('timeout', 'Not taken', 'timeout')] : [])],
  compile: (c, ctx) => {
    const node = ctx.nodeId;
    const entry: ActionRef[] = [refs.effect(node, 'openHandoff'), ...(c.message.trim() ? [refs.send(node, HANDOVER_NOTE)] : [])];
    if (c.resume.mode === 'never') return { type: 'final', entry: ctx.enter(...entry) };
    const timers: ActionRef[] = [...(c.timeout ? [refs.timer(node, 'timeout')] : []), ...(c.resume.mode === 'after_idle' ? [refs.timer(node, 'idle')] : [])];
    const fired: TransitionJson[] = [
      ...(c.resume.mode === 'after_idle' ? [ctx.via('resolved', { guard: refs.timerFired(node, 'idle') })] : []),
      ...(c.timeout ? [ctx.via('timeout', { guard: refs.timerFired(node, 'timeout') })] : []),
    ];
    return {
      entry: ctx.enter(...entry, ...timers),
      on: {
        'handoff.released': [ctx.via('resolved')],
        ...(fired.length ? { 'timer.fired': fired } : {}),
      },
    };
  },
  analysis: {
    waits: () => true,
    window: (c, p) => (p === 'timeout' && c.timeout ? { kind: 'elapse', ms: durationToMs(c.timeout) } : { kind: 'unknown' }),
    freeFormSends: (c) => (c.message.trim() ? [{ what: 'The handoff message' }] : []),
  },
  summary: (c) =>
    `Team ${c.team} · ${c.resume.mode === 'after_idle' ? `resume after ${c.resume.idleHours} h quiet` : c.resume.mode === 'never' ? 'bot stops' : 'resume on release'}${c.timeout ? ` · timeout ${formatDuration(c.timeout)}` : ''}`,
});
