/** A saved `{ scope: 'contact', name }` target with the attribute renamed; anything else unchanged. */
export function renameSaveTarget(saved: unknown, attributes: Record<string, string>): unknown {
  const target = saved as { scope?: string; name?: string } | null | undefined;
  return target?.scope === 'contact' && target.name && attributes[target.name] ? { ...target, name: attributes[target.name] } : saved;
}

/** The contact attribute a saved target writes, if it writes one. */
export function savedAttribute(saved: unknown): string | undefined {
  const target = saved as { scope?: string; name?: string } | null | undefined;
  return target?.scope === 'contact' && target.name ? target.name : undefined;
}
