import { createContext, useContext } from 'react';
import type { FlowDocument } from '@tandem/shared';
import { ApiCallError, createApiClient, endpoints, type ApiClient } from '@tandem/shared/api';

/** Where autosave writes the draft: the server (`serverDraft`) or, in the playground, the browser. */
export interface DraftTarget {
  save(doc: FlowDocument): Promise<void>;
}

/**
 * Origin (and base path) of Tandem's API. The server serves the editor and `/api` on one origin,
 * so this is the page's own base; `VITE_TANDEM_API` overrides it in development.
 */
export function apiBaseUrl(): string {
  const configured: unknown = import.meta.env.VITE_TANDEM_API;
  if (typeof configured === 'string' && configured !== '') return configured.replace(/\/$/, '');
  return new URL('.', document.baseURI).href.replace(/\/$/, '');
}

/**
 * The editor's typed API client: every call goes through the shared contract, with the session's
 * CSRF token on mutating requests (the server ignores it on reads).
 */
export function createEditorApi(csrfToken: () => string | null, baseUrl = apiBaseUrl()): ApiClient {
  return createApiClient({
    baseUrl,
    headers: (): Record<string, string> => {
      const token = csrfToken();
      return token ? { 'X-CSRF-Token': token } : {};
    },
  });
}

export const ApiContext = createContext<ApiClient | null>(null);

/** The API client of the signed-in session (from the nearest provider). */
export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs an ApiContext provider');
  return api;
}

/** A readable sentence for a failed call (the API's message, or the network error). */
export function errorText(error: unknown): string {
  if (error instanceof ApiCallError) return error.body.error.message;
  if (error instanceof Error) return error.message === 'Failed to fetch' ? 'The server cannot be reached' : error.message;
  return String(error);
}

/** Autosave into a flow's draft on the server. */
export function serverDraft(api: ApiClient, workspaceId: string, flowId: string): DraftTarget {
  return {
    save: async (doc) => {
      await api(endpoints.saveDraft, { params: { workspaceId, flowId }, body: { document: doc } });
    },
  };
}

const DRAFT_KEY = 'tandem.editor.draft';

/** The playground's draft storage (`?example=`, no server): the browser's localStorage. */
export const localDraft = {
  target: {
    save: async (doc: FlowDocument) => {
      localStorage.setItem(DRAFT_KEY, JSON.stringify(doc));
    },
  } satisfies DraftTarget,
  /** The saved draft as raw JSON (checked by the store on load), if any. */
  read(): unknown {
    const text = localStorage.getItem(DRAFT_KEY);
    if (!text) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  },
};
