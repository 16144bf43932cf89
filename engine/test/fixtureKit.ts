import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const examplesDir = join(import.meta.dirname, '..', 'examples');
const brokenDir = join(import.meta.dirname, 'fixtures', 'broken');

export function exampleNames(): string[] {
  return readdirSync(examplesDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''));
}

export function loadExample(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(examplesDir, `${name}.json`), 'utf8')) as Record<string, unknown>;
}

/** One edit of an example flow, written so a reader sees what was broken. */
export type Change =
  | { op: 'set'; node: string; path: string; value: unknown }
  | { op: 'setDocument'; path: string; value: unknown }
  | { op: 'removeNode'; node: string }
  | { op: 'removeEdge'; edge: string }
  | { op: 'addNode'; value: Record<string, unknown> }
  | { op: 'addEdge'; value: Record<string, unknown> }
  | { op: 'replaceDocument'; value: unknown };

export interface BrokenFixture {
  example: string;
  change: string;
  patch: Change[];
  options?: Record<string, unknown>;
  expect: unknown[];
}

export function brokenFixtures(): { code: string; fixture: BrokenFixture }[] {
  return readdirSync(brokenDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ code: f.replace(/\.json$/, ''), fixture: JSON.parse(readFileSync(join(brokenDir, f), 'utf8')) as BrokenFixture }));
}

/** Applies the fixture's changes to a fresh copy of its example. */
export function applyChanges(doc: Record<string, unknown>, changes: readonly Change[]): unknown {
  let out: unknown = structuredClone(doc);
  for (const c of changes) {
    const d = out as { nodes: { id: string }[]; edges: { id: string }[] };
    switch (c.op) {
      case 'replaceDocument':
        out = c.value;
        break;
      case 'set': {
        const node = d.nodes.find((n) => n.id === c.node);
        if (!node) throw new Error(`fixture names a missing node ${c.node}`);
        setPath(node, c.path, c.value);
        break;
      }
      case 'setDocument':
        setPath(d, c.path, c.value);
        break;
      case 'removeNode':
        d.nodes = d.nodes.filter((n) => n.id !== c.node);
        break;
      case 'removeEdge':
        d.edges = d.edges.filter((e) => e.id !== c.edge);
        break;
      case 'addNode':
        d.nodes.push(c.value as { id: string });
        break;
      case 'addEdge':
        d.edges.push(c.value as { id: string });
        break;
    }
  }
  return out;
}

function setPath(target: object, path: string, value: unknown): void {
  const keys = path.split('.');
  let obj = target as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) obj = obj[k] as Record<string, unknown>;
  const last = keys[keys.length - 1]!;
  if (value === undefined || (typeof value === 'object' && value !== null && '$delete' in value)) delete obj[last];
  else obj[last] = value;
}
