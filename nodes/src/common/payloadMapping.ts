import type { PayloadField } from './payloadFields';
import { valueAtPath } from './valuePath';

/** Takes the declared fields out of a payload, converting them to their declared type. */
export function mapPayloadFields(
  fields: readonly PayloadField[],
  payload: Record<string, unknown>,
): { ok: true; values: Record<string, unknown> } | { ok: false; missing: string[] } {
  const values: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const f of fields) {
    const raw = valueAtPath(payload, f.path);
    const value = raw === undefined || raw === null ? null : convert(raw, f.type);
    if (value === null && f.required) missing.push(f.path);
    values[f.name] = value;
  }
  return missing.length ? { ok: false, missing } : { ok: true, values };
}

function convert(raw: unknown, type: PayloadField['type']): unknown {
  switch (type) {
    case 'string':
      return typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
    case 'number': {
      const n = typeof raw === 'number' ? raw : Number(raw);
      return Number.isFinite(n) ? n : null;
    }
    case 'boolean':
      return raw === true || raw === 'true' || raw === 1 || raw === '1';
    case 'date': {
      const d = new Date(typeof raw === 'number' ? raw : String(raw));
      return Number.isNaN(d.getTime()) ? null : d.toISOString();
    }
    case 'list':
      return Array.isArray(raw) ? raw : [raw];
    case 'object':
      return raw;
  }
}
