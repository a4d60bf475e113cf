// "Did you mean ...?": the known node ids closest to an unknown one, by edit distance and by searching its name part.
import type { SearchIndex } from "./search-index";
import { MAX_QUERY_LENGTH } from "./search-index";

/** Levenshtein distance, or cap + 1 as soon as it must exceed `cap`. */
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
 * Up to `limit` ids close to `missing`: first those within an edit distance of a third of its length (at least 2),
 * closest first; then the best search hits for the part after the last ":" read as words ("state:prkk" -> "prkk").
 */
export function suggestNodeIds(ids: readonly string[], search: SearchIndex, missing: string, limit = 5): string[] {
  const wanted = missing.trim().toLowerCase();
  const cap = Math.max(2, Math.floor(wanted.length / 3));
  const row = new Int32Array(1024);
  const close: { id: string; distance: number }[] = [];
  if (wanted.length < 1000) {
    for (const id of ids) {
      if (id.length >= 1000) continue;
      const distance = editDistance(wanted, id, cap, row);
      if (distance <= cap) close.push({ id, distance });
    }
  }
  close.sort((x, y) => x.distance - y.distance || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const suggestions = new Set(close.slice(0, limit).map((c) => c.id));
  const namePart = wanted
    .slice(wanted.lastIndexOf(":") + 1)
    .replace(/[-_.]+/g, " ")
    .trim()
    .slice(0, MAX_QUERY_LENGTH);
  if (suggestions.size < limit && namePart !== "") {
    for (const hit of search.search(namePart, { limit })) {
      if (suggestions.size >= limit) break;
      suggestions.add(hit.id);
    }
  }
  return [...suggestions];
}
