import { celEnvironment } from './celEnvironment';
import { describeSyntaxError } from './syntaxError';

/** A variable an expression reads, e.g. `vars.budget` → root `vars`, path `["budget"]`. */
export interface Reference {
  root: string;
  path: string[];
  /** Read under `has(...)` or `.?`: reading it when unset is expected. */
  guarded: boolean;
  start: number;
  end: number;
}

export interface ParsedExpression {
  source: string;
  references: Reference[];
  evaluate(scope: Record<string, unknown>): unknown;
  /** CEL's static type of the result (`bool`, `string`, `dyn`...), or an error message. */
  check(): { valid: true; type: string } | { valid: false; message: string };
}

/**
 * A failed parse says what was expected and where: `message` with its column, `reason` without it,
 * `offset`..`end` the characters to mark.
 */
export type ParseResult = { ok: true; expression: ParsedExpression } | { ok: false; message: string; reason: string; offset: number; end: number };

interface AstNode {
  op: string;
  args: unknown;
  start?: number;
  end?: number;
}

const macros = new Set(['all', 'exists', 'exists_one', 'map', 'filter']);
const cache = new Map<string, ParseResult>();

/** Parses a CEL expression once (cached by source) and lists the variables it reads. */
export function parseExpression(source: string): ParseResult {
  const hit = cache.get(source);
  if (hit) return hit;
  const result = parseUncached(source);
  if (cache.size > 5_000) cache.clear();
  cache.set(source, result);
  return result;
}

function parseUncached(source: string): ParseResult {
  let compiled: ReturnType<typeof celEnvironment.parse>;
  try {
    compiled = celEnvironment.parse(source);
  } catch (error) {
    return { ok: false, ...describeSyntaxError(source, error) };
  }
  const references: Reference[] = [];
  collect(compiled.ast as unknown as AstNode, { bound: new Set(), present: new Set(), guarded: false }, references);
  return {
    ok: true,
    expression: {
      source,
      references,
      evaluate: (scope) => compiled(scope),
      check() {
        const r = compiled.check();
        return r.valid ? { valid: true, type: String(r.type) } : { valid: false, message: firstLine(r.error) };
      },
    },
  };
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

function isNode(x: unknown): x is AstNode {
  return typeof x === 'object' && x !== null && 'op' in x;
}

interface Walk {
  /** Names bound by a macro, e.g. `t` in `tags.exists(t, ...)`. */
  bound: ReadonlySet<string>;
  /** Variables known to be set here, because `has(...)` was checked on the left of `&&` or `?`. */
  present: ReadonlySet<string>;
  /** Inside `has(...)`. */
  guarded: boolean;
}

function collect(node: AstNode, walk: Walk, out: Reference[]): void {
  switch (node.op) {
    case 'id': {
      const name = node.args as string;
      if (!walk.bound.has(name)) out.push({ root: name, path: [], guarded: walk.guarded, start: node.start ?? 0, end: node.end ?? 0 });
      return;
    }
    case '.':
    case '.?':
    case '[]': {
      const chain = memberChain(node);
      if (chain && !walk.bound.has(chain.root)) {
        const known = walk.present.has([chain.root, ...chain.path.slice(0, 1)].join('.'));
        out.push({ root: chain.root, path: chain.path, guarded: walk.guarded || chain.optional || known, start: node.start ?? 0, end: node.end ?? 0 });
        return;
      }
      break;
    }
    case '&&':
    case '?:': {
      const [condition, ...rest] = node.args as AstNode[];
      const before = out.length;
      collect(condition!, walk, out);
      const checked = out
        .slice(before)
        .filter((r) => r.guarded && r.path.length > 0)
        .map((r) => `${r.root}.${r.path[0]}`);
      const present = new Set([...walk.present, ...checked]);
      for (const [i, branch] of rest.entries()) collect(branch, i === 0 ? { ...walk, present } : walk, out);
      return;
    }
    case 'call': {
      const [name, args] = node.args as [string, unknown[]];
      for (const a of args) if (isNode(a)) collect(a, name === 'has' ? { ...walk, guarded: true } : walk, out);
      return;
    }
    case 'rcall': {
      const [name, receiver, args] = node.args as [string, unknown, unknown[]];
      if (isNode(receiver)) collect(receiver, walk, out);
      const first = args[0];
      if (macros.has(name) && isNode(first) && first.op === 'id') {
        const inner = { ...walk, bound: new Set(walk.bound).add(first.args as string) };
        for (const a of args.slice(1)) if (isNode(a)) collect(a, inner, out);
        return;
      }
      for (const a of args) if (isNode(a)) collect(a, walk, out);
      return;
    }
  }
  visitChildren(node.args, (child) => collect(child, walk, out));
}

/** `a.b.?c["d"]` → root a, path [b, c, d]; undefined when the chain does not start at a name. */
function memberChain(node: AstNode): { root: string; path: string[]; optional: boolean } | undefined {
  const path: string[] = [];
  let optional = false;
  let current: AstNode = node;
  while (current.op === '.' || current.op === '.?' || current.op === '[]') {
    const [object, key] = current.args as [unknown, unknown];
    if (current.op === '[]') {
      if (!isNode(key) || key.op !== 'value' || typeof key.args !== 'string') return undefined;
      path.unshift(key.args);
    } else {
      path.unshift(key as string);
    }
    if (current.op === '.?') optional = true;
    if (!isNode(object)) return undefined;
    current = object;
  }
  return current.op === 'id' ? { root: current.args as string, path, optional } : undefined;
}

function visitChildren(args: unknown, visit: (n: AstNode) => void): void {
  if (isNode(args)) visit(args);
  else if (Array.isArray(args)) for (const a of args) visitChildren(a, visit);
}
