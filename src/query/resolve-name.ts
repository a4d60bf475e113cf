// What a name typed by a person stands for: one node, several candidates, or nothing (with suggestions).
import { SEARCH_RULES } from "../api/parameters";
import { ParameterError } from "../errors";
import type { RightsGraph } from "../schema/types";
import type { SearchIndex } from "./search-index";
import type { ResolveResult, SearchResult } from "./types";

/** The top search hit wins outright when its score is at least this many times the second's. */
export const CLEAR_WINNER_RATIO = 2;

/**
 * Resolves a node id or a name: an exact id; else an exact (folded) label or alias, unique -> found, shared ->
 * ambiguous; else a search, where a single hit or a top hit scoring at least twice the next is found, close hits are
 * ambiguous (those scoring at least half the top), and no hit gives none with id suggestions.
 */
export function resolveName(
  graph: RightsGraph,
  search: SearchIndex,
  suggest: (missing: string) => string[],
  nameOrId: string,
): ResolveResult {
  if (typeof nameOrId !== "string" || nameOrId.trim() === "") {
    throw new ParameterError("name", "resolve: the name or id must not be empty");
  }
  const text = nameOrId.trim();
  if (graph.hasNode(text)) return { type: "found", id: text };
  const query = text.slice(0, SEARCH_RULES.q.maxLength);

  const exact = search.exactMatches(text);
  if (exact.length === 1) return { type: "found", id: exact[0]! };
  if (exact.length > 1) {
    const scored = new Map(search.search(query, { limit: 100 }).map((hit) => [hit.id, hit]));
    const candidates = exact.map((id) => scored.get(id) ?? asResult(graph, id, 0));
    candidates.sort((a, b) => b.score - a.score || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    return { type: "ambiguous", candidates };
  }

  const hits = search.search(query, { limit: 10 });
  if (hits.length === 0) {
    return { type: "none", suggestions: suggest(text).map((id) => asResult(graph, id, 0)) };
  }
  if (hits.length === 1 || hits[0]!.score >= CLEAR_WINNER_RATIO * hits[1]!.score) {
    return { type: "found", id: hits[0]!.id };
  }
  const floor = hits[0]!.score / CLEAR_WINNER_RATIO;
  return { type: "ambiguous", candidates: hits.filter((hit) => hit.score >= floor) };
}

function asResult(graph: RightsGraph, id: string, score: number): SearchResult {
  const attributes = graph.getNodeAttributes(id);
  return { id, label: attributes.label, type: attributes.type, score };
}
