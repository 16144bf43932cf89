import { createStore, type StoreApi } from 'zustand/vanilla';
import { flowDocumentSchema, type AttributeDecl, type Diagnostic, type TemplateInfo } from '@tandem/shared';
import { validateFlow, type ValidationResult, type WindowProof } from '@tandem/engine/compiler';
import type { FlowStore } from '../store/flowStore';

/** What a node's badges show; the object is kept when nothing changed, so nodes do not re-render. */
interface NodeStatus {
  errors: number;
  warnings: number;
  proof?: WindowProof['status'];
  proofReason?: string;
  diagnostics: Diagnostic[];
}

/** Where the workspace-dependent checks come from and how current they are. */
export interface ServerCheckState {
  state: 'off' | 'checking' | 'done' | 'failed';
  message?: string;
}

export interface ValidationState {
  result: ValidationResult | undefined;
  /** Every problem shown: the browser's checks plus the server's workspace checks. */
  diagnostics: Diagnostic[];
  byNode: ReadonlyMap<string, NodeStatus>;
  errorCount: number;
  warningCount: number;
  /** Errors found by the browser's own checks (Publish waits for these to be fixed). */
  localErrorCount: number;
  /** The document changed since the last run. */
  pending: boolean;
  /** Milliseconds the last run took. */
  lastRunMs: number;
  /** Problems only the server can see (templates, other flows), or that it refused a publish for. */
  serverDiagnostics: Diagnostic[];
  server: ServerCheckState;
}

export type ValidationStore = StoreApi<ValidationState>;

export function createValidationStore(): ValidationStore {
  return createStore<ValidationState>()(() => ({
    result: undefined,
    diagnostics: [],
    byNode: new Map(),
    errorCount: 0,
    warningCount: 0,
    localErrorCount: 0,
    pending: true,
    lastRunMs: 0,
    serverDiagnostics: [],
    server: { state: 'off' },
  }));
}

/** Checks that need the workspace (its approved templates, its flows, its clock): the server's answer counts. */
const workspaceCheckCodes: ReadonlySet<string> = new Set(['unknown-template', 'template-parameters', 'unknown-flow', 'broadcast-in-past']);

export interface LocalCheckOptions {
  /** Contact attributes the workspace declares (so expressions reading them are not flagged). */
  attributes?: readonly AttributeDecl[];
  /** The workspace's templates (so a step after a template can offer to listen to its buttons). */
  templates?: readonly TemplateInfo[];
}

/** Runs the compiler's checks on the current document and stores the outcome. */
export function runValidation(flow: FlowStore, validation: ValidationStore, options: LocalCheckOptions = {}): void {
  const started = performance.now();
  const result = validateFlow(flow.getState().doc, {
    ...(options.attributes ? { attributes: options.attributes } : {}),
    ...(options.templates?.length ? { templates: options.templates } : {}),
  });
  validation.setState({
    result,
    pending: false,
    lastRunMs: performance.now() - started,
    ...combine(result, validation.getState().serverDiagnostics, validation.getState().byNode),
  });
}

/** Stores the server's workspace checks (or a refused publish's problems) next to the local ones. */
export function setServerDiagnostics(validation: ValidationStore, diagnostics: Diagnostic[], server: ServerCheckState = { state: 'done' }): void {
  const { result, byNode } = validation.getState();
  validation.setState({ serverDiagnostics: diagnostics, server, ...(result ? combine(result, diagnostics, byNode) : {}) });
}

function combine(result: ValidationResult, server: readonly Diagnostic[], previous: ReadonlyMap<string, NodeStatus>) {
  const known = new Set(result.diagnostics.map(key));
  // A step deleted since the server looked has no problems any more.
  const nodes = result.flow?.nodes;
  const extra = server.filter((d) => !known.has(key(d)) && (!d.nodeId || !nodes || nodes.has(d.nodeId)));
  const diagnostics = extra.length ? [...result.diagnostics, ...extra].sort((a, b) => rank(a) - rank(b)) : result.diagnostics;
  const byNode = new Map<string, NodeStatus>();
  for (const d of diagnostics) {
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
  return {
    diagnostics,
    byNode,
    errorCount: diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: diagnostics.filter((d) => d.severity === 'warning').length,
    localErrorCount: result.diagnostics.filter((d) => d.severity === 'error').length,
  };
}

const key = (d: Diagnostic) => `${d.code}|${d.nodeId ?? ''}|${d.message}`;
const rank = (d: Diagnostic) => (d.severity === 'error' ? 0 : d.severity === 'warning' ? 1 : 2);

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
export function startValidation(flow: FlowStore, validation: ValidationStore, delayMs = 250, options: LocalCheckOptions = {}): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    runValidation(flow, validation, options);
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

/** Asks the server to check a document against the workspace; resolves to its diagnostics. */
export type ServerCheck = (doc: unknown) => Promise<Diagnostic[]>;

/**
 * Asks the server's checks (which know the workspace's templates and flows) a while after each
 * content change, for documents that parse; only its workspace checks are added to the local ones.
 * An answer for an older revision is dropped. Returns a function that stops it.
 */
export function startServerValidation(flow: FlowStore, validation: ValidationStore, check: ServerCheck, delayMs = 700): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const run = async () => {
    timer = undefined;
    const revision = flow.getState().contentRevision;
    const parsed = flowDocumentSchema.safeParse(flow.getState().doc);
    if (!parsed.success) {
      validation.setState({ server: { state: 'failed', message: 'The flow has invalid fields' } });
      return;
    }
    validation.setState({ server: { state: 'checking' } });
    try {
      const diagnostics = await check(parsed.data);
      if (stopped || flow.getState().contentRevision !== revision) return;
      setServerDiagnostics(
        validation,
        diagnostics.filter((d) => workspaceCheckCodes.has(d.code)),
      );
    } catch (error) {
      if (stopped || flow.getState().contentRevision !== revision) return;
      validation.setState({ server: { state: 'failed', message: error instanceof Error ? error.message : String(error) } });
    }
  };
  void run();
  const unsubscribe = flow.subscribe((state, previous) => {
    if (state.contentRevision === previous.contentRevision) return;
    // The previous answer is about an older version from now on.
    if (validation.getState().server.state !== 'checking') validation.setState({ server: { state: 'checking' } });
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void run(), delayMs);
  });
  return () => {
    stopped = true;
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
