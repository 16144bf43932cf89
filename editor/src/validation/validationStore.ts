import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Diagnostic } from '@tandem/shared';
import { validateFlow, type ValidationResult, type WindowProof } from '@tandem/engine/compiler';
import type { FlowStore } from '../store/flowStore';

/** What a node's badges show; the object is kept when nothing changed, so nodes do not re-render. */
export interface NodeStatus {
  errors: number;
  warnings: number;
  proof?: WindowProof['status'];
  proofReason?: string;
  diagnostics: Diagnostic[];
}

export interface ValidationState {
  result: ValidationResult | undefined;
  diagnostics: Diagnostic[];
  byNode: ReadonlyMap<string, NodeStatus>;
  errorCount: number;
  warningCount: number;
  /** The document changed since the last run. */
  pending: boolean;
  /** Milliseconds the last run took. */
  lastRunMs: number;
}

export type ValidationStore = StoreApi<ValidationState>;

export function createValidationStore(): ValidationStore {
  return createStore<ValidationState>()(() => ({
    result: undefined,
    diagnostics: [],
    byNode: new Map(),
    errorCount: 0,
    warningCount: 0,
    pending: true,
    lastRunMs: 0,
  }));
}

/** Runs the compiler's checks on the current document and stores the outcome. */
export function runValidation(flow: FlowStore, validation: ValidationStore): void {
  const started = performance.now();
  const result = validateFlow(flow.getState().doc);
  const previous = validation.getState().byNode;
  const byNode = new Map<string, NodeStatus>();
  for (const d of result.diagnostics) {
    if (!d.nodeId) continue;
    const s = byNode.get(d.nodeId) ?? { errors: 0, warnings: 0, diagnostics: [] };
    if (d.severity === 'error') s.errors++;
    else if (d.severity === 'warning') s.warnings++;
    s.diagnostics.push(d);
    byNode.set(d.nodeId, s);
  }
  for (const p of result.windowProofs) {
    const s = byNode.get(p.nodeId) ?? { errors: 0, warnings: 0, diagnostics: [] };
    s.proof = p.status;
    s.proofReason = p.reason;
    byNode.set(p.nodeId, s);
  }
  for (const [id, s] of byNode) {
    const old = previous.get(id);
    if (old && sameStatus(old, s)) byNode.set(id, old);
  }
  validation.setState({
    result,
    diagnostics: result.diagnostics,
    byNode,
    errorCount: result.diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: result.diagnostics.filter((d) => d.severity === 'warning').length,
    pending: false,
    lastRunMs: performance.now() - started,
  });
}

function sameStatus(a: NodeStatus, b: NodeStatus): boolean {
  return (
    a.errors === b.errors &&
    a.warnings === b.warnings &&
    a.proof === b.proof &&
    a.proofReason === b.proofReason &&
    a.diagnostics.length === b.diagnostics.length &&
    a.diagnostics.every((d, i) => d.message === b.diagnostics[i]?.message && d.code === b.diagnostics[i]?.code)
  );
}

/**
 * Re-runs the checks a moment after the content changes (never on every keystroke or drag frame;
 * moving nodes does not change the verdict). Returns a function that stops it.
 */
export function startValidation(flow: FlowStore, validation: ValidationStore, delayMs = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    runValidation(flow, validation);
  };
  run();
  const unsubscribe = flow.subscribe((state, previous) => {
    if (state.contentRevision === previous.contentRevision) return;
    if (!validation.getState().pending) validation.setState({ pending: true });
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
