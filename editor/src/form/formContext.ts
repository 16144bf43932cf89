import { createContext, useContext } from 'react';

/** What every field of one form shares: its problems by path and, for code fields, the step it belongs to. */
export interface FormEnv {
  issues: ReadonlyMap<string, readonly string[]>;
  /** The node being edited (variables for autocomplete); absent for flow settings. */
  nodeId?: string;
  /** Ids already used in the settings (new list items get fresh ones). */
  takenIds: () => Set<string>;
  /** The whole settings of the step, for widgets that change several fields at once (the template picker). */
  node?: { data: Record<string, unknown>; replace(next: Record<string, unknown>): void };
}

export const FormEnvContext = createContext<FormEnv>({ issues: new Map(), takenIds: () => new Set() });

export function useFormEnv(): FormEnv {
  return useContext(FormEnvContext);
}

/** Messages at exactly this path. */
export function issuesAt(env: FormEnv, key: string): readonly string[] {
  return env.issues.get(key) ?? [];
}

/** Whether anything at or below this path has a problem (a hidden setting with a problem is shown). */
export function hasIssuesUnder(env: FormEnv, key: string): boolean {
  for (const k of env.issues.keys()) if (k === key || k.startsWith(`${key}.`)) return true;
  return false;
}
