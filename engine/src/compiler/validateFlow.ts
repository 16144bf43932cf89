import { diagnosticCatalog, hasErrors, type AttributeDecl, type Diagnostic } from '@tandem/shared';
import { loadFlow, type LoadedFlow } from './loadFlow';
import { buildGraph, type FlowGraph } from './graph';
import { checkInstantLoops } from './checks/instantLoops';
import { proveWindow, type WindowProof } from './checks/windowProof';
import { checkReferences, type NodeVariables } from './checks/references';
import { checkPatterns } from './checks/patterns';
import { checkPolicy, type PolicyOptions } from './checks/policy';
import { checkGoals } from './checks/goals';

export interface ValidateOptions extends PolicyOptions {
  /** Custom contact attributes of the workspace (the flow's own declarations are added). */
  attributes?: readonly AttributeDecl[];
}

export interface ValidationResult {
  /** No errors: the flow may be published. */
  ok: boolean;
  diagnostics: Diagnostic[];
  flow?: LoadedFlow;
  graph?: FlowGraph;
  /** One entry per message that needs the 24-hour window, for the canvas. */
  windowProofs: WindowProof[];
  /** Variables expressions at a step can read (autocomplete in the editor). */
  variablesAt(nodeId: string): NodeVariables;
}

const noVariables = (): NodeVariables => ({ contact: [], vars: [], trigger: [] });

/** Runs every static check on a flow document (any JSON value) and explains what is wrong. */
export function validateFlow(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const loaded = loadFlow(input);
  if (!loaded.flow) return { ok: false, diagnostics: loaded.diagnostics, windowProofs: [], variablesAt: noVariables };
  const flow = loaded.flow;
  const { graph, diagnostics: structural } = buildGraph(flow);
  const window = proveWindow(graph, options.templates ? { templates: options.templates } : {});
  const attributes = [...(options.attributes ?? []), ...flow.doc.settings.attributes];
  const references = checkReferences(graph, attributes);
  const diagnostics = sortDiagnostics(
    [
      ...loaded.diagnostics,
      ...structural,
      ...checkInstantLoops(graph),
      ...window.diagnostics,
      ...references.diagnostics,
      ...checkPatterns(graph),
      ...checkPolicy(graph, options),
      ...checkGoals(flow.doc.settings, attributes, graph),
    ],
    flow,
  );
  return { ok: !hasErrors(diagnostics), diagnostics, flow, graph, windowProofs: window.proofs, variablesAt: references.variablesAt };
}

const severityRank = { error: 0, warning: 1, info: 2 } as const;

/** Errors first, then in canvas order of their node, then by code, so output is stable. */
function sortDiagnostics(diagnostics: Diagnostic[], flow: LoadedFlow): Diagnostic[] {
  const order = new Map([...flow.nodes.keys()].map((id, i) => [id, i]));
  const codes = Object.keys(diagnosticCatalog);
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) =>
        severityRank[a.d.severity] - severityRank[b.d.severity] ||
        (a.d.nodeId ? (order.get(a.d.nodeId) ?? -1) : -1) - (b.d.nodeId ? (order.get(b.d.nodeId) ?? -1) : -1) ||
        codes.indexOf(a.d.code) - codes.indexOf(b.d.code) ||
        a.i - b.i,
    )
    .map(({ d }) => d);
}
