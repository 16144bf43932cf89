import { z } from 'zod';
import type { ChoiceLabel } from '@tandem/nodes';
import { unionLabels } from './choiceWords';
import { discriminatorOf, fieldInfo, humanize, isRecord, primitiveKind, unionChoices } from './schemaInfo';
import { quote, tagText, valueText } from './valueWords';

/**
 * What changed between two values of a setting, one sentence per change, named by the schema's
 * labels: "Wait for: 1 hour → 2 hours", "Buttons: added “Maybe”", "Wait: For a while → For an event".
 */
export function settingChanges(schema: z.ZodType, before: unknown, after: unknown, label = ''): string[] {
  const info = fieldInfo(schema);
  const a = before === undefined ? info.fallback : before;
  const b = after === undefined ? info.fallback : after;
  if (same(a, b)) return [];
  const s = info.inner;
  const name = info.meta?.label ?? label;
  if (primitiveKind(s) === 'duration' || info.meta?.widget === 'duration') return [`${name || 'Setting'}: ${valueText(schema, a)} → ${valueText(schema, b)}`];
  if (s instanceof z.ZodObject && isRecord(a) && isRecord(b)) return objectChanges(s, a, b, name);
  if (s instanceof z.ZodUnion && isRecord(a) && isRecord(b)) {
    const key = discriminatorOf(s);
    if (key) {
      if (a[key] !== b[key]) return [`${unionLabels(s, key).question ?? (name || humanize(key))}: ${tagText(s, a)} → ${tagText(s, b)}`];
      const option = unionChoices(s, key).find((c) => c.value === String(a[key]))?.option;
      if (option) return objectChanges(option, a, b, name, key);
    }
  }
  if (s instanceof z.ZodArray && Array.isArray(a) && Array.isArray(b)) {
    const items = listChanges(s, a, b, name, info.meta?.choices);
    if (items) return items;
  }
  const from = valueText(schema, a);
  const to = valueText(schema, b);
  if (from !== undefined && to !== undefined) return [`${name || 'Setting'}: ${from} → ${to}`];
  return [`${name || 'Settings'} changed`];
}

function objectChanges(s: z.ZodObject, a: Record<string, unknown>, b: Record<string, unknown>, name: string, skip?: string): string[] {
  const out: string[] = [];
  for (const [key, child] of Object.entries(s.shape as Record<string, z.ZodType>)) {
    if (key === skip) continue;
    const lines = settingChanges(child, a[key], b[key], humanize(key));
    out.push(...(name ? lines.map((l) => `${name} › ${l}`) : lines));
  }
  return out;
}

/** Lists of items with an id (buttons, choices, branches): added, removed, and changed items by their title. */
function listChanges(s: z.ZodArray, a: unknown[], b: unknown[], name: string, choices?: Readonly<Record<string, ChoiceLabel>>): string[] | undefined {
  const element = s.element as z.ZodType;
  if (a.every((x) => typeof x === 'string') && b.every((x) => typeof x === 'string')) {
    // Values of a choice read by their names (weekdays), typed values in quotes (tags, keywords).
    const word = (x: unknown) => (choices?.[String(x)] ? choices[String(x)]!.label : quote(String(x)));
    const added = b.filter((x) => !a.includes(x)).map(word);
    const removed = a.filter((x) => !b.includes(x)).map(word);
    if (added.length === 0 && removed.length === 0) return [`${name}: new order`];
    return [`${name}: ${[added.length ? `added ${added.join(', ')}` : '', removed.length ? `removed ${removed.join(', ')}` : ''].filter(Boolean).join('; ')}`];
  }
  const keyOf = (x: unknown) => (isRecord(x) && typeof x.id === 'string' ? x.id : undefined);
  if (![...a, ...b].every((x) => keyOf(x) !== undefined)) return undefined;
  const byId = new Map(a.map((x) => [keyOf(x), x]));
  const kept = new Set(b.map(keyOf));
  const out: string[] = [];
  for (const x of b) {
    const old = byId.get(keyOf(x));
    if (old === undefined) {
      out.push(`${name}: added ${itemName(x)}`);
      continue;
    }
    const key = nameKey(old);
    const renamed = key !== undefined && isRecord(x) && isRecord(old) && x[key] !== old[key];
    if (renamed) out.push(`${name}: renamed ${itemName(old)} → ${itemName(x)}`);
    const rest = (v: unknown) => (renamed && isRecord(v) ? { ...v, [key]: undefined } : v);
    out.push(...settingChanges(element, rest(old), rest(x), '').map((l) => `${name} ${itemName(old)} › ${l}`));
  }
  for (const x of a) if (!kept.has(keyOf(x))) out.push(`${name}: removed ${itemName(x)}`);
  if (out.length === 0) out.push(`${name}: new order`);
  return out;
}

/** The key an item is known by: its title, label, name or text, else its id. */
function nameKey(x: unknown): string | undefined {
  if (!isRecord(x)) return undefined;
  return ['title', 'label', 'name', 'text', 'id'].find((k) => typeof x[k] === 'string' && x[k] !== '');
}

function itemName(x: unknown): string {
  const key = nameKey(x);
  return key && isRecord(x) ? quote(String(x[key])) : '';
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
