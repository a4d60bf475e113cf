// Node ids: their allowed form, and the closest known ids to a mistyped one ("Did you mean ...?").

/** Ids are lower-case ASCII letters, digits and : . _ - so that they are valid GraphML ids as they are. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9:._-]*$/;

function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > cap) return cap + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** Up to `limit` candidates closest to `value` by edit distance (at most a third of its length), closest first. */
export function closestIds(candidates: Iterable<string>, value: string, limit = 3): string[] {
  const cap = Math.max(2, Math.floor(value.length / 3));
  const scored: { id: string; distance: number }[] = [];
  for (const id of candidates) {
    const distance = editDistance(value, id, cap);
    if (distance <= cap) scored.push({ id, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id));
  return scored.slice(0, limit).map((s) => s.id);
}
