import type { FlowDocument } from '@tandem/shared';

/** Where autosave writes the draft. Phase 1 keeps it in the browser; the API target comes with the server. */
export interface DraftTarget {
  save(doc: FlowDocument): Promise<void>;
}

/**
 * Base URL of Tandem's API, relative to the page so the editor works under any path the server
 * serves it from (`VITE_TANDEM_API` overrides it in development).
 */
export function apiBaseUrl(): string {
  const configured: unknown = import.meta.env.VITE_TANDEM_API;
  return typeof configured === 'string' && configured !== '' ? configured.replace(/\/$/, '') : new URL('./api', document.baseURI).href.replace(/\/$/, '');
}

/** A JSON call to the API; every request of the editor goes through here. */
export async function apiRequest<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, baseUrl = apiBaseUrl()): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    credentials: 'include',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const json: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const message = (json as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${response.status}`;
    throw new Error(message);
  }
  return json as T;
}

const DRAFT_KEY = 'tandem.editor.draft';

/** Phase 1 draft storage: the browser's localStorage. */
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
