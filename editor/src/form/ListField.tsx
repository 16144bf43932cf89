import { z } from 'zod';
import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react';
import type { FieldMeta } from '@tandem/nodes';
import { FieldErrors } from './FieldRow';
import { useFormEnv } from './formContext';
import { itemKeys, keepItemKey } from './itemKeys';
import { SchemaField, type OnFieldChange } from './SchemaField';
import { arrayBounds, emptyValueFor, fieldInfo, isRecord, pathKey, singular, type Path } from './schemaInfo';

interface ListFieldProps {
  schema: z.ZodArray;
  title: string;
  meta: FieldMeta | undefined;
  value: unknown;
  path: Path;
  onChange: OnFieldChange;
}

/** A list of settings groups (buttons, rows, branches...): add, remove, reorder, with the item limit counted live. */
export function ListField({ schema, title, meta, value, path, onChange }: ListFieldProps) {
  const env = useFormEnv();
  const items = Array.isArray(value) ? value : [];
  const bounds = arrayBounds(schema);
  const limit = meta?.limit ?? bounds.max;
  const element = schema.element as z.ZodType;
  const key = pathKey(path);
  const last = path[path.length - 1];
  const base = typeof last === 'string' ? singular(last) : 'item';

  const replace = (next: unknown[], at: Path) => onChange(next, at);
  const add = () => {
    const item = emptyValueFor(element);
    const inner = fieldInfo(element).inner;
    if (isRecord(item) && inner instanceof z.ZodObject && 'id' in (inner.shape as object)) {
      const taken = env.takenIds();
      let n = items.length + 1;
      while (taken.has(`${base}_${n}`)) n++;
      item.id = `${base}_${n}`;
    }
    replace([...items, item], [...path, items.length]);
  };
  const move = (from: number, to: number) => {
    const next = [...items];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved);
    replace(next, path);
  };
  const full = limit !== undefined && items.length >= limit;
  const keys = itemKeys(items);

  return (
    <fieldset className="tn-group tn-list-field" data-group={key}>
      <legend>
        {title}
        {limit !== undefined && (
          <span className={`tn-counter${items.length > limit ? ' tn-counter-over' : ''}`} data-counter-for={key}>
            {items.length}/{limit}
          </span>
        )}
      </legend>
      {meta?.help && <p className="tn-help">{meta.help}</p>}
      {items.map((item, i) => (
        <div key={keys[i]} className="tn-list-item" data-item={pathKey([...path, i])}>
          <div className="tn-list-item-head">
            <span>
              #{i + 1} {itemTitle(item)}
            </span>
            <span className="tn-list-item-actions">
              <button type="button" aria-label={`Move ${base} ${i + 1} up`} disabled={i === 0} onClick={() => move(i, i - 1)}>
                <ArrowUp size={14} />
              </button>
              <button type="button" aria-label={`Move ${base} ${i + 1} down`} disabled={i === items.length - 1} onClick={() => move(i, i + 1)}>
                <ArrowDown size={14} />
              </button>
              <button
                type="button"
                aria-label={`Remove ${base} ${i + 1}`}
                onClick={() =>
                  replace(
                    items.filter((_, j) => j !== i),
                    path,
                  )
                }
              >
                <Trash2 size={14} />
              </button>
            </span>
          </div>
          <SchemaField
            schema={element}
            value={item}
            path={[...path, i]}
            onChange={(v, at) => {
              keepItemKey(item, v);
              replace(
                items.map((x, j) => (j === i ? v : x)),
                at,
              );
            }}
          />
        </div>
      ))}
      <button type="button" className="tn-add" disabled={full} onClick={add} title={full ? `At most ${limit}` : undefined}>
        <Plus size={14} /> Add {base.replace(/_/g, ' ')}
      </button>
      <FieldErrors path={key} />
    </fieldset>
  );
}

function itemTitle(item: unknown): string {
  if (!isRecord(item)) return '';
  for (const k of ['title', 'label', 'name', 'path']) if (typeof item[k] === 'string' && item[k]) return String(item[k]);
  return '';
}
