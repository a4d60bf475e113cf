// Node ids: their allowed form, and the closest known ids to a mistyped one ("Did you mean ...?").

/** Ids are lower-case ASCII letters, digits and : . _ - so that they are valid GraphML ids as they are. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9:._-]*$/;

/** Longest string compared: an error path must stay cheap whatever a caller sends. */
const MAX_COMPARED_LENGTH = 1000;

/** Levenshtein distance, or cap + 1 as soon as it must exceed `cap`; `row` is scratch space (b.length + 1). */
function editDistance(a: string, b: string, cap: number, row: Int32Array): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      const value = Math.min(
        above + 1,
        row[j - 1]! + 1,
        diagonal + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1),
      );
      row[j] = value;
      diagonal = above;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > cap) return cap + 1;
  }
  return row[b.length]!;
}

/**
 * Up to `limit` candidates within an edit distance of a third of `value`'s length (at least 2), closest first,
 * ties by id. Linear in the number of candidates; strings over 1,000 characters are not compared.
 */
export function closestIds(candidates: Iterable<string>, value: string, limit = 3): string[] {
  if (value.length >= MAX_COMPARED_LENGTH) return [];
  const cap = Math.max(2, Math.floor(value.length / 3));
  const row = new Int32Array(MAX_COMPARED_LENGTH + 1);
  const close: { id: string; distance: number }[] = [];
  for (const id of candidates) {
    if (id.length >= MAX_COMPARED_LENGTH) continue;
    const distance = editDistance(value, id, cap, row);
    if (distance <= cap) close.push({ id, distance });
  }
  close.sort((x, y) => x.distance - y.distance || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return close.slice(0, limit).map((c) => c.id);
}
