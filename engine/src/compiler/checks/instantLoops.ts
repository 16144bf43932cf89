import { diagnostic, type Diagnostic } from '@tandem/shared';
import { nodeLabel, type FlowGraph } from '../graph';

/**
 * Finds loops a contact could go round with nothing in between that waits (a question, a
 * wait, a handoff): such a loop would send or call without end.
 */
export function checkInstantLoops(graph: FlowGraph): Diagnostic[] {
  const instant = (id: string) => {
    const n = graph.nodes.get(id);
    return n?.def !== undefined && n.config !== undefined && !n.def.analysis.waits(n.config);
  };
  const edges = (id: string) => [...(graph.targets.get(id)?.values() ?? [])].filter(instant);
  const diagnostics: Diagnostic[] = [];
  for (const component of stronglyConnected([...graph.reachable].filter(instant), edges)) {
    const selfLoop = component.length === 1 && edges(component[0]!).includes(component[0]!);
    if (component.length < 2 && !selfLoop) continue;
    const names = inCycleOrder(component, edges, graph)
      .map((id) => `"${nodeLabel(graph.nodes.get(id)!)}" (${id})`)
      .join(' → ');
    for (const id of component) {
      diagnostics.push(
        diagnostic('instant-loop', `These steps form a loop with no wait or question in it: ${names}. Add a wait, a question or an exit.`, { nodeId: id }),
      );
    }
  }
  return diagnostics;
}

/** The loop's steps in the order a contact would go round it, from the one placed first on the canvas. */
function inCycleOrder(component: string[], edges: (v: string) => string[], graph: FlowGraph): string[] {
  const order = [...graph.nodes.keys()];
  const members = new Set(component);
  const start = [...component].sort((a, b) => order.indexOf(a) - order.indexOf(b))[0]!;
  const path = [start];
  const seen = new Set(path);
  for (let at = start; ; ) {
    const next = edges(at).find((w) => members.has(w) && !seen.has(w));
    if (!next) return [...path, ...component.filter((id) => !seen.has(id))];
    path.push(next);
    seen.add(next);
    at = next;
  }
}

/** Tarjan's algorithm, iterative so that large flows cannot overflow the stack. */
function stronglyConnected(vertices: string[], edges: (v: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[][] = [];
  let counter = 0;
  for (const root of vertices) {
    if (index.has(root)) continue;
    const work: { v: string; next: string[]; i: number }[] = [];
    const open = (v: string) => {
      index.set(v, counter);
      low.set(v, counter++);
      stack.push(v);
      onStack.add(v);
      work.push({ v, next: edges(v), i: 0 });
    };
    open(root);
    while (work.length) {
      const frame = work[work.length - 1]!;
      if (frame.i < frame.next.length) {
        const w = frame.next[frame.i++]!;
        if (!index.has(w)) open(w);
        else if (onStack.has(w)) low.set(frame.v, Math.min(low.get(frame.v)!, index.get(w)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.v, Math.min(low.get(parent.v)!, low.get(frame.v)!));
      if (low.get(frame.v) === index.get(frame.v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== frame.v);
        result.push(component.reverse());
      }
    }
  }
  return result;
}
