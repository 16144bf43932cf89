import { z } from 'zod';
import { clockTimeSchema, durationSchema, timeZoneSchema } from '@tandem/shared';
import { fieldMeta, type FieldMeta } from '@tandem/nodes';

export type Path = (string | number)[];

/** A setting's schema with its wrappers read off: what to render, and how it may be empty. */
export interface FieldInfo {
  /** The schema under optional / nullable / default wrappers. */
  inner: z.ZodType;
  meta: FieldMeta | undefined;
  optional: boolean;
  nullable: boolean;
  /** The value the schema fills in when the setting is absent (shown, but not written, until edited). */
  fallback: unknown;
}

export function fieldInfo(schema: z.ZodType): FieldInfo {
  let s = schema;
  let meta = fieldMeta(s);
  let optional = false;
  let nullable = false;
  let fallback: unknown;
  let hasFallback = false;
  for (;;) {
    if (s instanceof z.ZodDefault || s instanceof z.ZodPrefault) {
      if (!hasFallback) {
        const r = s.safeParse(undefined);
        if (r.success) {
          fallback = r.data;
          hasFallback = true;
        }
      }
      s = s.unwrap() as z.ZodType;
    } else if (s instanceof z.ZodOptional) {
      optional = true;
      s = s.unwrap() as z.ZodType;
    } else if (s instanceof z.ZodNullable) {
      nullable = true;
      s = s.unwrap() as z.ZodType;
    } else {
      break;
    }
    meta ??= fieldMeta(s);
  }
  return { inner: s, meta, optional, nullable, fallback };
}

/** Shared primitives recognised by identity, so schemas without a widget hint still get the right input. */
export function primitiveKind(s: z.ZodType): 'duration' | 'time' | 'timezone' | undefined {
  if (s === durationSchema) return 'duration';
  if (s === clockTimeSchema || fieldMeta(s)?.widget === 'time') return 'time';
  if (s === timeZoneSchema) return 'timezone';
  return undefined;
}

/** A fresh value for a new list item, a newly chosen union option, or a switched-on optional block. */
export function emptyValueFor(schema: z.ZodType): unknown {
  const info = fieldInfo(schema);
  if (info.fallback !== undefined) return structuredClone(info.fallback);
  if (info.optional) return undefined;
  if (info.nullable) return null;
  return emptyOf(info.inner);
}

/** Like `emptyValueFor`, ignoring that the setting may be left out (used when switching it on). */
export function emptyOf(s: z.ZodType): unknown {
  if (primitiveKind(s) === 'duration') return { amount: 1, unit: 'hours' };
  if (primitiveKind(s) === 'time') return '09:00';
  if (s instanceof z.ZodObject) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(s.shape as Record<string, z.ZodType>)) {
      const v = emptyValueFor(child);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }
  if (s instanceof z.ZodString) return '';
  if (s instanceof z.ZodNumber) return numberStart(s);
  if (s instanceof z.ZodBoolean) return false;
  if (s instanceof z.ZodEnum) return (s.options as unknown[])[0];
  if (s instanceof z.ZodLiteral) return [...(s.values as Set<unknown>)][0];
  if (s instanceof z.ZodArray) return [];
  if (s instanceof z.ZodUnion) {
    const first = (s.options as z.ZodType[])[0];
    return first ? emptyValueFor(first) : undefined;
  }
  return undefined;
}

function numberStart(s: z.ZodNumber): number {
  const min = s.minValue;
  if (min === null || !Number.isFinite(min)) return 0;
  return s.safeParse(min).success ? min : min + 1;
}

/** Item bounds of a list, from its `.min()` / `.max()` checks. */
export function arrayBounds(s: z.ZodArray): { min?: number; max?: number } {
  const out: { min?: number; max?: number } = {};
  for (const check of s.def.checks ?? []) {
    const def = (check as unknown as { _zod: { def: { check: string; minimum?: number; maximum?: number } } })._zod.def;
    if (def.check === 'max_length' && def.maximum !== undefined) out.max = def.maximum;
    if (def.check === 'min_length' && def.minimum !== undefined) out.min = def.minimum;
  }
  return out;
}

/** The discriminator of a discriminated union, if it is one. */
export function discriminatorOf(s: z.ZodUnion): string | undefined {
  return (s.def as { discriminator?: string }).discriminator;
}

/** Each value the discriminator can take, with the option it selects. */
export function unionChoices(s: z.ZodUnion, key: string): { value: string; option: z.ZodObject }[] {
  const out: { value: string; option: z.ZodObject }[] = [];
  for (const option of s.options as z.ZodType[]) {
    if (!(option instanceof z.ZodObject)) continue;
    const tag = (option.shape as Record<string, z.ZodType>)[key];
    const values = tag instanceof z.ZodLiteral ? [...(tag.values as Set<unknown>)] : tag instanceof z.ZodEnum ? (tag.options as unknown[]) : [];
    for (const v of values) out.push({ value: String(v), option });
  }
  return out;
}

/** Literal choices of a union of scalars (e.g. `"contact"` or a time zone), for suggestions. */
export function scalarUnionSuggestions(s: z.ZodUnion): { suggestions: string[]; timezones: boolean } | undefined {
  const suggestions: string[] = [];
  let timezones = false;
  for (const option of s.options as z.ZodType[]) {
    const inner = fieldInfo(option).inner;
    if (inner instanceof z.ZodLiteral) suggestions.push(...[...(inner.values as Set<unknown>)].map(String));
    else if (inner instanceof z.ZodEnum) suggestions.push(...(inner.options as unknown[]).map(String));
    else if (inner instanceof z.ZodString) timezones ||= primitiveKind(inner) === 'timezone';
    else return undefined;
  }
  return { suggestions, timezones };
}

/** "humanReply" → "Human reply", "until_time" → "Until time". */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function pathKey(path: readonly (string | number)[]): string {
  return path.join('.');
}

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** "buttons" → "button", "branches" → "branch": the base of a new list item's id. */
export function singular(key: string): string {
  if (key.endsWith('ches') || key.endsWith('shes')) return key.slice(0, -2);
  return key.endsWith('s') ? key.slice(0, -1) : key;
}

/** Every string held under an `id` key anywhere in a value (to keep new list item ids unique). */
export function idsIn(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) idsIn(v, out);
  else if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'id' && typeof v === 'string') out.add(v);
      else idsIn(v, out);
    }
  }
  return out;
}
