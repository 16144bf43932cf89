import { END_STATE, START_STATE, type Diagnostic } from '@tandem/shared';
import { createCompileContext, refs, type StateJson, type TransitionJson } from '@tandem/nodes';
import { validateFlow, type ValidateOptions } from './validateFlow';
import type { LoadedFlow } from './loadFlow';
import type { FlowGraph } from './graph';
import type { WindowProof } from './checks/windowProof';

/** An XState v5 machine config as plain JSON: actions and guards are named, never functions. */
export interface MachineConfig {
  id: string;
  initial: typeof START_STATE;
  context: RunContextJson;
  states: Record<string, StateJson>;
}

/** The part of a run's state that lives in the machine's context and is stored with the run. */
export interface RunContextJson {
  runId: string;
  step: number;
  currentNode: string | null;
  trigger: Record<string, unknown>;
  vars: Record<string, unknown>;
  /** Invalid answers so far, per question. */
  attempts: Record<string, number>;
  lastOutcome: null | { node: string; outcome: string; error?: { code: string; message: string } };
}

export type CompileResult =
  | { ok: true; machine: MachineConfig; flow: LoadedFlow; graph: FlowGraph; diagnostics: Diagnostic[]; windowProofs: WindowProof[] }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * Checks a flow and, when it has no errors, turns it into the machine config the engine runs:
 * one state per step, a start state that routes `run.start` to the trigger that fired, and an
 * end state for outputs left unconnected.
 */
export function compileFlow(input: unknown, options: ValidateOptions = {}): CompileResult {
  const result = validateFlow(input, options);
  if (!result.ok || !result.flow || !result.graph) return { ok: false, diagnostics: result.diagnostics };
  const { flow, graph } = result;
  const states: Record<string, StateJson> = {
    [START_STATE]: {
      on: { 'run.start': graph.triggers.map((t): TransitionJson => ({ target: t, guard: refs.isTrigger(t) })) },
    },
  };
  for (const id of graph.reachable) {
    const n = flow.nodes.get(id)!;
    states[id] = n.def!.compile(n.config, createCompileContext(id, graph.targets.get(id)!));
  }
  states[END_STATE] = { type: 'final' };
  return {
    ok: true,
    machine: {
      id: 'tandem',
      initial: START_STATE,
      context: { runId: '', step: 0, currentNode: null, trigger: {}, vars: {}, attempts: {}, lastOutcome: null },
      states,
    },
    flow,
    graph,
    diagnostics: result.diagnostics,
    windowProofs: result.windowProofs,
  };
}
