import { useState, type FormEvent } from 'react';
import type { WorkspaceView } from '@tandem/shared/api';
import { hoursInWords, messagingFormOf, messagingPatch, messagingProblems, readSettings, type MessagingForm } from './messagingForm';
import { SaveFeedback, useWorkspaceSave } from './useWorkspaceSave';

/** How often marketing may reach a contact, the words that stop and restart promotions, and the reply to a stop. */
export function MessagingSettings({ workspace, onChanged }: { workspace: WorkspaceView; onChanged: () => void }) {
  const isAdmin = workspace.role === 'admin';
  const [form, setForm] = useState<MessagingForm>(() => messagingFormOf(readSettings(workspace.settings)));
  const [tried, setTried] = useState(false);
  const save = useWorkspaceSave(workspace, onChanged);
  const problems = messagingProblems(form);
  const set = <K extends keyof MessagingForm>(key: K, value: MessagingForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    save.clear();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(problems).length > 0) return;
    if (await save.save({ settings: messagingPatch(form) }, 'Saved. It applies to the next messages.')) setTried(false);
  };
  const error = (key: keyof MessagingForm) =>
    tried && problems[key] ? (
      <p className="tn-errors" data-testid={`messaging-${key}-error`}>
        {problems[key]}
      </p>
    ) : null;

  return (
    <section className="tn-panel tn-settings-section" aria-labelledby="messaging-title" data-testid="messaging-settings">
      <h2 id="messaging-title">Marketing messages and consent</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset disabled={!isAdmin} className="tn-settings-fieldset">
          <div className="tn-field">
            <label className="tn-toggle">
              <input type="checkbox" checked={form.capOn} onChange={(e) => set('capOn', e.target.checked)} data-testid="cap-on" /> Limit how many marketing
              messages one contact gets
            </label>
            {form.capOn && (
              <div className="tn-row tn-settings-inline">
                At most
                <input
                  className="tn-narrow"
                  type="number"
                  min={1}
                  max={100}
                  aria-label="Marketing messages at most"
                  value={form.capMax}
                  onChange={(e) => set('capMax', e.target.value)}
                  data-testid="cap-max"
                />
                in
                <input
                  className="tn-narrow"
                  type="number"
                  min={1}
                  max={2160}
                  aria-label="Within hours"
                  value={form.capHours}
                  onChange={(e) => set('capHours', e.target.value)}
                  data-testid="cap-hours"
                />
                hours <span className="tn-muted">({hoursInWords(Number(form.capHours))})</span>
              </div>
            )}
            {error('capMax')}
            {error('capHours')}
            <p className="tn-help">
              Counts the marketing templates of every journey together. A marketing template over the limit is not sent, and its step leaves by its “Failed”
              output. Utility templates and messages inside a conversation are not counted. WhatsApp also limits marketing per person on its side.
            </p>
          </div>
          <div className="tn-field">
            <label className="tn-field-label" htmlFor="opt-out-keywords">
              Words that stop promotions
            </label>
            <textarea
              id="opt-out-keywords"
              rows={2}
              value={form.optOutKeywords}
              onChange={(e) => set('optOutKeywords', e.target.value)}
              data-testid="opt-out-keywords"
            />
            <p className="tn-help">
              Separated by commas. When a contact sends one of these words alone (upper or lower case), they get no more marketing from any journey until they
              opt in again. Their message starts no journey.
            </p>
            {error('optOutKeywords')}
          </div>
          <div className="tn-field">
            <label className="tn-field-label" htmlFor="opt-in-keywords">
              Words that restart promotions
            </label>
            <textarea
              id="opt-in-keywords"
              rows={1}
              value={form.optInKeywords}
              onChange={(e) => set('optInKeywords', e.target.value)}
              data-testid="opt-in-keywords"
            />
            <p className="tn-help">A contact who opted out and sends one of these words gets marketing again.</p>
            {error('optInKeywords')}
          </div>
          <div className="tn-field">
            <label className="tn-field-label" htmlFor="opt-out-reply">
              Reply when someone stops promotions
            </label>
            <textarea id="opt-out-reply" rows={2} value={form.optOutReply} onChange={(e) => set('optOutReply', e.target.value)} data-testid="opt-out-reply" />
            <p className="tn-help">Sent at once to confirm. Leave it empty to send nothing.</p>
            {error('optOutReply')}
          </div>
        </fieldset>
        {isAdmin ? (
          <div className="tn-settings-actions">
            <button type="submit" className="tn-primary" disabled={save.busy} data-testid="messaging-save">
              {save.busy ? 'Saving…' : 'Save'}
            </button>
            <SaveFeedback save={save} testId="messaging" />
          </div>
        ) : (
          <p className="tn-help">Only admins can change this.</p>
        )}
      </form>
    </section>
  );
}
