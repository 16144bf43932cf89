import { useState, type FormEvent } from 'react';
import { Pencil, Plus, Trash2 } from 'lucide-react';
import { workspaceSettingsSchema } from '@tandem/shared/api';
import type { SaveContact, SectionProps } from './ContactProfile';
import { attributeDraft, attributeNameProblem, attributeText, parseAttribute, type AttributeType } from './attributeValue';

const typeWords: Record<AttributeType, string> = { string: 'text', number: 'number', boolean: 'yes or no', date: 'date', list: 'list' };

/** What journeys know about the contact (first_name, budget…); editors change, add and remove them, typed as the workspace declares them. */
export function AttributesSection({ workspace, contact, canEdit, onSave }: SectionProps) {
  const parsed = workspaceSettingsSchema.safeParse(workspace.settings);
  const declared = new Map((parsed.success ? (parsed.data.attributes ?? []) : []).map((a) => [a.name, a]));
  const typeOf = (name: string, value?: unknown): AttributeType =>
    declared.get(name)?.type ?? (typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : Array.isArray(value) ? 'list' : 'string');
  const entries = Object.entries(contact.attributes).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section className="tn-contact-section" aria-label="Attributes">
      <h2>Attributes</h2>
      {entries.length === 0 && <p className="tn-muted">No attributes yet. Journeys fill them in from answers, and imports from the file’s columns.</p>}
      {entries.length > 0 && (
        <table className="tn-table tn-contact-attributes" data-testid="contact-attributes">
          <tbody>
            {entries.map(([name, value]) => (
              <AttributeRow key={name} name={name} value={value} type={typeOf(name, value)} canEdit={canEdit} onSave={onSave} />
            ))}
          </tbody>
        </table>
      )}
      {canEdit && (
        <NewAttribute
          existing={entries.map(([n]) => n)}
          declared={[...declared.keys()].filter((n) => !(n in contact.attributes))}
          typeOf={typeOf}
          onSave={onSave}
        />
      )}
    </section>
  );
}

function AttributeRow({ name, value, type, canEdit, onSave }: { name: string; value: unknown; type: AttributeType; canEdit: boolean; onSave: SaveContact }) {
  const [editing, setEditing] = useState<string>();
  const [error, setError] = useState<string>();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const next = parseAttribute(editing ?? '', type);
    if ('error' in next) return setError(next.error);
    const problem = await onSave({ attributes: { [name]: next.value } });
    setError(problem);
    if (!problem) setEditing(undefined);
  };
  const remove = async () => {
    if (!window.confirm(`Remove “${name}” from this contact?`)) return;
    setError(await onSave({ attributes: { [name]: null } }));
  };
  return (
    <tr data-attribute={name}>
      <th scope="row" className="tn-mono">
        {name}
      </th>
      <td>
        {editing === undefined ? (
          <span dir="auto">{attributeText(value, type)}</span>
        ) : (
          <form className="tn-row" onSubmit={(e) => void save(e)}>
            <ValueInput label={`Value of ${name}`} type={type} value={editing} onChange={setEditing} />
            <button type="submit" className="tn-primary">
              Save
            </button>
            <button type="button" onClick={() => setEditing(undefined)}>
              Cancel
            </button>
          </form>
        )}
        {error && <p className="tn-errors">{error}</p>}
      </td>
      {canEdit && (
        <td className="tn-row-actions">
          {editing === undefined && (
            <button type="button" aria-label={`Change ${name}`} title="Change" onClick={() => setEditing(attributeDraft(value, type))}>
              <Pencil size={14} />
            </button>
          )}
          <button type="button" aria-label={`Remove ${name}`} title="Remove" onClick={() => void remove()}>
            <Trash2 size={14} />
          </button>
        </td>
      )}
    </tr>
  );
}

function NewAttribute({
  existing,
  declared,
  typeOf,
  onSave,
}: {
  existing: string[];
  declared: string[];
  typeOf: (name: string) => AttributeType;
  onSave: SaveContact;
}) {
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const type = typeOf(name.trim());
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const n = name.trim();
    const nameProblem = attributeNameProblem(n, existing);
    if (nameProblem) return setError(nameProblem);
    const parsed = parseAttribute(value, type);
    if ('error' in parsed) return setError(parsed.error);
    setBusy(true);
    const problem = await onSave({ attributes: { [n]: parsed.value } });
    setBusy(false);
    setError(problem);
    if (!problem) {
      setName('');
      setValue('');
    }
  };
  return (
    <form className="tn-contact-add" onSubmit={(e) => void add(e)} data-testid="contact-attribute-add">
      <div className="tn-row">
        <input
          aria-label="New attribute name"
          placeholder="Name, such as favourite_colour"
          list="tn-contact-declared"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setError(undefined);
          }}
        />
        <datalist id="tn-contact-declared">
          {declared.map((d) => (
            <option key={d} value={d} />
          ))}
        </datalist>
        <ValueInput label="New attribute value" type={type} value={value} onChange={setValue} />
        <button type="submit" disabled={busy}>
          <Plus size={14} /> Add
        </button>
      </div>
      <p className="tn-help">
        {name.trim() ? `Kept as ${typeWords[type]}.` : 'Attributes your workspace declares keep their type (number, yes or no, date, list).'}
      </p>
      {error && <p className="tn-errors">{error}</p>}
    </form>
  );
}

function ValueInput({ label, type, value, onChange }: { label: string; type: AttributeType; value: string; onChange: (v: string) => void }) {
  if (type === 'boolean') {
    return (
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose…</option>
        <option value="yes">Yes</option>
        <option value="no">No</option>
      </select>
    );
  }
  return (
    <input
      aria-label={label}
      type={type === 'date' ? 'date' : 'text'}
      inputMode={type === 'number' ? 'decimal' : undefined}
      placeholder={type === 'list' ? 'Items separated by commas' : 'Value'}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
