import type { z } from 'zod';
import type { InboundMessage, RunEvent, TimerKind, WaitKind } from '@tandem/shared';
import type { OutboundContent } from './contentKinds';
import type { WhenHumanActive } from './common/humanActive';

/** What expressions see: the contact, this journey's variables, the trigger payload and the time. */
export interface Scope {
  contact: Record<string, unknown>;
  vars: Record<string, unknown>;
  trigger: Record<string, unknown>;
  now: Date;
  answer?: unknown;
  /** The run's id, to tie what a step sends to its reply (absent in previews). */
  runId?: string;
}

/** Capabilities the engine passes to node runtimes; they never reach a database or the network. */
export interface RuntimeCaps {
  /** Evaluates an expression; throws when it fails. */
  evaluate(expression: string, scope: Scope): unknown;
  /** Fills in `{{ }}` placeholders; a failing placeholder renders empty (or its fallback). */
  render(template: string, scope: Scope, encode?: (value: string) => string): string;
}

/** Changes a step makes to the journey and the contact. */
export interface ValueChanges {
  vars?: Record<string, unknown>;
  /** Attribute → value; `null` removes it. Built-in writable fields (first_name…) included. */
  contact?: Record<string, unknown>;
  addTags?: string[];
  removeTags?: string[];
  consent?: 'opt_in' | 'opt_out';
}

export type AnswerResult = { ok: true; value: unknown; choice?: string } | { ok: false; reason: string };

/** When a timer fires; `restartOnActivityMs`: it starts again, that long, whenever the contact writes or a person replies. */
export type TimerResult = { at: Date; restartOnActivityMs?: number } | { missed: true };

