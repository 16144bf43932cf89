import { useEffect } from 'react';
import { useStore } from 'zustand';
import { ApiContext } from '../api/client';
import type { SessionStore } from '../api/session';
import { LoginScreen } from './LoginScreen';
import { WorkspaceShell } from './WorkspaceShell';

/** The product: log in, then workspaces, their flows and inbox. */
export function App({ session }: { session: SessionStore }) {
  const status = useStore(session, (s) => s.status);
  const error = useStore(session, (s) => s.error);
  useEffect(() => {
    void session.getState().refresh();
  }, [session]);
  return (
    <ApiContext.Provider value={session.api}>
      {status === 'loading' && <p className="tn-page-message tn-muted">Loading…</p>}
      {status === 'offline' && (
        <div className="tn-page-message">
          <p className="tn-errors">{error ?? 'The server cannot be reached.'}</p>
          <button type="button" onClick={() => void session.getState().refresh()}>
            Try again
          </button>
        </div>
      )}
      {status === 'anonymous' && <LoginScreen session={session} />}
      {status === 'ready' && <WorkspaceShell session={session} />}
    </ApiContext.Provider>
  );
}
