import type { FlowDocument, TemplateInfo } from '@tandem/shared';
import type { MessageView } from '@tandem/shared/api';
import { deliveryNote, describeMessage, type RenderedMessage } from '../chat/describeMessage';
import type { RunDetail } from '../workspace/types';
import { answersText, describeDetail } from './stepDetail';
import { stepWords, type StepWords } from './stepWords';
import { spanText } from './timeWords';

/** A sentence in parts; `em` parts are names the reader looks for (a step, a button, a template). */
export type Words = (string | { em: string })[];

type Step = RunDetail['steps'][number];

/** One line of a run's log, in words, with the technical record kept for the "details" toggle. */
export interface LogLine {
  id: number;
  at: string;
  words: Words;
  /** The step the line is about, by name (shown after the sentence). */
  step?: string;
  /** The step the log row was written at. */
  nodeId: string | null;
  tone: 'plain' | 'good' | 'warn' | 'bad' | 'quiet';
  technical: string;
}

interface Context {
  doc: Pick<FlowDocument, 'nodes'> | undefined;
  messages: readonly MessageView[];
  templates: readonly TemplateInfo[];
}

/** A run's log as sentences a marketer reads: what was sent and how it went, how long it waited, which output it left by. */
export function runLogLines(steps: readonly Step[], ctx: Context): LogLine[] {
  const words = stepWords(ctx.doc);
  const entered = new Map<string, string>();
  let lastEvent: Record<string, unknown> | undefined;
  const out: LogLine[] = [];
  for (const [i, s] of steps.entries()) {
    const line = (w: Words, tone: LogLine['tone'], about = s.nodeId): LogLine => ({
      id: s.id,
      at: s.at,
      nodeId: s.nodeId,
      words: w,
      ...(about ? { step: words.name(about) } : {}),
      tone,
      technical: technicalText(s),
    });
    if (s.kind === 'enter') {
      if (s.nodeId) entered.set(s.nodeId, s.at);
      // The trigger's entry says nothing the start did not.
      if (!isStart(steps[i - 1]?.detail?.type)) out.push(line(['Reached ', { em: words.name(s.nodeId) }], 'quiet', null));
    } else if (s.kind === 'port') {
      out.push(line(portWords(words, s, lastEvent), portTone(words, s), s.nodeId));
    } else if (s.kind === 'event') {
      lastEvent = s.detail ?? undefined;
      const w = eventWords(words, s, entered, ctx);
      if (w) out.push(line(w.words, w.tone, w.about));
      // node-name-ok: the run-log kind 'end' (the run finished), not the end step
    } else if (s.kind === 'end') {
      out.push(line(endWords(words, s, steps.slice(0, i)), s.detail?.reason && String(s.detail.reason).startsWith('cancelled') ? 'warn' : 'good', null));
    } else {
      out.push(line([s.detail ? describeDetail(s.detail) : 'Step'], 'quiet'));
    }
  }
  return [...out, ...heldLines(ctx, words)];
}

/** A message the run holds now, last: which step waits and why, until when (a journey's own rule after an App reply, quiet hours…). */
function heldLines(ctx: Context, words: StepWords): LogLine[] {
  return ctx.messages
    .filter((m) => m.direction === 'out' && m.status === 'held')
    .map((m) => ({
      id: -m.id,
      at: m.at,
      nodeId: m.nodeId,
      words: [
        'Waiting to send ',
        ...sentWhat(describeMessage(m, ctx.templates)),
        ` — ${(deliveryNote(m) ?? 'Held.').replace(/^Held:?\s*/, '').replace(/\.$/, '')}`,
      ],
      ...(m.nodeId ? { step: words.name(m.nodeId) } : {}),
      tone: 'warn' as const,
      technical: `held ${JSON.stringify(m.error ?? {})}`,
    }));
}

/** The first row of a run: the engine logs `start` (a trigger fired), `run.start` when started through the API. */
function isStart(type: unknown): boolean {
  return type === 'start' || type === 'run.start';
}

function portWords(words: StepWords, s: Step, lastEvent: Record<string, unknown> | undefined): Words {
  const port = s.port ?? '';
  const label = words.portLabel(s.nodeId, port);
  const tapped = lastEvent?.type === 'message.received' && lastEvent.replyId === port;
  if (tapped) return ['Left by the button ', { em: label }];
  return ['Left by ', { em: label }];
}

function portTone(words: StepWords, s: Step): LogLine['tone'] {
  const kind = words.port(s.nodeId, s.port ?? '')?.kind;
  if (kind === 'error') return 'bad';
  if (kind === 'window_closed' || kind === 'timeout' || kind === 'invalid' || kind === 'missed' || kind === 'human_active') return 'warn';
  return 'plain';
}

