import { z } from 'zod';
import { fieldMeta, type FieldMeta, type Widget } from './form';

/** A string setting found in a node's config, with where it is and how it is edited. */
export interface FoundField {
  path: (string | number)[];
  widget: Widget;
  value: string;
  meta: FieldMeta;
}

/**
 * Walks a valid config alongside its schema and returns every string setting whose widget is
 * one of `widgets` (expressions, message templates, patterns...), so checks need no per-node code.
 */
export function findFields(schema: z.ZodType, data: unknown, widgets: readonly Widget[]): FoundField[] {
  const found: FoundField[] = [];
  walk(schema, data, [], undefined, widgets, found);
  return found;
}

function walk(
  schema: z.ZodType,
  data: unknown,
  path: (string | number)[],
  inherited: FieldMeta | undefined,
  widgets: readonly Widget[],
  out: FoundField[],
): void {
  const meta = fieldMeta(schema) ?? inherited;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    if (data === undefined || data === null) return;
    return walk(schema.unwrap() as z.ZodType, data, path, meta, widgets, out);
  }
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault) {
    return walk(schema.unwrap() as z.ZodType, data, path, meta, widgets, out);
  }
  if (schema instanceof z.ZodObject) {
    if (typeof data !== 'object' || data === null) return;
    const record = data as Record<string, unknown>;
    for (const [key, child] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      walk(child, record[key], [...path, key], undefined, widgets, out);
    }
    return;
  }
  if (schema instanceof z.ZodArray) {
    if (!Array.isArray(data)) return;
    data.forEach((item, i) => walk(schema.element as z.ZodType, item, [...path, i], meta, widgets, out));
    return;
  }
  if (schema instanceof z.ZodUnion) {
    const option = (schema.options as z.ZodType[]).find((o) => o.safeParse(data).success);
    if (option) walk(option, data, path, meta, widgets, out);
    return;
  }
  if (typeof data === 'string' && meta?.widget && widgets.includes(meta.widget)) {
    out.push({ path, widget: meta.widget, value: data, meta });
  }
}
