import { END_STATE, assignNames, effectNames, guardNames, type EffectOutcome, type TimerKind } from '@tandem/shared';
import type { ActionRef, GuardRef, TransitionJson } from './machineJson';

/** What a node's compile function may ask about its surroundings. */
export interface CompileContext {
  nodeId: string;
  /** Transition leaving by `port`: to the connected node, or to the end state; logs the port. */
  via(port: string, extra?: { guard?: GuardRef; actions?: ActionRef[] }): TransitionJson;
  /** Entry actions every node starts with (log the entry), followed by `more`. */
  enter(...more: ActionRef[]): ActionRef[];
}

/** Builds the compile context of one node from the edges leaving it (port → target node id). */
export function createCompileContext(nodeId: string, targets: ReadonlyMap<string, string>): CompileContext {
  return {
    nodeId,
    via(port, extra = {}) {
      const target = targets.get(port) ?? END_STATE;
      const log: ActionRef = { type: effectNames.port, params: { node: nodeId, port } };
      return {
        target,
        ...(extra.guard ? { guard: extra.guard } : {}),
        actions: [...(extra.actions ?? []), log],
      };
    },
    enter: (...more) => [{ type: effectNames.enter, params: { node: nodeId } }, ...more],
  };
}

/** Named action and guard references, so node compile functions read as sentences. */
export const refs = {
  /** `purpose` tells the node's `message` hook which of its messages to render (prompt, reprompt…). */
  send: (node: string, purpose: string): ActionRef => ({
    type: effectNames.send,
    params: { node, purpose },
  }),
  timer: (node: string, timer: TimerKind): ActionRef => ({ type: effectNames.timer, params: { node, timer } }),
  http: (node: string): ActionRef => ({ type: effectNames.http, params: { node } }),
  /** An effect the node's runtime declares in `effects[effect]`; the engine knows it only by this name. */
  effect: (node: string, effect: string): ActionRef => ({ type: effectNames.node, params: { node, effect } }),
  captureTrigger: (node: string): ActionRef => ({ type: assignNames.captureTrigger, params: { node } }),
  saveAnswer: (node: string): ActionRef => ({ type: assignNames.saveAnswer, params: { node } }),
  countAttempt: (node: string): ActionRef => ({ type: assignNames.countAttempt, params: { node } }),
  clearAttempts: (node: string): ActionRef => ({ type: assignNames.clearAttempts, params: { node } }),
  setValues: (node: string): ActionRef => ({ type: assignNames.setValues, params: { node } }),
  saveResponse: (node: string): ActionRef => ({ type: assignNames.saveResponse, params: { node } }),
  recordOutcome: (node: string): ActionRef => ({ type: assignNames.recordOutcome, params: { node } }),

  isTrigger: (node: string): GuardRef => ({ type: guardNames.trigger, params: { node } }),
  expression: (node: string, branch: string): GuardRef => ({ type: guardNames.expression, params: { node, branch } }),
  split: (node: string, variant: string): GuardRef => ({ type: guardNames.split, params: { node, variant } }),
  answer: (node: string, choice?: string): GuardRef => ({
    type: guardNames.answer,
    params: choice === undefined ? { node } : { node, choice },
  }),
  canRetry: (node: string): GuardRef => ({ type: guardNames.canRetry, params: { node } }),
  outcome: (node: string, outcome: EffectOutcome): GuardRef => ({ type: guardNames.outcome, params: { node, outcome } }),
  timerFired: (node: string, timer: TimerKind): GuardRef => ({ type: guardNames.timer, params: { node, timer } }),
  event: (node: string): GuardRef => ({ type: guardNames.event, params: { node } }),
};

/** The usual shape of a node that runs one effect and leaves by the port its outcome names. */
export function onOutcomes(ctx: CompileContext, outcomes: Partial<Record<EffectOutcome, string>>): Record<string, TransitionJson[]> {
  const transitions = Object.entries(outcomes).map(([outcome, port]) =>
    ctx.via(port, {
      guard: refs.outcome(ctx.nodeId, outcome as EffectOutcome),
      actions: [refs.recordOutcome(ctx.nodeId)],
    }),
  );
  return { 'effect.result': transitions };
}
