import { z } from 'zod';

/**
 * Names shared by the compiler (which writes them into machine configs) and the engine
 * (which implements them). Effects are returned by XState's pure `transition` and run by the
 * engine; assignments and guards run inside the transition.
 */
export const effectNames = {
  /** A node was entered: log it and advance the run's step counter. */
  enter: 'tandem.enter',
  /** A port was taken: log it. */
  port: 'tandem.port',
  /** Send the node's message (prompt, message, template, handoff note). */
  send: 'tandem.send',
  /** Arm a durable timer for the node (wait, question timeout, handoff timeout/idle). */
  timer: 'tandem.timer',
  /** Call the node's HTTP request. */
  http: 'tandem.http',
  /** Open a human handoff and pause automation for the contact. */
  handoff: 'tandem.handoff',
  /** Start another flow for the contact once this run ends. */
  startFlow: 'tandem.startFlow',
} as const;

export const assignNames = {
  captureTrigger: 'tandem.captureTrigger',
  saveAnswer: 'tandem.saveAnswer',
  countAttempt: 'tandem.countAttempt',
  clearAttempts: 'tandem.clearAttempts',
  setValues: 'tandem.setValues',
  saveResponse: 'tandem.saveResponse',
  recordOutcome: 'tandem.recordOutcome',
} as const;

export const guardNames = {
  trigger: 'tandem.isTrigger',
  expression: 'tandem.expression',
  split: 'tandem.split',
  answer: 'tandem.answer',
  canRetry: 'tandem.canRetry',
  outcome: 'tandem.outcome',
  timer: 'tandem.timer',
  event: 'tandem.event',
} as const;

// node-name-ok: timer kinds ('wait': a wait's own timer), not node types
export const timerKinds = ['wait', 'timeout', 'idle'] as const;
export type TimerKind = (typeof timerKinds)[number];

/** What a run standing on a step waits for: it routes the contact's replies, business events, releases and effect results. */
export const waitKinds = ['reply', 'event', 'timer', 'send', 'http', 'handoff'] as const;
export type WaitKind = (typeof waitKinds)[number];

export const effectOutcomes = ['ok', 'error', 'window_closed', 'missed', 'human_active'] as const;
export type EffectOutcome = (typeof effectOutcomes)[number];

/** Names of the states every compiled machine has besides one per node. */
export const START_STATE = '$start';
export const END_STATE = '$end';

/** A message as a flow sees it, whatever WhatsApp type it arrived as. */
export const inboundMessageSchema = z.object({
  wamid: z.string(),
  kind: z.enum(['text', 'button', 'interactive', 'media', 'location', 'reaction', 'contacts', 'other']),
  /** Text body, caption, or the title of the tapped button/row. */
  text: z.string().default(''),
  /** Id of the tapped reply button or list row, or a template quick-reply payload. */
  replyId: z.string().optional(),
  /** The wamid of the message this one answers (button replies carry it). */
  contextWamid: z.string().optional(),
  referral: z
    .object({
      sourceId: z.string().optional(),
      sourceType: z.string().optional(),
      sourceUrl: z.string().optional(),
      headline: z.string().optional(),
      body: z.string().optional(),
      ctwaClid: z.string().optional(),
    })
    .optional(),
  at: z.string(),
});
export type InboundMessage = z.infer<typeof inboundMessageSchema>;

/** Events the engine delivers to a run's machine. */
export const runEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run.start'), node: z.string(), runId: z.string(), trigger: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('message.received'), message: inboundMessageSchema }),
  z.object({
    type: z.literal('effect.result'),
    node: z.string(),
    outcome: z.enum(effectOutcomes),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
    data: z.unknown().optional(),
  }),
  z.object({ type: z.literal('timer.fired'), node: z.string(), timer: z.enum(timerKinds) }),
  z.object({ type: z.literal('event.received'), name: z.string(), payload: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('handoff.released'), node: z.string(), by: z.string().optional() }),
]);
export type RunEvent = z.infer<typeof runEventSchema>;
