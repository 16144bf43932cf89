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
    for (const [i, item] of data.entries()) walk(schema.element as z.ZodType, item, [...path, i], meta, widgets, out);
    return;
  }
  if (schema instanceof z.ZodUnion) {
    const option = unionOption(schema, data);
    if (option) walk(option, data, path, meta, widgets, out);
    return;
  }
  if (typeof data === 'string' && meta?.widget && widgets.includes(meta.widget)) {
    out.push({ path, widget: meta.widget, value: data, meta });
  }
}

/** The option of a union that `data` belongs to: by discriminator when there is one. */
export function unionOption(schema: z.ZodUnion, data: unknown): z.ZodType | undefined {
  const options = schema.options as z.ZodType[];
  const discriminator = (schema.def as { discriminator?: string }).discriminator;
  if (discriminator && typeof data === 'object' && data !== null) {
    const value = (data as Record<string, unknown>)[discriminator];
    return options.find((o) => {
      const field = o instanceof z.ZodObject ? (o.shape as Record<string, z.ZodType>)[discriminator] : undefined;
      return field instanceof z.ZodLiteral
        ? (field.values as Set<unknown>).has(value)
        : field instanceof z.ZodEnum
          ? (field.options as unknown[]).includes(value)
          : false;
    });
  }
  return options.find((o) => o.safeParse(data).success);
}
