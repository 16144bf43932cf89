import { z } from 'zod';
import { formatDuration, type Duration } from '@tandem/shared';
import { choiceText, unionLabels } from './choiceWords';
import { discriminatorOf, fieldInfo, isRecord, primitiveKind } from './schemaInfo';

const TEXT_LENGTH = 40;

/**
 * How a setting's value reads in a sentence, by its schema: durations ("2 hours"), choices by their
 * names, switches on/off, texts in quotes; undefined for values a sentence cannot hold (a group).
 */
export function valueText(schema: z.ZodType, value: unknown): string | undefined {
  const info = fieldInfo(schema);
  const v = value === undefined ? info.fallback : value;
  const s = info.inner;
  if (v === undefined) return 'not set';
  if (v === null) return 'off';
  if (primitiveKind(s) === 'duration' || isDuration(v)) return isDuration(v) ? formatDuration(v) : undefined;
  if (s instanceof z.ZodEnum || s instanceof z.ZodLiteral) return choiceText(String(v), info.meta?.choices);
  if (typeof v === 'boolean') return v ? 'on' : 'off';
  if (typeof v === 'number') return v.toLocaleString('en-US');
  if (typeof v === 'string') {
    if (v === '') return 'empty';
    const label = info.meta?.choices?.[v]?.label;
    return label ?? quote(v);
  }
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.length ? v.map((x) => quote(x)).join(', ') : 'none';
  return undefined;
}

/** A union's tag by its declared name ("For a while"), for a sentence about switching shapes. */
export function tagText(union: z.ZodType, value: unknown): string {
  const s = fieldInfo(union).inner;
  const key = s instanceof z.ZodUnion ? discriminatorOf(s) : undefined;
  if (!(s instanceof z.ZodUnion) || !key || !isRecord(value)) return String(value);
  return choiceText(String(value[key]), unionLabels(s, key).labels);
}

/** “text”, shortened to one line. */
export function quote(text: string, max = TEXT_LENGTH): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return `“${one.length > max ? `${one.slice(0, max - 1).trimEnd()}…` : one}”`;
}

function isDuration(v: unknown): v is Duration {
  return isRecord(v) && typeof v.amount === 'number' && typeof v.unit === 'string' && Object.keys(v).length === 2;
}
