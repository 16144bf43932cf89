import { useState } from 'react';
import { Plus, Trash2 } from 'lucide-react';
import { endpoints } from '@tandem/shared/api';
import { errorText, useApi } from '../api/client';
import { categoryWords } from './templateWords';
import {
  draftProblems,
  emptyDraft,
  limits,
  previewText,
  templateOfDraft,
  variablesOf,
  type DraftButton,
  type DraftField,
  type TemplateDraft,
} from './templateDraft';

export interface NewTemplateFormProps {
  workspaceId: string;
  /** The workspace's templates, to warn before replacing one with the same name and language. */
  existing: readonly { name: string; language: string }[];
  /** Fills the form (a template copied from another workspace). */
  initial?: TemplateDraft;
  onCreated(name: string): void | Promise<void>;
  onCancel(): void;
}

/** "New template" for a sandbox workspace: the parts of a WhatsApp template, checked as Meta would, with a live preview. */
export function NewTemplateForm({ workspaceId, existing, initial = emptyDraft, onCreated, onCancel }: NewTemplateFormProps) {
  const api = useApi();
  const [draft, setDraft] = useState<TemplateDraft>(initial);
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const problems = draftProblems(draft);
  const shown = tried ? problems : {};
  const vars = variablesOf(draft.body);
  const set = <K extends keyof TemplateDraft>(key: K, value: TemplateDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setButton = (i: number, patch: Partial<DraftButton>) =>
    set(
      'buttons',
      draft.buttons.map((b, j) => (j === i ? { ...b, ...patch } : b)),
    );
  const replaces = existing.some((t) => t.name === draft.name && t.language === draft.language);

  const submit = async () => {
    setTried(true);
    if (Object.keys(problems).length) return;
    setSaving(true);
    setError(undefined);
    try {
      const created = await api(endpoints.createTemplate, { params: { workspaceId }, body: templateOfDraft(draft) });
      await onCreated(created.name);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  const problem = (key: DraftField) =>
    shown[key] ? (
      <p className="tn-errors" data-testid={`template-${key}-problem`}>
        {shown[key]}
      </p>
    ) : null;

  return (
    // A fieldset, not a <form>: the clone dialog shows it inside its own form, and forms do not nest.
    <fieldset
      className="tn-panel tn-template-form"
      aria-label="New template"
      data-testid="template-form"
      onKeyDown={(e) => {
        // Enter in a one-line field adds the template (and never submits a form around it).
        if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
          e.preventDefault();
          void submit();
        }
      }}
    >
      <h2>New template</h2>
      <div className="tn-template-form-grid">
        <div>
          <div className="tn-field">
            <label className="tn-field-label" htmlFor="tpl-name">
              Name
            </label>
            <input id="tpl-name" value={draft.name} onChange={(e) => set('name', e.target.value)} placeholder="order_shipped" data-testid="template-name" />
            <p className="tn-help">Lowercase letters, digits and underscores; people never see it.</p>
            {problem('name')}
          </div>
          <div className="tn-row">
            <div className="tn-field">
              <label className="tn-field-label" htmlFor="tpl-language">
                Language
              </label>
              <input
                id="tpl-language"
                className="tn-narrow"
                value={draft.language}
                onChange={(e) => set('language', e.target.value)}
                data-testid="template-language"
              />
              {problem('language')}
            </div>
            <div className="tn-field">
              <label className="tn-field-label" htmlFor="tpl-category">
                Category
              </label>
              <select
                id="tpl-category"
                value={draft.category}
                onChange={(e) => set('category', e.target.value as TemplateDraft['category'])}
                data-testid="template-category"
              >
                {(['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const).map((c) => (
                  <option key={c} value={c}>
                    {categoryWords[c]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <p className="tn-help">
            Marketing: offers and news, only to people who did not opt out. Utility: about an order or booking they made. Login code: one-time passwords.
          </p>
          <div className="tn-field">
            <label className="tn-field-label" htmlFor="tpl-header">
              Header <span className="tn-muted">(optional, {limits.header} characters)</span>
            </label>
            <input id="tpl-header" value={draft.headerText} onChange={(e) => set('headerText', e.target.value)} data-testid="template-header" />
            {problem('headerText')}
          </div>
          <div className="tn-field">
            <label className="tn-field-label" htmlFor="tpl-body">
              Message text{' '}
              <span className={draft.body.length > limits.body ? 'tn-counter tn-counter-over' : 'tn-counter'}>
                {draft.body.length}/{limits.body}
              </span>
            </label>
            <textarea
              id="tpl-body"
              rows={5}
              value={draft.body}
              onChange={(e) => set('body', e.target.value)}
              placeholder="Hi {{1}}, your order {{2}} is on its way."
              data-testid="template-body"
            />
            <p className="tn-help">
              Write {'{{1}}'}, {'{{2}}'}… where the journey fills in something per person, such as a name.
            </p>
            {problem('body')}
          </div>
          {vars.length > 0 && (
            <fieldset className="tn-field tn-template-examples">
              <legend className="tn-field-label">Examples for Meta’s review</legend>
              {vars.map((v, i) => (
                <label key={v} className="tn-row">
                  <span className="tn-mono">{`{{${v}}}`}</span>
                  <input
                    value={draft.examples[i] ?? ''}
                    onChange={(e) =>
                      set(
                        'examples',
                        vars.map((_, j) => (j === i ? e.target.value : (draft.examples[j] ?? ''))),
                      )
                    }
                    data-testid={`template-example-${v}`}
                  />
                </label>
              ))}
              {problem('examples')}
            </fieldset>
          )}
          <div className="tn-field">
            <label className="tn-field-label" htmlFor="tpl-footer">
              Footer <span className="tn-muted">(optional)</span>
            </label>
            <input id="tpl-footer" value={draft.footer} onChange={(e) => set('footer', e.target.value)} data-testid="template-footer" />
            {problem('footer')}
          </div>
          <fieldset className="tn-field">
            <legend className="tn-field-label">Buttons</legend>
            {draft.buttons.map((b, i) => (
              <div key={b.key} className="tn-row tn-template-button-row" data-testid="template-button">
                <select aria-label={`Button ${i + 1} kind`} value={b.type} onChange={(e) => setButton(i, { type: e.target.value as DraftButton['type'] })}>
                  <option value="QUICK_REPLY">Quick reply</option>
                  <option value="URL">Link</option>
                </select>
                <input aria-label={`Button ${i + 1} text`} value={b.text} onChange={(e) => setButton(i, { text: e.target.value })} placeholder="Button text" />
                {b.type === 'URL' && (
                  <input
                    aria-label={`Button ${i + 1} link`}
                    value={b.url}
                    onChange={(e) => setButton(i, { url: e.target.value })}
                    placeholder="https://shop.example.com/{{1}}"
                  />
                )}
                <button
                  type="button"
                  aria-label={`Remove button ${i + 1}`}
                  onClick={() =>
                    set(
                      'buttons',
                      draft.buttons.filter((_, j) => j !== i),
                    )
                  }
                >
                  <Trash2 size={14} aria-hidden />
                </button>
              </div>
            ))}
            {draft.buttons.length < limits.buttons && (
              <button
                type="button"
                onClick={() =>
                  set('buttons', [...draft.buttons, { key: Math.max(0, ...draft.buttons.map((b) => b.key + 1)), type: 'QUICK_REPLY', text: '', url: '' }])
                }
                data-testid="template-add-button"
              >
                <Plus size={14} aria-hidden /> Add a button
              </button>
            )}
            <p className="tn-help">Quick replies let the journey branch on the answer; a link opens a page (a {'{{1}}'} at its end is filled per person).</p>
            {problem('buttons')}
          </fieldset>
        </div>
        <aside className="tn-template-form-preview" aria-label="Preview">
          <span className="tn-muted">Preview</span>
          <div className="tn-template-preview">
            {draft.headerText.trim() && <div className="tn-bubble-header">{draft.headerText}</div>}
            <div className="tn-bubble-text" dir="auto" data-testid="template-preview">
              {draft.body.trim() ? previewText(draft.body, draft.examples) : <span className="tn-muted">The message text shows here.</span>}
            </div>
            {draft.footer.trim() && <div className="tn-bubble-footer">{draft.footer}</div>}
            {draft.buttons.length > 0 && (
              <div className="tn-template-buttons">
                {draft.buttons.map((b) => (
                  <span key={b.key} className="tn-chip tn-chip-button">
                    {b.text || '…'}
                  </span>
                ))}
              </div>
            )}
          </div>
        </aside>
      </div>
      {replaces && <p className="tn-banner tn-banner-warning">A template with this name and language exists; creating replaces it.</p>}
      {error && (
        <p className="tn-banner tn-banner-error" role="alert" data-testid="template-error">
          {error}
        </p>
      )}
      <div className="tn-row">
        <button type="button" className="tn-primary" disabled={saving} onClick={() => void submit()} data-testid="template-create">
          {saving ? 'Adding…' : 'Add template'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {tried && Object.keys(problems).length > 0 && <span className="tn-errors">Fix the points above first.</span>}
      </div>
    </fieldset>
  );
}
