import { z } from 'zod';
import { durationSchema, durationToMs, formatDuration, port, type PortDef } from '@tandem/shared';
import { defineNode } from '../defineNode';
import { field } from '../form';
import { refs } from '../compileContext';
import type { TransitionJson } from '../machineJson';
import { templateText } from '../common/messageContent';
import { saveTargetSchema } from '../common/saveTarget';
import { humanActivePorts, whenHumanActiveSchema } from '../common/humanActive';
import { templateCategories } from '../common/content/template';
import { FLOW_CTA_MAX } from './content';
import { checkSendFlow } from './checks';
import { sendFlowClone } from './clone';

const answerMappingSchema = z.object({
  field: field(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,79}$/, 'A field name of the Flow (letters, digits, _)'), {
    label: 'Flow field',
    help: 'The name the field has in the Flow (its key in the reply)',
  }),
  saveTo: saveTargetSchema,
});

const dataSchema = z.object({
  key: field(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,79}$/, 'Letters, digits and _'), { label: 'Key' }),
  value: templateText('Value', 1_000),
});

const outsideWindowSchema = z.object({
  name: field(z.string().regex(/^[a-z0-9_]{1,512}$/, 'Template names use lower-case letters, digits and _'), {
    label: 'Template',
    widget: 'template-picker',
    help: 'An approved template with a Flow button that opens this Flow',
  }),
  language: field(z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'Use a language code such as en or en_US'), { label: 'Language' }),
  category: field(z.enum(templateCategories), { label: 'Category', widget: 'select' }),
  buttonIndex: field(z.number().int().min(0).max(9).default(0), { label: 'Flow button position', help: '0 for the first button' }),
  body: field(
    z
      .array(templateText('Body parameter', 1_024, { required: 'Give the parameter a value' }))
      .max(60)
      .default([]),
    {
      label: 'Body parameters',
      widget: 'list',
      help: '{{1}}, {{2}}… of the template, in order',
    },
  ),
});

const sendFlowConfigSchema = z
  .object({
    flow: z.object({
      id: field(z.string().regex(/^\d{1,30}$/, 'Pick one of the WhatsApp Flows of the workspace'), { label: 'WhatsApp Flow', widget: 'wa-flow-picker' }),
      name: field(z.string().max(200).default(''), { label: 'Flow name' }),
    }),
    screen: field(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,79}$/, 'A screen id of the Flow, such as WELCOME'), {
      label: 'Opens on screen',
      help: "The Flow's first screen, unless you start elsewhere",
    }),
    header: templateText('Header', 60).optional(),
    body: templateText('Message', 1_024, { required: 'Say what the form is for' }),
    footer: templateText('Footer', 60).optional(),
    cta: field(z.string().trim().min(1, 'Give the button a label').max(FLOW_CTA_MAX, `At most ${FLOW_CTA_MAX} characters (WhatsApp limit)`), {
      label: 'Button label',
      limit: FLOW_CTA_MAX,
    }),
    data: field(z.array(dataSchema).max(30).default([]), { label: 'Start with data', widget: 'list', help: 'Values the first screen can show' }),
    answers: field(z.array(answerMappingSchema).max(50).default([]), { label: 'Save answers', widget: 'list' }),
    timeout: field(durationSchema.nullable().default({ amount: 24, unit: 'hours' }), {
      label: 'Stop waiting after',
      widget: 'duration',
      help: 'Leave by "No answer" when the form is not sent back in time',
    }),
    outsideWindow: field(outsideWindowSchema.nullable().default(null), {
      label: 'Outside the 24-hour window',
      help: 'Send this template with a Flow button instead; without one the step leaves by "Window closed"',
    }),
    whenHumanActive: whenHumanActiveSchema,
  })
  .superRefine((c, ctx) => {
    const fields = c.answers.map((a) => a.field);
    fields.forEach((f, i) => {
      if (fields.indexOf(f) !== i) ctx.addIssue({ code: 'custom', path: ['answers', i, 'field'], message: `"${f}" is saved twice` });
    });
    const keys = c.data.map((d) => d.key);
    keys.forEach((k, i) => {
      if (keys.indexOf(k) !== i) ctx.addIssue({ code: 'custom', path: ['data', i, 'key'], message: `"${k}" is given twice` });
    });
  });
