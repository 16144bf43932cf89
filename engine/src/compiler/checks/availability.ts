import type { FlowGraph } from '../graph';

/**
 * Must-analysis of run variables: for every reachable step, the `vars.*` and `trigger.*` names
 * that are set on every path leading to it. Returns the sets and every name set anywhere.
 */
export function availableVariables(graph: FlowGraph): { available: Map<string, Set<string>>; everywhere: Set<string> } {
  const provided = (id: string, port: string): string[] => {
    const n = graph.nodes.get(id)!;
    if (!n.def || n.config === undefined) return [];
    return n.def.analysis
      .provides(n.config)
      .filter((p) => p.ports === 'all' || p.ports.includes(port))
      .flatMap((p) => p.names.map((name) => `${p.scope}.${name}`));
  };
  const everywhere = new Set<string>();
  for (const n of graph.nodes.values()) {
    if (!n.def || n.config === undefined) continue;
    for (const p of n.def.analysis.provides(n.config)) for (const name of p.names) everywhere.add(`${p.scope}.${name}`);
  }

  const available = new Map<string, Set<string>>();
  const queue: string[] = [];
  for (const t of graph.triggers) {
    available.set(t, new Set());
    queue.push(t);
  }
  while (queue.length) {
    const id = queue.shift()!;
    const here = available.get(id)!;
    const n = graph.nodes.get(id)!;
    const outs: [string, string[]][] =
      n.def && n.config !== undefined
        ? [...graph.targets.get(id)!].map(([port, target]) => [target, provided(id, port)])
        : [...graph.successors.get(id)!].map((target) => [target, []]);
    for (const [target, added] of outs) {
      const out = new Set(here);
      for (const name of added) out.add(name);
      const current = available.get(target);
      if (!current) {
        available.set(target, out);
        queue.push(target);
        continue;
      }
      let changed = false;
      for (const name of current) {
        if (!out.has(name)) {
          current.delete(name);
          changed = true;
        }
      }
      if (changed) queue.push(target);
    }
  }
  return { available, everywhere };
}