export interface HttpRequestSpec {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface HttpResponseData {
  status: number;
  body: unknown;
}

/** What an incoming message looks like to a message trigger. */
export interface TriggerMessageInput {
  message: InboundMessage;
  /** True when Tandem has never seen a message from this contact before. */
  firstContact: boolean;
}

/** The contact facts a broadcast's audience is judged on (the same `contact` view expressions see). */
export interface AudienceContact {
  tags: readonly string[];
  marketingConsent: 'unknown' | 'opted_in' | 'opted_out';
  /** `contact.<field>` for the filter expression. */
  view: Record<string, unknown>;
}

/** Schedule triggers: when the broadcast fires and whom it reaches. */
export interface BroadcastHooks<C> {
  /** The next firing strictly after `after`; null when it will not fire again. */
  next(config: C, after: Date): Date | null;
  /** Whether a contact is in the audience; a filter that cannot judge the contact leaves it out. */
  inAudience(config: C, contact: AudienceContact, caps: RuntimeCaps, now: Date): boolean;
}

/** What a node effect's handler may ask of the engine, which implements it in the step's transaction. */
export interface EffectPorts {
  /** Opens a handoff of this run's conversation to a team (the inbox lists it). */
  openHandoff(handoff: { team: string }): Promise<void>;
  /** Pauses the bot for the contact until someone releases it; `reason` is what releasing it names. */
  pauseContactUntilReleased(reason: string): Promise<void>;
  /** Starts the published flow `flowId` at its entry trigger with these variables; nothing when it is not live. */
  startFlow(flowId: string, vars: Record<string, unknown>): Promise<void>;
  /**
   * Marks the contact's message `wamid` read, with the typing indicator when `typing`, as far as the flow's and
   * the workspace's read-receipt setting allow. Queued: it never holds up the step, and a failure never fails the run.
   */
  acknowledge(wamid: string, options: { typing: boolean }): Promise<void>;
  /**
   * Reports a conversion of this run to Meta's Conversions API (`eventName` such as Purchase), with
   * its value and currency. Queued: it never holds up the step. A run that did not come from an ad
   * click, a sandbox workspace or one without a dataset logs it as skipped.
   */
  reportConversion(event: { eventName: string; value: number | null; currency: string | null }): Promise<void>;
}

/** What an effect's payload is computed from when the step emits it: the journey's scope and the event being handled. */
export interface EffectInput {
  scope: Scope;
  event: RunEvent;
  caps: RuntimeCaps;
}

/**
 * A named effect a node emits (`refs.effect(node, name)` in its compiled machine): how its payload is computed,
 * the payload's schema, and the handler the engine runs with it.
 */
export interface NodeEffect<P = unknown, C = unknown> {
  payload: z.ZodType<P>;
  /** The payload, from the node's settings and the moment; undefined: nothing to do this time. Pure. */
  payloadFrom(config: C, input: EffectInput): P | undefined;
  run(payload: P, ports: EffectPorts): Promise<void>;
}

/** Types an effect's handler by its payload schema (and `payloadFrom` by the node's settings). */
export function defineEffect<P, C = unknown>(effect: NodeEffect<P, C>): NodeEffect<P, C> {
  return effect;
}

/** Server-side behaviour of a node type. Every function is pure: inputs in, result out. */
export interface NodeRuntime<C> {
  /** Message triggers: does this message start the flow here, and with which `trigger.*` values. */
  matchMessage?(config: C, input: TriggerMessageInput): Record<string, unknown> | undefined;
  /** Event and API triggers: the `trigger.*` values from a payload, or the fields that are missing. */
  mapPayload?(
    config: C,
    payload: Record<string, unknown>,
    meta: { name?: string; receivedAt: Date },
  ): { ok: true; values: Record<string, unknown> } | { ok: false; missing: string[] };
  /** Condition: does the branch hold. */
  branch?(config: C, branchId: string, scope: Scope, caps: RuntimeCaps): boolean;
  /** Split: the variant for a contact, from a stable number 0–99. */
  variant?(config: C, bucket: number): string;
  /** Question: read the contact's reply. */
  answer?(config: C, message: InboundMessage, scope: Scope, caps: RuntimeCaps): AnswerResult;
  /** Question: how many times to re-ask. */
  maxRetries?(config: C): number;
  /** Where to save an answer or a mapped value. */
  save?(config: C, value: unknown): ValueChanges;
  /** The message the node sends for a purpose (prompt, re-prompt, message, handoff note). */
  message?(config: C, purpose: string, scope: Scope, caps: RuntimeCaps): OutboundContent | undefined;
  /** When a timer of the node fires. `timezone` is the contact's, else the flow's. */
  timer?(config: C, kind: TimerKind, input: { now: Date; timezone: string; scope: Scope; caps: RuntimeCaps }): TimerResult;
  /** Wait for an event: does this event count, and what to save from it. */
  matchEvent?(config: C, name: string, payload: Record<string, unknown>): ValueChanges | undefined;
  /** Set attribute: the changes to make. */
  changes?(config: C, scope: Scope, caps: RuntimeCaps): ValueChanges;
  /** HTTP request: the request, and what to keep from the response. */
  request?(config: C, scope: Scope, caps: RuntimeCaps): HttpRequestSpec;
  mapResponse?(config: C, response: HttpResponseData): ValueChanges;
  /** End: the outcome label. */
  outcome?(config: C): string | undefined;
  /** What a run standing on this step waits for (and which event); absent: the step moves on at once. */
  waitingFor?(config: C): { for: WaitKind; event?: string };
  /** The step arms timers (a timeout, a wait, an idle period): leaving it clears the run's timers. */
  armsTimers?: true;
  /** A message of this step that comes due while a person is talking: held (the default), skipped, or sent down "Person talking". */
  whenHumanActive?(config: C): WhenHumanActive;
  /** Triggers: what starts a run here (a message, a business event, the API or go-to-flow, a schedule). */
  startsOn?: 'message' | 'event' | 'api' | 'schedule';
  /** Schedule triggers: the broadcast's timing and audience. */
  broadcast?: BroadcastHooks<C>;
  /** Message triggers: rank among the flows a message could start, lower first (keywords before "any message"). */
  specificity?(config: C): number;
  /** The end reason recorded when a run finishes on this step; absent: the unconnected output is named. */
  endReason?: string;
  /** The effects the step emits, by name (its compiled machine names them with `refs.effect`): the engine computes each payload, parses it with its schema and runs its handler. */
  effects?: Record<string, NodeEffect<unknown, C>>;
}

export function defineRuntime<C>(runtime: NodeRuntime<C>): NodeRuntime<C> {
  return runtime;
}
