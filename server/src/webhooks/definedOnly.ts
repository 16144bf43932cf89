/**
 * Drops keys whose value is undefined, so normalised events hold only what Meta sent and compare
 * cleanly. The cast is sound: only optional keys can hold undefined.
 */
export function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
