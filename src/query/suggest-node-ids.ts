// "Did you mean ...?": the known node ids closest to an unknown one, by edit distance and by searching its name part.
import { SEARCH_RULES } from "../api/parameters";
import { closestIds } from "../schema/closest-ids";
import type { SearchIndex } from "./search-index";

/**
 * Up to `limit` ids close to `missing`: first those within an edit distance of a third of its length (at least 2),
 * closest first; then the best search hits for the part after the last ":" read as words ("state:prkk" -> "prkk").
 */
export function suggestNodeIds(ids: readonly string[], search: SearchIndex, missing: string, limit = 5): string[] {
  const wanted = missing.trim().toLowerCase();
  const suggestions = new Set(closestIds(ids, wanted, limit));
  const namePart = wanted
    .slice(wanted.lastIndexOf(":") + 1)
    .replace(/[-_.]+/g, " ")
    .trim()
    .slice(0, SEARCH_RULES.q.maxLength);
  if (suggestions.size < limit && namePart !== "") {
    for (const hit of search.search(namePart, { limit })) {
      if (suggestions.size >= limit) break;
      suggestions.add(hit.id);
    }
  }
  return [...suggestions];
}
