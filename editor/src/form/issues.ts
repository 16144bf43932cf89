import type { z } from 'zod';
import type { Diagnostic } from '@tandem/shared';
import { labelsAlong, parseNodeConfig, type NodeDefinition } from '@tandem/nodes';
import { pathKey } from './schemaInfo';

/**
 * A node's problems by settings path: its schema's issues (the same parse as the server) and the
 * checks' diagnostics that point into its settings. Messages lose the label prefix the field already shows.
 */
export function nodeIssues(def: NodeDefinition, data: unknown, diagnostics: readonly Diagnostic[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (path: readonly (string | number)[], message: string) => {
    const key = pathKey(path);
    const list = out.get(key) ?? [];
    const text = stripLabels(def.config, data, path, message);
    if (!list.includes(text)) list.push(text);
    out.set(key, list);
  };
  const parsed = parseNodeConfig(def, data);
  if (!parsed.ok) for (const issue of parsed.issues) add(issue.path, issue.message);
  for (const d of diagnostics) if (d.path && d.code !== 'invalid-config') add(d.path, d.message);
  return out;
}

/** Problems of any schema-checked value (flow settings, a note), by path. */
export function schemaIssues(schema: z.ZodType, value: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const parsed = schema.safeParse(value);
  if (parsed.success) return out;
  for (const issue of parsed.error.issues) {
    const key = pathKey(issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)));
    out.set(key, [...(out.get(key) ?? []), issue.message]);
  }
  return out;
}

function stripLabels(schema: z.ZodType, data: unknown, path: readonly (string | number)[], message: string): string {
  const labels = labelsAlong(schema, data, path).join(' › ');
  return labels && message.startsWith(`${labels}: `) ? message.slice(labels.length + 2) : message;
}
