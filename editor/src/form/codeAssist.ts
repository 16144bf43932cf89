import { parseExpression, parseTemplate, type ParsedExpression } from '@tandem/engine/expressions';
import type { NodeVariables } from '@tandem/engine/compiler';

/** Widgets edited as code: a CEL expression, or message text with `{{ }}` placeholders. */
export type CodeWidget = 'expression' | 'template' | 'json-template';

export interface CodeProblem {
  start: number;
  end: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface CodeScope {
  /** Variables set on every path to the step; omit to skip the variable checks. */
  variables?: NodeVariables;
  extraRoots?: readonly string[];
}

const baseRoots = ['contact', 'vars', 'trigger', 'now'];

/** Problems to mark in an expression or a message text: syntax, unknown names, variables that may be unset. */
export function codeProblems(source: string, widget: CodeWidget, scope: CodeScope = {}): CodeProblem[] {
  if (source.trim() === '') return [];
  if (widget === 'expression') {
    const parsed = parseExpression(source);
    if (!parsed.ok) return [{ start: parsed.offset, end: parsed.end, message: parsed.message, severity: 'error' }];
    return referenceProblems(parsed.expression, 0, false, scope);
  }
  const parsed = parseTemplate(source);
  const problems: CodeProblem[] = parsed.errors.map((e) => ({
    start: e.offset,
    end: e.end,
    message: e.message,
    severity: 'error',
  }));
  for (const part of parsed.parts) {
    if (part.kind !== 'placeholder') continue;
    const at = source.indexOf(part.expression.source, part.start);
    problems.push(...referenceProblems(part.expression, at < 0 ? part.start : at, part.fallback !== undefined, scope));
  }
  if (widget === 'json-template' && parsed.errors.length === 0) {
    const sample = parsed.parts.map((p) => (p.kind === 'text' ? p.text : '0')).join('');
    try {
      JSON.parse(sample);
    } catch (error) {
      problems.push({ start: 0, end: source.length, message: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}`, severity: 'error' });
    }
  }
  return problems;
}

function referenceProblems(expression: ParsedExpression, offset: number, hasFallback: boolean, scope: CodeScope): CodeProblem[] {
  const roots = new Set([...baseRoots, ...(scope.extraRoots ?? [])]);
  const out: CodeProblem[] = [];
  for (const ref of expression.references) {
    const where = { start: offset + ref.start, end: offset + Math.max(ref.end, ref.start + 1) };
    if (!roots.has(ref.root)) {
      out.push({ ...where, message: `Unknown name "${ref.root}": start from ${[...roots].join(', ')}`, severity: 'error' });
      continue;
    }
    const vars = scope.variables;
    const name = ref.path[0];
    if (!vars || name === undefined || (ref.root !== 'contact' && ref.root !== 'vars' && ref.root !== 'trigger')) continue;
    if (vars[ref.root].includes(name)) continue;
    if (ref.root === 'contact') out.push({ ...where, message: `contact.${name} is not a known contact field or attribute`, severity: 'warning' });
    else if (!ref.guarded && !hasFallback) out.push({ ...where, message: `${ref.root}.${name} is not set on every path to this step`, severity: 'warning' });
  }
  return out;
}

export interface Completion {
  label: string;
  detail: string;
  kind: 'root' | 'field' | 'function';
}

const functions: Completion[] = [
  { label: 'has', detail: 'has(vars.x): whether it is set', kind: 'function' },
  { label: 'size', detail: 'size(list or text)', kind: 'function' },
  { label: 'timestamp', detail: 'timestamp("2026-01-01T00:00:00Z")', kind: 'function' },
  { label: 'duration', detail: 'duration("48h")', kind: 'function' },
  { label: 'default', detail: 'default(value, fallback)', kind: 'function' },
  { label: 'lower', detail: 'lower(text)', kind: 'function' },
  { label: 'upper', detail: 'upper(text)', kind: 'function' },
];

/**
 * What to offer at the cursor: after `contact.` / `vars.` / `trigger.` the names available at this
 * step, elsewhere the roots. In message text only inside `{{ }}`. `from` is where the typed word starts.
 */
export function completionsAt(
  before: string,
  widget: CodeWidget,
  variables: NodeVariables,
  extraRoots: readonly string[] = [],
): { from: number; items: Completion[] } | undefined {
  let text = before;
  if (widget !== 'expression') {
    const open = before.lastIndexOf('{{');
    if (open < 0 || before.lastIndexOf('}}') > open) return undefined;
    text = before.slice(open + 2);
  }
  const member = /([A-Za-z_]\w*)\.(\w*)$/.exec(text);
  if (member) {
    const root = member[1] as string;
    const partial = member[2] ?? '';
    if (root !== 'contact' && root !== 'vars' && root !== 'trigger') return undefined;
    const items = variables[root].filter((n) => n.startsWith(partial)).map((n): Completion => ({ label: n, detail: `${root}.${n}`, kind: 'field' }));
    return { from: before.length - partial.length, items };
  }
  const word = /(?:^|[^\w.])([A-Za-z_]\w*)?$/.exec(text);
  const partial = word?.[1] ?? '';
  const roots: Completion[] = [...baseRoots, ...extraRoots].map((r) => ({ label: r, detail: rootDetail[r] ?? r, kind: 'root' }));
  const items = [...roots, ...functions].filter((c) => c.label.startsWith(partial));
  return { from: before.length - partial.length, items };
}

const rootDetail: Record<string, string> = {
  contact: 'The contact: built-in fields and attributes',
  vars: "This journey's variables",
  trigger: 'Fields of the trigger that started the journey',
  now: 'The current time',
  answer: 'The answer being checked',
};
