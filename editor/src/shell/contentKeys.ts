/**
 * React keys for a list whose items have no id of their own (problems, tags, a template's buttons...):
 * each item's content, with `~2`, `~3`… on a repeat. Unlike its index, an item keeps its key when items
 * before it come or go, so React updates the element that shows it instead of re-using its neighbour's.
 */
export function keyedByContent<T>(items: readonly T[], contentOf: (item: T) => string = JSON.stringify): { key: string; item: T; index: number }[] {
  const used = new Set<string>();
  return items.map((item, index) => {
    const content = contentOf(item);
    let key = content;
    for (let n = 2; used.has(key); n++) key = `${content}~${n}`;
    used.add(key);
    return { key, item, index };
  });
}
