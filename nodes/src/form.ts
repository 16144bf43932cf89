import type { z } from 'zod';

/** How the editor renders a setting. Text-like widgets are also what the checker reads. */
export type Widget =
  | 'text'
  | 'textarea'
  | 'number'
  | 'toggle'
  | 'select'
  | 'tags'
  | 'expression'
  | 'template'
  | 'duration'
  | 'time'
  | 'datetime'
  | 'regex'
  | 'cron'
  | 'json-template'
  | 'template-picker'
  | 'flow-picker'
  | 'wa-flow-picker'
  | 'list';

export interface FieldMeta {
  label: string;
  help?: string;
  widget?: Widget;
  placeholder?: string;
  /** Show only when another setting (a sibling key) has one of these values. */
  showWhen?: { field: string; equals: readonly (string | boolean | number)[] };
  /** Limit shown live in the editor (characters or items). */
  limit?: number;
  /** What an expression must produce. */
  expects?: 'boolean' | 'date';
  /** Names an expression may read besides contact, vars, trigger and now (e.g. `answer`). */
  extraRoots?: string[];
}

/** Attaches form metadata to a schema; the editor builds the settings panel from it. */
export function field<S extends z.ZodType>(schema: S, meta: FieldMeta): S {
  const { label, help, ...rest } = meta;
  return schema.meta({ title: label, ...(help ? { description: help } : {}), ...rest }) as S;
}

/** Reads a field's metadata back. */
export function fieldMeta(schema: z.ZodType): FieldMeta | undefined {
  const m = schema.meta();
  if (!m || typeof m.title !== 'string') return undefined;
  const { title, description, ...rest } = m as Record<string, unknown>;
  return { label: title as string, ...(typeof description === 'string' ? { help: description } : {}), ...rest } as FieldMeta;
}
