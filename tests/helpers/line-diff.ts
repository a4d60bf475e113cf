// The one changed block between two texts, line by line: what a line diff shows when a write changed one place.

/** The lines of `after` that differ from `before`, as one block: where it starts (1-based), what went and came. */
export function lineDiff(before: string, after: string): { from: number; removed: string[]; added: string[] } {
  const a = before.split("\n");
  const b = after.split("\n");
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { from: head + 1, removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) };
}
