import { diagnostic, type Diagnostic } from '@tandem/shared';
import type { MarketingSend, PolicyContext } from '@tandem/nodes';
import { nodeLabel, type FlowGraph } from '../graph';

/** What the workspace has, for the checks that need it; each is skipped when absent. */
export type PolicyOptions = Omit<PolicyContext, 'label'>;

/** WhatsApp policy and journey hygiene, as each reached step declares it, plus the opt-out rule across the flow. */
export function checkPolicy(graph: FlowGraph, options: PolicyOptions): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const reached = [...graph.reachable].map((id) => graph.nodes.get(id)!).filter((n) => n.config !== undefined);
  const recordsOptOut = reached.some((n) => n.def?.policy?.recordsOptOut?.(n.config) === true);
  for (const n of reached) {
    const policy = n.def?.policy;
    if (!policy) continue;
    const nodeId = n.node.id;
    const marketing = policy.marketing?.(n.config);
    if (marketing && !marketing.hasOptOut && !recordsOptOut) diagnostics.push(marketingWithoutOptOut(marketing, nodeId));
    for (const f of policy.check?.(n.config, { ...options, label: nodeLabel(n) }) ?? []) {
      diagnostics.push(diagnostic(f.code, f.message, f.path ? { nodeId, path: f.path } : { nodeId }));
    }
  }
  return diagnostics;
}

function marketingWithoutOptOut(send: MarketingSend, nodeId: string): Diagnostic {
  return diagnostic(
    'marketing-without-opt-out',
    `"${send.template}" is a marketing template, but this flow gives contacts no way to opt out. Add a "Stop promotions" quick-reply and pick it as the opt-out button, or record the opt-out with "Set attribute".`,
    { nodeId },
  );
}
