import type { Diagnostic } from '@tandem/shared';

const keyOf = (d: Diagnostic) => `${d.code}|${d.nodeId ?? ''}|${(d.path ?? []).join('.')}`;

/**
 * Which errors are new since the last check: the Problems panel opens for them. `seen` is the
 * errors of the previous check (undefined before the first, whose errors are not news).
 */
export function newErrors(seen: ReadonlySet<string> | undefined, diagnostics: readonly Diagnostic[]): { seen: Set<string>; fresh: number } {
  const now = new Set(diagnostics.filter((d) => d.severity === 'error').map(keyOf));
  if (!seen) return { seen: now, fresh: 0 };
  let fresh = 0;
  for (const k of now) if (!seen.has(k)) fresh++;
  return { seen: now, fresh };
}
