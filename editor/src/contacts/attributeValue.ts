import { builtInContactFields, writableContactFields, type AttributeDecl } from '@tandem/shared';

export type AttributeType = AttributeDecl['type'];

/** An attribute's value as the profile shows it. */
export function attributeText(value: unknown, type: AttributeType = 'string'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
  if (type === 'date' && typeof value === 'string' && !Number.isNaN(Date.parse(value)))
    return new Date(value).toLocaleDateString(undefined, { timeZone: 'UTC' });
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** The value an edit field starts with (dates as YYYY-MM-DD, lists comma-separated, yes/no for booleans). */
export function attributeDraft(value: unknown, type: AttributeType): string {
  if (value === null || value === undefined) return '';
  if (type === 'boolean') return value === true ? 'yes' : value === false ? 'no' : '';
  if (type === 'date' && typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** What a person typed, as the attribute's type stores it (as the CSV import does), or what is wrong with it. */
export function parseAttribute(text: string, type: AttributeType): { value: unknown } | { error: string } {
  const t = text.trim();
  if (t === '') return { error: 'Write a value, or remove the attribute' };
  switch (type) {
    case 'number': {
      const n = Number(t.replace(',', '.'));
      return Number.isFinite(n) ? { value: n } : { error: 'Write a number, such as 1500 or 9.99' };
    }
    case 'boolean': {
      const yes = ['yes', 'true', 'y', '1'].includes(t.toLowerCase());
      const no = ['no', 'false', 'n', '0'].includes(t.toLowerCase());
      return yes || no ? { value: yes } : { error: 'Choose yes or no' };
    }
    case 'date': {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(t) || Number.isNaN(Date.parse(t))) return { error: 'Write a date as YYYY-MM-DD, such as 2026-03-31' };
      return { value: new Date(t).toISOString() };
    }
    case 'list': {
      const items = [
        ...new Set(
          t
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean),
        ),
      ];
      return items.length ? { value: items } : { error: 'Write the items separated by commas' };
    }
    case 'string':
      return t.length > 1_000 ? { error: 'Keep it under 1,000 characters' } : { value: t };
  }
}

const settable = new Set(writableContactFields.filter((f) => f !== 'timezone'));
const keptByTandem = new Set(builtInContactFields.map((f) => f.name).filter((f) => !settable.has(f)));

/** What is wrong with a new attribute's name, if anything (the server's rules, said before it is asked). */
export function attributeNameProblem(name: string, existing: readonly string[]): string | undefined {
  if (name === '') return 'Give the attribute a name';
  if (!/^[a-z][a-z0-9_]{0,63}$/.test(name)) return 'Use lower-case letters, digits and _, starting with a letter (such as favourite_colour)';
  if (name === 'timezone') return 'Set the time zone above';
  if (name === 'tags') return 'Add tags in Tags';
  if (keptByTandem.has(name)) return `“${name}” is kept by Tandem and cannot be set`;
  if (existing.includes(name)) return `The contact already has “${name}”: change it in its row`;
  return undefined;
}