export type SendFlowConfig = z.infer<typeof sendFlowConfigSchema>;

export const sendFlow = defineNode({
  type: 'send-flow',
  version: 1,
  category: 'message',
  label: 'Send WhatsApp Flow',
  description:
    'Sends one of your WhatsApp Flows (a form inside the chat), waits for it to be submitted and saves the answers. Outside the 24-hour window it sends a template with a Flow button instead.',
  icon: 'clipboard-list',
  config: sendFlowConfigSchema,
  // The lead form every sandbox workspace has (like the hello_world template); elsewhere the checker asks to pick one.
  defaults: {
    flow: { id: '2814653498770231', name: 'lead_signup' },
    screen: 'LEAD_FORM',
    body: 'Please fill in this short form.',
    cta: 'Open form',
  },
  ports: (c) => ports(c),
  compile: (c, ctx) => {
    const node = ctx.nodeId;
    const on: Record<string, TransitionJson[]> = {
      'message.received': [ctx.via('next', { guard: refs.answer(node), actions: [refs.saveAnswer(node)] })],
      'effect.result': [
        ...(c.outsideWindow ? [] : [ctx.via('window_closed', { guard: refs.outcome(node, 'window_closed'), actions: [refs.recordOutcome(node)] })]),
        ctx.via('error', { guard: refs.outcome(node, 'error'), actions: [refs.recordOutcome(node)] }),
        ...(c.whenHumanActive === 'branch'
          ? [ctx.via('human_active', { guard: refs.outcome(node, 'human_active'), actions: [refs.recordOutcome(node)] })]
          : []),
      ],
    };
    if (c.timeout) on['timer.fired'] = [ctx.via('timeout', { guard: refs.timerFired(node, 'timeout') })];
    return { entry: ctx.enter(refs.send(node, 'flow'), ...(c.timeout ? [refs.timer(node, 'timeout')] : [])), on };
  },
  analysis: {
    waits: () => true,
    window: (c, p) => {
      if (p === 'next') return { kind: 'reset' };
      if (p === 'timeout') return c.timeout ? { kind: 'elapse', ms: durationToMs(c.timeout) } : { kind: 'unknown' };
      if (p === 'error') return { kind: 'elapse', ms: 0 };
      return { kind: 'unknown' };
    },
    // With a Flow-button template the step can always reach the contact.
    freeFormSends: (c) => (c.outsideWindow ? [] : [{ what: 'The Flow', fallbackPort: 'window_closed' }]),
    provides: (c) => {
      const names = c.answers.flatMap((a) => (a.saveTo.scope === 'vars' ? [a.saveTo.name] : []));
      return names.length ? [{ scope: 'vars', names, ports: ['next'] }] : [];
    },
    writesAttributes: (c) => c.answers.flatMap((a) => (a.saveTo.scope === 'contact' ? [{ name: a.saveTo.name, type: 'string' as const }] : [])),
  },
  summary: (c) =>
    `${c.flow.name || c.flow.id || 'No Flow picked'} · "${c.cta}"${c.timeout ? ` · waits ${formatDuration(c.timeout)}` : ''}${c.outsideWindow ? ` · else ${c.outsideWindow.name}` : ''}`,
  policy: {
    marketing: (c) => (c.outsideWindow?.category === 'MARKETING' ? { template: c.outsideWindow.name, hasOptOut: false } : undefined),
    check: checkSendFlow,
  },
  clone: sendFlowClone,
});

function ports(c: SendFlowConfig): PortDef[] {
  return [
    port('next', 'Submitted', 'next'),
    ...(c.timeout ? [port('timeout', 'No answer', 'timeout')] : []),
    ...(c.outsideWindow ? [] : [port('window_closed', 'Window closed', 'window_closed')]),
    port('error', 'Failed', 'error'),
    ...humanActivePorts(c.whenHumanActive),
  ];
}
