import { diagnostic, type Diagnostic } from '@tandem/shared';
import type { LoadedFlow, LoadedNode } from './loadFlow';

/** The flow as a graph the analyses walk: only connections that can be taken are in `targets`. */
export interface FlowGraph {
  nodes: Map<string, LoadedNode>;
  /** node → port → target node, for edges whose port exists. */
  targets: Map<string, Map<string, string>>;
  /** node → where it can be entered from (source node and port), for the same edges. */
  incoming: Map<string, { source: string; port: string }[]>;
  /** Every connection leaving a node, also from nodes whose settings are invalid. */
  successors: Map<string, Set<string>>;
  triggers: string[];
  reachable: Set<string>;
}

export function nodeLabel(n: LoadedNode): string {
  return n.def?.label ?? n.node.type;
}

/** Builds the graph and reports connections and steps that do not fit together. */
export function buildGraph(flow: LoadedFlow): { graph: FlowGraph; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const { nodes } = flow;
  const targets = new Map<string, Map<string, string>>();
  const incoming = new Map<string, { source: string; port: string }[]>();
  const successors = new Map<string, Set<string>>();
  for (const id of nodes.keys()) {
    targets.set(id, new Map());
    incoming.set(id, []);
    successors.set(id, new Set());
  }

  for (const edge of flow.edges) {
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source || !target) {
      const missing = !source ? `starts at a step that does not exist ("${edge.source}")` : `leads to a step that does not exist ("${edge.target}")`;
      diagnostics.push(
        diagnostic('dangling-edge', `This connection ${missing}. Delete it or reconnect it.`, {
          edgeId: edge.id,
          ...(source ? { nodeId: source.node.id } : {}),
        }),
      );
      continue;
    }
    if (target.def?.category === 'trigger') {
      diagnostics.push(
        diagnostic('edge-into-trigger', `"${nodeLabel(target)}" starts the flow; nothing can lead into it. Use "Go to flow" to restart a journey.`, {
          edgeId: edge.id,
          nodeId: target.node.id,
        }),
      );
      continue;
    }
    successors.get(source.node.id)!.add(target.node.id);
    if (!source.ports) continue;
    const port = source.ports.find((p) => p.id === edge.sourceHandle);
    if (!port) {
      const available = source.ports.map((p) => `"${p.label}"`).join(', ') || 'none';
      diagnostics.push(
        diagnostic(
          'unknown-port',
          `This connection leaves "${nodeLabel(source)}" by an output it no longer has ("${edge.sourceHandle}"). Its outputs: ${available}.`,
          {
            edgeId: edge.id,
            nodeId: source.node.id,
          },
        ),
      );
      continue;
    }
    const fromSource = targets.get(source.node.id)!;
    if (fromSource.has(port.id)) {
      diagnostics.push(
        diagnostic('duplicate-connection', `The "${port.label}" output of "${nodeLabel(source)}" is connected twice; a contact can only go one way.`, {
          edgeId: edge.id,
          nodeId: source.node.id,
        }),
      );
      continue;
    }
    fromSource.set(port.id, target.node.id);
    incoming.get(target.node.id)!.push({ source: source.node.id, port: port.id });
  }

  const triggers = [...nodes.values()].filter((n) => n.def?.category === 'trigger').map((n) => n.node.id);
  if (triggers.length === 0 && nodes.size > 0) {
    diagnostics.push(diagnostic('no-trigger', 'Add a trigger (message received, business event, schedule or API start) so contacts can enter the flow.'));
  } else if (nodes.size === 0) {
    diagnostics.push(diagnostic('no-trigger', 'The flow is empty: add a trigger to start.'));
  }

  const reachable = new Set<string>(triggers);
  const queue = [...triggers];
  while (queue.length) {
    const id = queue.pop()!;
    for (const next of successors.get(id) ?? []) {
      if (!reachable.has(next)) {
        reachable.add(next);
        queue.push(next);
      }
    }
  }

  for (const n of nodes.values()) {
    const id = n.node.id;
    if (!reachable.has(id)) {
      if (triggers.length)
        diagnostics.push(diagnostic('unreachable-node', `No trigger leads to "${nodeLabel(n)}", so no contact will ever reach it.`, { nodeId: id }));
      continue;
    }
    for (const p of n.ports ?? []) {
      if (p.required && !targets.get(id)!.has(p.id)) {
        diagnostics.push(
          diagnostic('unconnected-port', `The "${p.label}" output of "${nodeLabel(n)}" is not connected: contacts who go that way would stop here.`, {
            nodeId: id,
            path: ['ports', p.id],
          }),
        );
      }
    }
  }
  return { graph: { nodes, targets, incoming, successors, triggers, reachable }, diagnostics };
}
