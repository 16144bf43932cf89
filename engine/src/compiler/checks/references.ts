import { builtInContactFields, diagnostic, type AttributeDecl, type Diagnostic } from '@tandem/shared';
import { findFields, labelsAlong, type FoundField } from '@tandem/nodes';
import { parseExpression, parseTemplate, type ParsedExpression, type Reference } from '../../expressions';
import type { FlowGraph } from '../graph';
import type { LoadedNode } from '../loadFlow';
import { availableVariables, bestEffort } from './availability';

const baseRoots = new Set(['contact', 'vars', 'trigger', 'now']);

/**
 * Reads every expression and message text in the flow: syntax, types, and that each variable
 * exists (contact attributes anywhere; journey and trigger variables on every path to the step).
 */
export function checkReferences(
  graph: FlowGraph,
  attributes: readonly AttributeDecl[],
): { diagnostics: Diagnostic[]; variablesAt: (nodeId: string) => NodeVariables } {
  const { isAvailable, everywhere } = availableVariables(graph);
  const contactFields = new Set([...builtInContactFields, ...attributes].map((a) => a.name));
  for (const n of graph.nodes.values()) {
    for (const a of bestEffort(() => (n.def ? n.def.analysis.writesAttributes(n.config ?? n.node.data) : []))) contactFields.add(a.name);
  }
  const variablesAt = (nodeId: string): NodeVariables => {
    const set = (root: 'vars' | 'trigger') =>
      [...everywhere]
        .filter((k) => k.startsWith(`${root}.`) && isAvailable(nodeId, k))
        .map((k) => k.slice(root.length + 1))
        .sort();
    return { contact: [...contactFields].sort(), vars: set('vars'), trigger: set('trigger') };
  };
  const diagnostics: Diagnostic[] = [];
  for (const id of graph.reachable) {
    const n = graph.nodes.get(id)!;
    if (!n.def || n.config === undefined) continue;
    const scope: Scope = { isAvailable: (name) => isAvailable(id, name), everywhere, contactFields };
    for (const f of findFields(n.def.config, n.config, ['expression', 'template', 'json-template'])) {
      diagnostics.push(...checkField(n, f, scope));
    }
  }
  return { diagnostics, variablesAt };
}

/** What expressions at a step can read, for autocomplete: every contact field, and the journey and trigger variables set on every path to it. */
export interface NodeVariables {
  contact: string[];
  vars: string[];
  trigger: string[];
}

interface Scope {
  isAvailable: (name: string) => boolean;
  everywhere: ReadonlySet<string>;
  contactFields: ReadonlySet<string>;
}

function checkField(n: LoadedNode, f: FoundField, scope: Scope): Diagnostic[] {
  const where = { nodeId: n.node.id, path: f.path };
  const label = labelsAlong(n.def!.config, n.config, f.path).join(' › ') || f.meta.label;
  if (f.value.trim() === '') return [];
  const found: { expression: ParsedExpression; hasFallback: boolean }[] = [];
  const out: Diagnostic[] = [];
  if (f.widget === 'expression') {
    const parsed = parseExpression(f.value);
    if (!parsed.ok) return [diagnostic('expression-syntax', `${label}: ${parsed.message} of “${f.value}”`, where)];
    found.push({ expression: parsed.expression, hasFallback: false });
  } else {
    const parsed = parseTemplate(f.value);
    for (const e of parsed.errors) out.push(diagnostic('expression-syntax', `${label}: ${e.message} (at character ${e.offset + 1})`, where));
    for (const part of parsed.parts) if (part.kind === 'placeholder') found.push({ expression: part.expression, hasFallback: part.fallback !== undefined });
    if (f.widget === 'json-template' && parsed.errors.length === 0) {
      const sample = parsed.parts.map((p) => (p.kind === 'text' ? p.text : '0')).join('');
      try {
        JSON.parse(sample);
      } catch (error) {
        return [diagnostic('invalid-config', `${label}: not valid JSON (${(error as Error).message})`, where)];
      }
    }
  }
  const roots = new Set([...baseRoots, ...(f.meta.extraRoots ?? [])]);
  for (const { expression, hasFallback } of found) {
    const problems = expression.references.flatMap((ref) => checkReference(ref, roots, scope, hasFallback) ?? []);
    for (const problem of problems) out.push(diagnostic(problem.code, `${label}: ${problem.message}`, where));
    if (problems.some((p) => p.code === 'unknown-variable')) continue;
    const type = expression.check();
    if (!type.valid) {
      out.push(diagnostic('expression-type', `${label}: ${type.message} (in ${expression.source})`, where));
    } else if (f.meta.expects === 'boolean' && !['bool', 'dyn'].includes(type.type)) {
      out.push(diagnostic('expression-type', `${label}: a condition must be true or false; this one gives a ${type.type}`, where));
    } else if (f.meta.expects === 'date' && !['google.protobuf.Timestamp', 'string', 'dyn'].includes(type.type)) {
      out.push(diagnostic('expression-type', `${label}: this must give a date, not a ${type.type}`, where));
    }
  }
  return out;
}

function checkReference(
  ref: Reference,
  roots: ReadonlySet<string>,
  scope: Scope,
  hasFallback: boolean,
): { code: 'unknown-variable' | 'variable-maybe-unset'; message: string } | undefined {
  if (!roots.has(ref.root)) {
    const hint = suggest(ref.root, [...roots]);
    return {
      code: 'unknown-variable',
      message: `"${ref.root}" is not something a flow can read${hint ? `; did you mean "${hint}"?` : '. Start with contact., vars., trigger. or now'}`,
    };
  }
  const name = ref.path[0];
  if (name === undefined || ref.root === 'now' || ref.root === 'answer') return undefined;
  if (ref.root === 'contact') {
    if (scope.contactFields.has(name)) return undefined;
    const hint = suggest(name, [...scope.contactFields]);
    return {
      code: 'unknown-variable',
      message: `contact.${name} is not a known contact attribute${hint ? `; did you mean contact.${hint}?` : '. Declare it in the flow settings or set it with "Set attribute"'}`,
    };
  }
  const key = `${ref.root}.${name}`;
  if (!scope.everywhere.has(key)) {
    const candidates = [...scope.everywhere].filter((k) => k.startsWith(`${ref.root}.`)).map((k) => k.slice(ref.root.length + 1));
    const hint = suggest(name, candidates);
    const source = ref.root === 'vars' ? 'No step in this flow saves' : 'No trigger of this flow provides';
    return { code: 'unknown-variable', message: `${source} ${key}${hint ? `; did you mean ${ref.root}.${hint}?` : ''}` };
  }
  if (!scope.isAvailable(key) && !ref.guarded && !hasFallback) {
    return {
      code: 'variable-maybe-unset',
      message: `${key} is not set on every path to this step. Set it on every path, add a fallback ({{ ${key} | "…" }}) or check has(${key}) first`,
    };
  }
  return undefined;
}

/** The closest name within a few edits (one per four letters, at most two), if any. */
function suggest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.max(1, Math.floor(name.length / 4))) + 1;
  for (const c of candidates) {
    const d = distance(name, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
