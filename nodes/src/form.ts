import { z } from 'zod';

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

/** One value of a choice as the form shows it: its name and what choosing it does. */
export interface ChoiceLabel {
  label: string;
  help?: string;
}

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
  /** A choice's values by name, each with its own help (an enum, or a text with suggested values). */
  choices?: Readonly<Record<string, ChoiceLabel>>;
  /** On the tag of one shape of a union of settings: that shape's name and help in the choice. */
  choice?: ChoiceLabel;
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

/**
 * The tag of one shape of a union of settings (`mode: tag('duration', 'Wait', { label: 'For a while' })`):
 * `question` labels the choice, `choice` names this shape in it.
 */
export function tag<const T extends string>(value: T, question: string, choice: ChoiceLabel): z.ZodLiteral<T> {
  return field(z.literal(value), { label: question, choice });
}