function eventWords(
  words: StepWords,
  s: Step,
  entered: ReadonlyMap<string, string>,
  ctx: Context,
): { words: Words; tone: LogLine['tone']; about?: string | null } | undefined {
  const d = s.detail ?? {};
  const node = typeof d.node === 'string' ? d.node : s.nodeId;
  switch (d.type) {
    case 'start':
    case 'run.start':
      return { words: ['Started by ', { em: words.name(typeof d.trigger === 'string' ? d.trigger : s.nodeId) }], tone: 'plain', about: null };
    case 'message.received': {
      const text = typeof d.text === 'string' ? d.text : '';
      if (typeof d.data === 'object' && d.data !== null)
        return { words: ['The contact filled in the form: ', { em: answersText(d.data as Record<string, unknown>) }], tone: 'plain' };
      if (d.replyId) return { words: ['The contact tapped ', { em: text }], tone: 'plain' };
      return { words: ['The contact wrote ', { em: text }], tone: 'plain' };
    }
    case 'timer.fired': {
      const since = node ? entered.get(node) : undefined;
      return { words: since ? [`Waited ${spanText(since, s.at)}`] : ['The time was up'], tone: 'plain', about: node };
    }
    case 'event.received':
      return { words: ['The event ', { em: String(d.name ?? '') }, ' arrived'], tone: 'plain' };
    case 'handoff.released':
      return { words: typeof d.by === 'string' && d.by ? ['Given back to the bot by ', { em: d.by }] : ['Given back to the bot'], tone: 'good' };
    case 'effect.result':
      return effectWords(d, node, s, ctx);
    default:
      return undefined;
  }
}

function effectWords(d: Record<string, unknown>, node: string | null, s: Step, ctx: Context): { words: Words; tone: LogLine['tone']; about?: string | null } {
  const message = sentBy(ctx.messages, node, s.at);
  const what = message ? sentWhat(describeMessage(message, ctx.templates)) : undefined;
  if (d.outcome === 'window_closed') return { words: ['Not sent: the 24-hour window was closed'], tone: 'warn', about: node };
  if (d.outcome === 'human_active') return { words: ['Not sent: a person was talking from the Business App'], tone: 'warn', about: node };
  if (d.outcome === 'error') {
    const error = d.error as { message?: unknown } | undefined;
    const why = typeof error?.message === 'string' ? error.message : 'an error';
    return { words: what ? ['Could not send ', ...what, ` — ${why}`] : [`Failed: ${why}`], tone: 'bad', about: node };
  }
  if (!what || !message) return { words: ['Done'], tone: 'plain', about: node };
  if (message.status === 'skipped' || message.status === 'blocked') {
    // The step went on without its message (e.g. skipped while a person was talking).
    const why = (deliveryNote(message) ?? '').replace(/^Not sent:?\s*/, '').replace(/\.$/, '');
    return { words: ['Did not send ', ...what, ...(why ? [`: ${why}`] : [])], tone: 'warn', about: node };
  }
  return { words: ['Sent ', ...what, ` — ${statusWord(message.status)}`], tone: message.status === 'failed' ? 'bad' : 'good', about: node };
}

/** The message the step sent last before `at` (its send is what the result is about). */
function sentBy(messages: readonly MessageView[], node: string | null, at: string): MessageView | undefined {
  if (!node) return undefined;
  const t = Date.parse(at);
  return messages.filter((m) => m.direction === 'out' && m.nodeId === node && Date.parse(m.at) <= t + 1).at(-1);
}

function sentWhat(m: RenderedMessage): Words {
  switch (m.kind) {
    case 'template':
      return ['the template ', { em: m.name }];
    case 'flow':
      return ['the WhatsApp Flow ', { em: m.flowName }];
    case 'media':
      return [`a ${m.mediaType}`, ...(m.caption ? [' ', { em: short(m.caption) }] : [])];
    case 'buttons':
    case 'list':
      return ['the question ', { em: short(m.body) }];
    case 'text':
      return ['the message ', { em: short(m.text) }];
    default:
      return ['a message'];
  }
}

const statusWords: Record<string, string> = {
  pending: 'on its way',
  queued: 'on its way',
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed',
  held: 'held',
  skipped: 'not sent',
  blocked: 'blocked',
};

function statusWord(status: string): string {
  return statusWords[status] ?? status;
}

function endWords(words: StepWords, s: Step, before: readonly Step[]): Words {
  const reason = typeof s.detail?.reason === 'string' ? s.detail.reason : '';
  const outcome = typeof s.detail?.outcome === 'string' ? s.detail.outcome : '';
  if (reason.startsWith('cancelled by ')) return ['Stopped by ', { em: reason.slice('cancelled by '.length) }];
  const tail: Words = outcome ? [' with the outcome ', { em: outcome }] : [];
  if (reason.startsWith('output ')) {
    const last = [...before].reverse().find((b) => b.kind === 'port');
    if (last)
      return ['Finished: nothing is connected after ', { em: words.portLabel(last.nodeId, last.port ?? '') }, ' of ', { em: words.name(last.nodeId) }, ...tail];
  }
  const node = words.node(s.nodeId);
  // A step that ends the journey by design (an end, a go-to-flow, a handoff) names itself.
  if (node && reason === node.type) return ['Finished at ', { em: words.name(node.id) }, ...tail];
  return ['Finished', ...tail];
}

function technicalText(s: Step): string {
  const parts: string[] = [s.kind];
  if (s.nodeId) parts.push(s.nodeId);
  if (s.port) parts.push(`→ ${s.port}`);
  if (s.detail) parts.push(JSON.stringify(s.detail));
  return parts.join(' · ');
}

function short(text: string, max = 48): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1).trimEnd()}…` : one;
}
