/** A fresh id `<base>_<n>` not in `taken` (which it then marks as used). Ids stay readable in the JSON. */
export function uniqueId(base: string, taken: Set<string>): string {
  const stem = base.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 56) || 'id';
  for (let n = 1; ; n++) {
    const id = `${stem}_${n}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/** Base of a new node's id: its type with underscores (`send_message_3`). */
export function idBaseForType(type: string): string {
  return type.replace(/-/g, '_');
}
