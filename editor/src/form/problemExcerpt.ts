/** The line of `source` around a problem, split at the characters to mark (a space stands for a missing end). */
export function problemExcerpt(source: string, at: { start: number; end: number }, width = 48): { before: string; marked: string; after: string } | undefined {
  if (source.length === 0 || at.start < 0 || at.start > source.length) return undefined;
  const lineStart = source.lastIndexOf('\n', at.start - 1) + 1;
  const nextBreak = source.indexOf('\n', at.start);
  const lineEnd = nextBreak === -1 ? source.length : nextBreak;
  const end = Math.min(Math.max(at.end, at.start + 1), lineEnd);
  const from = Math.max(lineStart, at.start - Math.floor(width / 2));
  const to = Math.min(lineEnd, Math.max(end, from + width));
  const marked = source.slice(at.start, end) || ' ';
  return { before: (from > lineStart ? '…' : '') + source.slice(from, at.start), marked, after: source.slice(end, to) + (to < lineEnd ? '…' : '') };
}
