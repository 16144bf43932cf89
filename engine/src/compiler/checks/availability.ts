import type { FlowGraph } from '../graph';

/**
 * Must-analysis of run variables: for every reachable step, the `vars.*` and `trigger.*` names
 * that are set on every path leading to it. Returns the sets and every name set anywhere.
 * A step with invalid settings is assumed to set everything, so only its own error shows.
 */
export function availableVariables(graph: FlowGraph): { isAvailable: (nodeId: string, name: string) => boolean; everywhere: Set<string> } {
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
    for (const p of bestEffort(() => (n.def ? n.def.analysis.provides(n.config ?? n.node.data) : []))) {
      for (const name of p.names) everywhere.add(`${p.scope}.${name}`);
    }
  }

  // Sets are bit vectors over `everywhere`: flows with thousands of steps stay fast.
  const names = [...everywhere];
  const bit = new Map(names.map((n, i) => [n, i]));
  const words = Math.ceil(names.length / 32) || 1;
  const full = new Uint32Array(words).fill(0xffffffff);
  const sets = new Map<string, Uint32Array>();
  const queue: string[] = [];
  for (const t of graph.triggers) {
    sets.set(t, new Uint32Array(words));
    queue.push(t);
  }
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    const here = sets.get(id)!;
    const n = graph.nodes.get(id)!;
    const outs: [string, Uint32Array][] =
      n.def && n.config !== undefined
        ? [...graph.targets.get(id)!].map(([port, target]) => {
            const out = here.slice();
            for (const name of provided(id, port)) {
              const b = bit.get(name)!;
              out[b >>> 5]! |= 1 << (b & 31);
            }
            return [target, out];
          })
        : [...graph.successors.get(id)!].map((target) => [target, full]);
    for (const [target, out] of outs) {
      const current = sets.get(target);
      if (!current) {
        sets.set(target, out.slice());
        queue.push(target);
        continue;
      }
      let changed = false;
      for (let w = 0; w < words; w++) {
        const next = (current[w]! & out[w]!) >>> 0;
        if (next !== current[w]) {
          current[w] = next;
          changed = true;
        }
      }
      if (changed) queue.push(target);
    }
  }
  const isAvailable = (id: string, name: string): boolean => {
    const set = sets.get(id);
    const b = bit.get(name);
    return set !== undefined && b !== undefined && (set[b >>> 5]! & (1 << (b & 31))) !== 0;
  };
  return { isAvailable, everywhere };
}

/**
 * Reads what a step with invalid settings would provide, as far as its raw settings tell, so
 * that its own error is reported and not a cascade of "unknown variable" after it.
 */
export function bestEffort<T>(read: () => T[]): T[] {
  try {
    return read();
  } catch {
    return [];
  }
}
