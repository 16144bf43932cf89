import { useState, type FormEvent } from 'react';
import { Check, Circle } from 'lucide-react';
import { ApiCallError, endpoints, type WorkspaceView } from '@tandem/shared/api';
import { errorText, useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { passwordProblems, ruleChecks, type PasswordForm } from './passwordRules';
import './account.css';

/** The signed-in person: who they are, and changing their password. */
export function AccountPage({ workspace }: { workspace: WorkspaceView }) {
  const api = useApi();
  const me = useLoad(() => api(endpoints.me), 'me');
  const user = me.data?.user;
  return (
    <div className="tn-page tn-account" data-testid="account-page" data-workspace={workspace.id}>
      <header className="tn-page-head">
        <h1>Your account</h1>
      </header>
      <section className="tn-panel tn-account-section" aria-labelledby="account-who">
        <h2 id="account-who">Signed in as</h2>
        {me.error && <p className="tn-banner tn-banner-error">{me.error}</p>}
        {!me.data && !me.error && <p className="tn-muted">Loading…</p>}
        {user && (
          <dl className="tn-account-facts">
            <dt>Name</dt>
            <dd>{user.name}</dd>
            <dt>E-mail</dt>
            <dd data-testid="account-email">{user.email}</dd>
            <dt>Role in {workspace.name}</dt>
            <dd>
              {workspace.role}
              {user.instanceAdmin && <span className="tn-muted"> · you run this Tandem installation and see every workspace</span>}
            </dd>
          </dl>
        )}
      </section>
      <ChangePassword />
    </div>
  );
}

const empty: PasswordForm = { current: '', next: '', again: '' };

function ChangePassword() {
  const api = useApi();
  const [form, setForm] = useState<PasswordForm>(empty);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; field?: keyof PasswordForm }>();
  const [done, setDone] = useState<number>();
  const problems = passwordProblems(form);
  const set = (field: keyof PasswordForm) => (e: { target: { value: string } }) => {
    setForm((f) => ({ ...f, [field]: e.target.value }));
    setDone(undefined);
    if (error?.field === field) setError(undefined);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setDone(undefined);
    setError(undefined);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      const result = await api(endpoints.changePassword, { body: { currentPassword: form.current, newPassword: form.next } });
      setForm(empty);
      setTried(false);
      setDone(result.otherSessionsEnded);
    } catch (err) {
      const code = err instanceof ApiCallError ? err.body.error.code : undefined;
      const issue = err instanceof ApiCallError ? err.body.error.issues?.[0] : undefined;
      const field = code === 'wrong_password' ? 'current' : code === 'same_password' || issue?.path[0] === 'newPassword' ? 'next' : undefined;
      setError({ text: issue && code === 'invalid_input' ? issue.message : errorText(err), ...(field ? { field } : {}) });
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (field: keyof PasswordForm) => (error?.field === field ? error.text : tried ? problems[field] : undefined);
  const field = (name: keyof PasswordForm, label: string, autoComplete: string) => {
    const message = fieldError(name);
    return (
      <div className={message ? 'tn-field tn-field-invalid' : 'tn-field'}>
        <label className="tn-field-label" htmlFor={`password-${name}`}>
          {label}
        </label>
        <input
          id={`password-${name}`}
          type="password"
          autoComplete={autoComplete}
          value={form[name]}
          onChange={set(name)}
          aria-invalid={message ? true : undefined}
          data-testid={`password-${name}`}
        />
        {message && (
          <p className="tn-errors" data-testid={`password-${name}-error`}>
            {message}
          </p>
        )}
      </div>
    );
  };

  const rules = ruleChecks(form);
  return (
    <section className="tn-panel tn-account-section" aria-labelledby="account-password">
      <h2 id="account-password">Change password</h2>
      <form onSubmit={(e) => void submit(e)} className="tn-account-form" data-testid="change-password-form" noValidate>
        {field('current', 'Current password', 'current-password')}
        {field('next', 'New password', 'new-password')}
        {field('again', 'New password again', 'new-password')}
        <ul className="tn-account-rules" aria-label="The new password">
          {rules.map((r) => (
            <li key={r.text} className={r.met ? 'tn-ok' : 'tn-muted'}>
              {r.met ? <Check size={13} aria-label="met" /> : <Circle size={9} aria-label="not yet" />} {r.text}
            </li>
          ))}
        </ul>
        <p className="tn-help">A long phrase of a few unrelated words is easier to remember and harder to guess than a short one with symbols.</p>
        {error && !error.field && (
          <p className="tn-banner tn-banner-error" role="alert" data-testid="password-error">
            {error.text}
          </p>
        )}
        {done !== undefined && (
          <p className="tn-banner" role="status" data-testid="password-changed">
            Your password is changed. You stay signed in here;{' '}
            {done === 0 ? 'you were not signed in anywhere else.' : `${done} other ${done === 1 ? 'session was' : 'sessions were'} signed out.`}
          </p>
        )}
        <button type="submit" className="tn-primary" disabled={busy} data-testid="change-password">
          {busy ? 'Changing…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}
