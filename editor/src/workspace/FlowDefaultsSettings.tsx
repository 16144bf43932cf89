import { useMemo, useState, type FormEvent } from 'react';
import type { WorkspaceView } from '@tandem/shared/api';
import { flowDefaultsFormOf, flowDefaultsPatch, flowDefaultsProblems, quietHoursInWords, timeZoneNames, type FlowDefaultsForm } from './flowDefaults';
import { readSettings } from './messagingForm';
import { SaveFeedback, useWorkspaceSave } from './useWorkspaceSave';

/** The time zone and quiet hours a new flow of the workspace starts with (each flow can change its own). */
export function FlowDefaultsSettings({ workspace, onChanged }: { workspace: WorkspaceView; onChanged: () => void }) {
  const isAdmin = workspace.role === 'admin';
  const [form, setForm] = useState<FlowDefaultsForm>(() => flowDefaultsFormOf(readSettings(workspace.settings)));
  const [tried, setTried] = useState(false);
  const save = useWorkspaceSave(workspace, onChanged);
  const zones = useMemo(timeZoneNames, []);
  const problems = flowDefaultsProblems(form);
  const set = <K extends keyof FlowDefaultsForm>(key: K, value: FlowDefaultsForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    save.clear();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(problems).length > 0) return;
    if (await save.save({ settings: flowDefaultsPatch(form) }, 'Saved. New flows start with these; flows that exist keep their own.')) setTried(false);
  };
  const error = (key: keyof FlowDefaultsForm) =>
    tried && problems[key] ? (
      <p className="tn-errors" data-testid={`defaults-${key}-error`}>
        {problems[key]}
      </p>
    ) : null;

  return (
    <section className="tn-panel tn-settings-section" aria-labelledby="defaults-title" data-testid="flow-defaults">
      <h2 id="defaults-title">New flows start with</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset disabled={!isAdmin} className="tn-settings-fieldset">
          <div className="tn-field">
            <label className="tn-field-label" htmlFor="default-timezone">
              Time zone
            </label>
            <select id="default-timezone" value={form.timezone} onChange={(e) => set('timezone', e.target.value)} data-testid="default-timezone">
              {!zones.includes(form.timezone) && <option value={form.timezone}>{form.timezone}</option>}
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z.replaceAll('_', ' ')}
                </option>
              ))}
            </select>
            <p className="tn-help">
              Waits “until 9:00”, schedules and quiet hours use it for contacts whose own time zone is unknown. Usually where most of your customers live.
            </p>
            {error('timezone')}
          </div>
          <div className="tn-field">
            <label className="tn-toggle">
              <input type="checkbox" checked={form.quietOn} onChange={(e) => set('quietOn', e.target.checked)} data-testid="quiet-on" /> Quiet hours: send
              nothing at night
            </label>
            {form.quietOn && (
              <div className="tn-row tn-settings-inline">
                From
                <input
                  type="time"
                  aria-label="Quiet from"
                  value={form.quietStart}
                  onChange={(e) => set('quietStart', e.target.value)}
                  data-testid="quiet-start"
                />
                until
                <input type="time" aria-label="Quiet until" value={form.quietEnd} onChange={(e) => set('quietEnd', e.target.value)} data-testid="quiet-end" />
                {!problems.quietStart && !problems.quietEnd && <span className="tn-muted">({quietHoursInWords(form.quietStart, form.quietEnd)})</span>}
              </div>
            )}
            {error('quietStart')}
            {error('quietEnd')}
            <p className="tn-help">
              Messages that fall in these hours (in the contact's time zone) wait until they end, then go out. A bot's answer to a customer who just wrote waits
              too; what people write in the Inbox does not.
            </p>
          </div>
        </fieldset>
        {isAdmin ? (
          <div className="tn-settings-actions">
            <button type="submit" className="tn-primary" disabled={save.busy} data-testid="defaults-save">
              {save.busy ? 'Saving…' : 'Save'}
            </button>
            <SaveFeedback save={save} testId="defaults" />
          </div>
        ) : (
          <p className="tn-help">Only admins can change this.</p>
        )}
      </form>
    </section>
  );
}
