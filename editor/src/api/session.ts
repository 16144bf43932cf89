import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiCallError, endpoints, type ApiClient, type WorkspaceView } from '@tandem/shared/api';
import { createEditorApi, errorText } from './client';

interface SessionUser {
  id: string;
  email: string;
  name: string;
}

interface SessionState {
  status: 'loading' | 'anonymous' | 'ready' | 'offline';
  user: SessionUser | null;
  csrfToken: string | null;
  workspaces: WorkspaceView[];
  /** Why the last login or refresh failed. */
  error: string | undefined;
  /** Asks the server who is signed in (and refreshes the workspaces, their alerts and roles). */
  refresh(): Promise<void>;
  login(email: string, password: string): Promise<boolean>;
  logout(): Promise<void>;
}

export type SessionStore = StoreApi<SessionState> & { api: ApiClient };

/** The signed-in person, the CSRF token their mutations carry, and their workspaces. */
export function createSession(makeApi: (csrf: () => string | null) => ApiClient = createEditorApi): SessionStore {
  let store: StoreApi<SessionState> | undefined;
  const raw = makeApi(() => store?.getState().csrfToken ?? null);
  // A session that expired while the app was open leads back to the login.
  const api = (async (route, input) => {
    try {
      return await raw(route, input);
    } catch (error) {
      if (error instanceof ApiCallError && error.status === 401 && route.path !== endpoints.login.path && store?.getState().status === 'ready') {
        store.setState({ status: 'anonymous', user: null, csrfToken: null, workspaces: [], error: 'Your session ended; log in again.' });
      }
      throw error;
    }
  }) as ApiClient;
  store = createStore<SessionState>()((set, get) => ({
    status: 'loading',
    user: null,
    csrfToken: null,
    workspaces: [],
    error: undefined,

    async refresh() {
      try {
        const me = await api(endpoints.me);
        if (!me.user) {
          set({ status: 'anonymous', user: null, csrfToken: null, workspaces: [] });
          return;
        }
        set({ status: 'ready', user: me.user, csrfToken: me.csrfToken, workspaces: me.workspaces, error: undefined });
      } catch (error) {
        if (error instanceof ApiCallError && error.status === 401) set({ status: 'anonymous', user: null, csrfToken: null, workspaces: [], error: undefined });
        else set({ status: get().user ? 'ready' : 'offline', error: errorText(error) });
      }
    },

    async login(email, password) {
      try {
        const result = await api(endpoints.login, { body: { email, password } });
        set({ csrfToken: result.csrfToken, user: result.user, error: undefined });
        await get().refresh();
        return get().status === 'ready';
      } catch (error) {
        set({ status: 'anonymous', error: error instanceof ApiCallError && error.status === 401 ? 'Wrong email or password' : errorText(error) });
        return false;
      }
    },

    async logout() {
      try {
        await api(endpoints.logout);
      } finally {
        set({ status: 'anonymous', user: null, csrfToken: null, workspaces: [] });
      }
    },
  }));
  return Object.assign(store, { api });
}
