import { createActor, initialTransition, type AnyActorScope } from 'xstate';
import type { RunEvent, WaitKind } from '@tandem/shared';
import { runtimeOf } from '@tandem/nodes/runtime';
import type { CompiledNode, CompiledVersion } from './compiledVersion';
import type { FlowMachine } from './flowMachine';
import { contactView } from './contactView';
import { emptyPatch, type ContactPatch, type ContactState, type Effect, type LogEntry, type RunContext } from './types';
import type { RunContextJson } from '../compiler';

/** What a run stores between steps: XState's persisted snapshot without the injected parts. */
export interface StoredSnapshot {
  status: string;
  value: unknown;
  context: RunContextJson;
  [key: string]: unknown;
}

export type WaitingFor = WaitKind;

export interface StepResult {
  snapshot: StoredSnapshot;
  status: 'active' | 'done';
  currentNode: string | null;
  step: number;
  effects: Effect[];
  log: LogEntry[];
  contactPatch: ContactPatch;
  waiting: { for: WaitingFor | null; event?: string };
  /** The end step's outcome label, when the run ended at one. */
  outcome?: string;
  /** False when the machine ignored the event (nothing changed). */
  changed: boolean;
}

export interface StepEnv {
  now: Date;
  contact: ContactState;
}

/** Starts a run at a trigger: pure, no I/O. */
export function startRun(
  version: CompiledVersion,
  machine: FlowMachine,
  runId: string,
  triggerNode: string,
  trigger: Record<string, unknown>,
  env: StepEnv,
): StepResult {
  return stepRun(version, machine, initialSnapshot(machine), { type: 'run.start', node: triggerNode, runId, trigger }, env);
}

const initialSnapshots = new WeakMap<FlowMachine, StoredSnapshot>();

/**
 * The snapshot a run of `machine` starts from. It is the same for every run of one machine, so
 * XState computes it once per machine (an actor scope and a transition each time were a visible
 * share of a new conversation's CPU); each run gets its own copy.
 */
function initialSnapshot(machine: FlowMachine): StoredSnapshot {
  let stored = initialSnapshots.get(machine);
  if (!stored) {
    const [initial] = initialTransition(machine);
    stored = machine.getPersistedSnapshot(initial) as unknown as StoredSnapshot;
    initialSnapshots.set(machine, stored);
  }
  return structuredClone(stored);
}

const scopes = new WeakMap<FlowMachine, AnyActorScope>();

/**
 * The actor scope XState's transition needs, made once per machine. XState's own `transition()`
 * builds an actor (which computes the machine's initial state) on every call, a visible share of
 * each step's CPU. Reusing one is safe here because the flow machine's actions are all assignments
 * (flowMachine.ts), which XState resolves without an executor, and it has no children or delays.
 */
function scopeOf(machine: FlowMachine): AnyActorScope {
  let scope = scopes.get(machine);
  if (!scope) {
    const self = createActor(machine);
    scope = {
      self,
      id: '',
      sessionId: '',
      logger: () => {},
      defer: () => {},
      emit: () => {},
      system: self.system,
      stopChild: () => {},
      actionExecutor: () => {},
    };
    scopes.set(machine, scope);
  }
  return scope;
}

/**
 * One durable step, as a pure function: restore the snapshot with the contact and the time
 * injected, let XState take the transition, and return the new snapshot with everything the
 * step asked for (effects, log lines, contact changes) for the caller to persist atomically.
 */
export function stepRun(version: CompiledVersion, machine: FlowMachine, stored: StoredSnapshot, event: RunEvent, env: StepEnv): StepResult {
  const context: RunContext = {
    ...stored.context,
    contact: contactView(env.contact, version.contactFields, env.now),
    now: env.now.toISOString(),
    timezone: env.contact.timezone ?? version.settings.timezone,
    log: [],
    outbox: [],
    contactPatch: emptyPatch(),
  };
  const restored = machine.resolveState({ ...(stored as object), context } as never);
  const next = machine.transition(restored, event as never, scopeOf(machine));
  const ctx = next.context as RunContext;
  const { contact: _c, now: _n, timezone: _t, log, outbox, contactPatch, ...kept } = ctx;
  const persisted = machine.getPersistedSnapshot(next) as unknown as StoredSnapshot;
  const snapshot: StoredSnapshot = { ...persisted, context: kept };
  const done = next.status === 'done';
  const current = ctx.currentNode ? version.nodes.get(ctx.currentNode) : undefined;
  const outcome = done && current ? runtimeOf(current.type).outcome?.(current.config) : undefined;
  return {
    snapshot,
    status: done ? 'done' : 'active',
    currentNode: ctx.currentNode,
    step: ctx.step,
    effects: outbox,
    log,
    contactPatch,
    waiting: done || !current ? { for: null } : waitingOf(current),
    ...(outcome ? { outcome } : {}),
    changed: next !== restored && (log.length > 0 || outbox.length > 0 || next.value !== restored.value || ctx !== restored.context),
  };
}

/** What the step declares it waits for; a step that declares nothing moves on at once. */
function waitingOf(node: CompiledNode): StepResult['waiting'] {
  return runtimeOf(node.type).waitingFor?.(node.config) ?? { for: null };
}
