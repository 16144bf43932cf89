import { useState, type FormEvent } from 'react';
import { Plus, X } from 'lucide-react';
import type { SectionProps } from './ContactProfile';

/** The contact's tags; editors add and remove them (journeys can branch on them and broadcasts can pick by them). */
export function TagsSection({ contact, canEdit, onSave }: Omit<SectionProps, 'workspace'>) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const change = async (patch: { addTags?: string[]; removeTags?: string[] }) => {
    setBusy(true);
    const problem = await onSave(patch);
    setError(problem);
    setBusy(false);
    return problem === undefined;
  };
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const tag = draft.trim();
    if (!tag) return setError('Write the tag first');
    if (tag.length > 60) return setError('A tag has at most 60 characters');
    if (contact.tags.includes(tag)) return setError(`They already have the tag “${tag}”`);
    if (await change({ addTags: [tag] })) setDraft('');
  };
  return (
    <section className="tn-contact-section" aria-label="Tags">
      <h2>Tags</h2>
      {contact.tags.length === 0 && <p className="tn-muted">No tags yet.{canEdit ? ' Add one below.' : ''}</p>}
      {contact.tags.length > 0 && (
        <ul className="tn-contact-tags" data-testid="contact-tags">
          {contact.tags.map((t) => (
            <li key={t} className="tn-tag" data-tag={t}>
              <span dir="auto">{t}</span>
              {canEdit && (
                <button type="button" aria-label={`Remove the tag ${t}`} disabled={busy} onClick={() => void change({ removeTags: [t] })}>
                  <X size={12} />
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form className="tn-row tn-contact-add" onSubmit={(e) => void add(e)}>
          <input
            aria-label="New tag"
            placeholder="New tag, such as vip"
            value={draft}
            maxLength={80}
            onChange={(e) => {
              setDraft(e.target.value);
              setError(undefined);
            }}
            data-testid="contact-tag-input"
          />
          <button type="submit" disabled={busy} data-testid="contact-tag-add">
            <Plus size={14} /> Add tag
          </button>
        </form>
      )}
      {error && <p className="tn-errors">{error}</p>}
    </section>
  );
}
