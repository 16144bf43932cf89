import { z } from 'zod';
import type { ErrorIssue } from '@tandem/shared';
import type { NodeDefinition } from './defineNode';
import { fieldMeta } from './form';

export type ConfigResult = { ok: true; config: unknown } | { ok: false; issues: ErrorIssue[] };

/** Parses a node's settings, with messages a marketer can act on ("Title: Required"). */
export function parseNodeConfig(def: NodeDefinition, data: unknown): ConfigResult {
  const result = def.config.safeParse(data, { error: friendlyMessage });
  if (result.success) return { ok: true, config: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => {
      const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      const labels = labelsAlong(def.config, data, path);
      return { path, message: labels.length ? `${labels.join(' › ')}: ${issue.message}` : issue.message, code: issue.code };
    }),
  };
}

function friendlyMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'Required' : `Expected ${issue.expected}`;
    case 'invalid_value':
      return `Choose one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_union':
      return 'Choose one of the allowed kinds';
    case 'too_small':
      if (issue.origin === 'string') return issue.minimum === 1 ? 'Required' : `At least ${issue.minimum} characters`;
      if (issue.origin === 'number') return `Must be at least ${issue.minimum}`;
      if (issue.origin === 'array') return `Add at least ${issue.minimum}`;
      return undefined;
    case 'too_big':
      if (issue.origin === 'string') return `At most ${issue.maximum} characters`;
      if (issue.origin === 'number') return `Must be at most ${issue.maximum}`;
      if (issue.origin === 'array') return `At most ${issue.maximum} allowed`;
      return undefined;
    default:
      return undefined;
  }
}

/** Human labels of the settings along `path`, from the schema's form metadata. */
export function labelsAlong(schema: z.ZodType, data: unknown, path: readonly (string | number)[]): string[] {
  const labels: string[] = [];
  let current: z.ZodType | undefined = schema;
  let value = data;
  for (const key of path) {
    current = current && unwrap(current, value);
    if (!current) break;
    if (current instanceof z.ZodObject && typeof key === 'string') {
      current = (current.shape as Record<string, z.ZodType>)[key];
      value = isRecord(value) ? value[key] : undefined;
      const label = current && (fieldMeta(current)?.label ?? fieldMeta(unwrap(current, value) ?? current)?.label);
      labels.push(label ?? key);
    } else if (current instanceof z.ZodArray && typeof key === 'number') {
      current = current.element as z.ZodType;
      value = Array.isArray(value) ? value[key] : undefined;
      labels.push(`#${key + 1}`);
    } else {
      break;
    }
  }
  return labels;
}

function unwrap(schema: z.ZodType, value: unknown): z.ZodType | undefined {
  let s: z.ZodType = schema;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault || s instanceof z.ZodPrefault) {
      s = s.unwrap() as z.ZodType;
    } else if (s instanceof z.ZodUnion) {
      const options = s.options as z.ZodType[];
      const match = options.find((o) => o.safeParse(value).success) ?? options.find((o) => discriminatorMatches(o, value));
      if (!match) return undefined;
      s = match;
    } else {
      return s;
    }
  }
}

function discriminatorMatches(option: z.ZodType, value: unknown): boolean {
  if (!(option instanceof z.ZodObject) || !isRecord(value)) return false;
  return Object.entries(option.shape as Record<string, z.ZodType>).some(([key, s]) => s instanceof z.ZodLiteral && (s.values as Set<unknown>).has(value[key]));
}

/** A plain object (settings as saved), not an array or null. */
export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
