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
  /** Emit an effect the node's runtime declares (open a handoff, start a flow, mark read): params `{ node, effect }` name it; its `payloadFrom` computes the payload. */
  node: 'tandem.nodeEffect',
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

/**
 * A person has the conversation: what a run standing on a step that handed over waits for (their
 * release), and why the bot is paused for the contact. (A reply from the Business App pauses it as 'app_reply'.)
 */
export const PERSON = 'person';
/** The purpose of the note a step sends as it hands the conversation to a person: it goes out although the hand-over paused the bot. */
export const HANDOVER_NOTE = 'handover_note';

/** What a run standing on a step waits for: it routes the contact's replies, business events, releases and effect results. */
export const waitKinds = ['reply', 'event', 'timer', 'send', 'http', PERSON] as const;
export type WaitKind = (typeof waitKinds)[number];

export const effectOutcomes = ['ok', 'error', 'window_closed', 'missed', 'human_active'] as const;
export type EffectOutcome = (typeof effectOutcomes)[number];

/** Names of the states every compiled machine has besides one per node. */
export const START_STATE = '$start';
export const END_STATE = '$end';

/** Kinds the webhook layer reads itself; nodes declare more (nodes/src/inboundKinds.ts). */
export const builtInInboundKinds = ['text', 'button', 'interactive', 'media', 'location', 'reaction', 'contacts', 'other'] as const;

/** A message as a flow sees it, whatever WhatsApp type it arrived as. */
export const inboundMessageSchema = z.object({
  wamid: z.string(),
  /** One of `builtInInboundKinds`, or a kind a node declares (a submitted WhatsApp Flow). */
  kind: z.string().min(1),
  /** Text body, caption, or the title of the tapped button/row. */
  text: z.string().default(''),
  /** Id of the tapped reply button or list row, or a template quick-reply payload. */
  replyId: z.string().optional(),
  /** What a node-declared kind read from the message (a Flow's answers). */
  data: z.record(z.string(), z.unknown()).optional(),
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
