import { useState, type FormEvent } from 'react';
import { LogIn } from 'lucide-react';
import { useStore } from 'zustand';
import type { SessionStore } from '../api/session';

/** Email and password; the server sets a session cookie. */
export function LoginScreen({ session }: { session: SessionStore }) {
  const error = useStore(session, (s) => s.error);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    await session.getState().login(email.trim(), password);
    setBusy(false);
  };
  return (
    <div className="tn-login">
      <form className="tn-login-card" onSubmit={(e) => void submit(e)} aria-label="Log in">
        <h1>Tandem</h1>
        <p className="tn-muted">WhatsApp journeys for numbers you also use in the Business App.</p>
        <label className="tn-field">
          <span className="tn-field-label">Email</span>
          {/* biome-ignore lint/a11y/noAutofocus: the login form is all the page shows; typing the email is the only next step */}
          <input type="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} data-testid="login-email" />
        </label>
        <label className="tn-field">
          <span className="tn-field-label">Password</span>
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="login-password"
          />
        </label>
        {error && (
          <p className="tn-errors" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="tn-primary" disabled={busy} data-testid="login-submit">
          <LogIn size={16} /> {busy ? 'Logging in…' : 'Log in'}
        </button>
        <p className="tn-help">The first start of the server prints the admin's login.</p>
      </form>
    </div>
  );
}
