import { parseExpression, type ParsedExpression } from './parseExpression';
import { toText } from './values';

export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'placeholder'; expression: ParsedExpression; fallback?: string; start: number; end: number };

export interface TemplateError {
  message: string;
  offset: number;
  /** Just after the characters the error is about. */
  end: number;
}

/** The parts that could be read, and what could not (a template with errors is never sent). */
export interface TemplateResult {
  parts: TemplatePart[];
  errors: TemplateError[];
}

/**
 * Reads message text with `{{ expression }}` placeholders. A placeholder may end with a
 * fallback used when the value is empty: `{{ contact.first_name | "there" }}` (or `| there`).
 */
export function parseTemplate(source: string): TemplateResult {
  const parts: TemplatePart[] = [];
  const errors: TemplateError[] = [];
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('{{', i);
    if (open === -1) {
      parts.push({ kind: 'text', text: source.slice(i) });
      break;
    }
    if (open > i) parts.push({ kind: 'text', text: source.slice(i, open) });
    const close = findClose(source, open + 2);
    if (close === -1) {
      errors.push({ message: 'A placeholder opened with {{ is not closed with }}', offset: open, end: open + 2 });
      break;
    }
    const inner = source.slice(open + 2, close);
    const { expression, fallback } = splitFallback(inner);
    i = close + 2;
    if (expression.trim() === '') {
      errors.push({ message: 'Empty placeholder {{ }}', offset: open, end: close + 2 });
      continue;
    }
    const parsed = parseExpression(expression.trim());
    if (!parsed.ok) {
      const at = open + 2 + leadingSpace(expression);
      errors.push({ message: `In {{${inner}}}: ${parsed.reason}`, offset: at + parsed.offset, end: at + parsed.end });
      continue;
    }
    parts.push({
      kind: 'placeholder',
      expression: parsed.expression,
      ...(fallback !== undefined ? { fallback } : {}),
      start: open,
      end: close + 2,
    });
  }
  return { parts, errors };
}

/** Fills in the placeholders; an empty or failing value uses the fallback (or nothing). */
export function renderTemplate(
  parts: readonly TemplatePart[],
  scope: Record<string, unknown>,
  onError: (message: string, source: string) => void = () => {},
  encode: (text: string) => string = (t) => t,
): string {
  let out = '';
  for (const part of parts) {
    if (part.kind === 'text') {
      out += part.text;
      continue;
    }
    let text = '';
    try {
      text = toText(part.expression.evaluate(scope));
    } catch (error) {
      if (part.fallback === undefined) onError(error instanceof Error ? error.message.split('\n')[0]! : String(error), part.expression.source);
    }
    out += encode(text === '' && part.fallback !== undefined ? part.fallback : text);
  }
  return out;
}

function findClose(source: string, from: number): number {
  let quote: string | undefined;
  for (let i = from; i < source.length - 1; i++) {
    const ch = source[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '}' && source[i + 1] === '}') return i;
  }
  return -1;
}

function splitFallback(inner: string): { expression: string; fallback?: string } {
  let quote: string | undefined;
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (ch === '|' && depth === 0) {
      if (inner[i + 1] === '|') {
        i++;
        continue;
      }
      return { expression: inner.slice(0, i), fallback: unquote(inner.slice(i + 1).trim()) };
    }
  }
  return { expression: inner };
}

function unquote(s: string): string {
  const q = s[0];
  if ((q === '"' || q === "'") && s.endsWith(q) && s.length >= 2) return s.slice(1, -1).replace(/\\(.)/g, '$1');
  return s;
}

function leadingSpace(s: string): number {
  return s.length - s.trimStart().length;
}
