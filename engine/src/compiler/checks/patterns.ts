import { diagnostic, type Diagnostic } from '@tandem/shared';
import { findFields, labelsAlong } from '@tandem/nodes';
import type { FlowGraph } from '../graph';

/** A quantified group that itself holds a quantifier, e.g. `(a+)+`: catastrophic backtracking. */
const nestedQuantifier = /\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)[+*{]/;

/** Regular expressions in triggers and validations must compile and must not backtrack for ever. */
export function checkPatterns(graph: FlowGraph): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const id of graph.reachable) {
    const n = graph.nodes.get(id)!;
    if (!n.def || n.config === undefined) continue;
    for (const f of findFields(n.def.config, n.config, ['regex'])) {
      if (f.value === '') continue;
      const where = { nodeId: id, path: f.path };
      const label = labelsAlong(n.def.config, n.config, f.path).join(' › ') || f.meta.label;
      try {
        new RegExp(f.value);
      } catch (error) {
        diagnostics.push(diagnostic('invalid-regex', `${label}: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`, where));
        continue;
      }
      if (nestedQuantifier.test(f.value)) {
        diagnostics.push(
          diagnostic(
            'slow-regex',
            `${label}: a repeated group that itself repeats (like (a+)+) can take seconds on some messages; simplify /${f.value}/`,
            where,
          ),
        );
      }
    }
  }
  return diagnostics;
}
