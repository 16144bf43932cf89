/**
 * Keys for the items of a settings list (buttons, rows, operations...), which have no id of their own,
 * or one the person is typing. An item keeps its key when it is moved, when items before it are added or
 * removed, and when it is edited (the edited copy takes the key over, `keepItemKey`), so the state of its
 * fields (a number half-typed, a JSON box, Monaco) stays with it. Undo brings back the very objects, keys included.
 */
const keys = new WeakMap<object, string>();
let created = 0;

export function itemKeys(items: readonly unknown[]): string[] {
  const used = new Set<string>();
  return items.map((item) => {
    let base: string;
    if (typeof item === 'object' && item !== null) {
      base = keys.get(item) ?? `item-${++created}`;
      keys.set(item, base);
    } else {
      // Not a settings group (a malformed document): all it has is its value.
      base = `value-${JSON.stringify(item)}`;
    }
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}~${n}`;
    used.add(key);
    return key;
  });
}

/** The edited copy of an item keeps the item's key. */
export function keepItemKey(from: unknown, to: unknown): void {
  if (typeof from !== 'object' || from === null || typeof to !== 'object' || to === null) return;
  const key = keys.get(from);
  if (key !== undefined) keys.set(to, key);
}
