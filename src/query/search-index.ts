// Full-text search over node labels, short labels and aliases: accent- and case-folded, prefix and typo tolerant,
// exact names first.
import MiniSearch from "minisearch";
import { SEARCH_RULES } from "../api/parameters";
import { ParameterError } from "../errors";
import type { RightsGraph, Schema } from "../schema/types";
import { checkInteger } from "./check-parameter";
import { foldName, foldTerms } from "./fold-text";
import type { SearchOptions, SearchResult } from "./types";

interface SearchDocument {
  id: string;
  label: string;
  /** The aliases and the short display name, which is a name like them. */
  aliases: string;
}

export interface SearchIndex {
  /** Ranked hits; validates `q`, `limit` and `type` and throws ParameterError naming the bad one. */
  search(q: string, options?: SearchOptions): SearchResult[];
  /** Ids of the nodes whose id, label or one of whose aliases folds to the same name as `text`, sorted. */
  exactMatches(text: string): string[];
}

const CONTEXT = "search";

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/**
 * Builds the search index of a graph once. Ranking: exact full-name matches first (the id, then the label, then an
 * alias or the short label), then minisearch's BM25 score with label matches boosted over alias matches; ties by
 * label then id.
 * Every query term is a prefix; terms of 4+ characters also match with up to 20% typos. All terms must match;
 * when that finds nothing, any term may.
 */
export function createSearchIndex(graph: RightsGraph, schema: Schema): SearchIndex {
  const miniSearch = new MiniSearch<SearchDocument>({
    fields: ["label", "aliases"],
    tokenize: foldTerms,
    processTerm: (term) => term,
  });
  const names = new Map<string, Set<string>>();
  const addName = (name: string, id: string): void => {
    const folded = foldName(name);
    if (folded === "") return;
    const ids = names.get(folded) ?? new Set<string>();
    ids.add(id);
    names.set(folded, ids);
  };
  const documents: SearchDocument[] = [];
  graph.forEachNode((id, attributes) => {
    const others =
      attributes.shortLabel === undefined ? attributes.aliases : [...attributes.aliases, attributes.shortLabel];
    documents.push({ id, label: attributes.label, aliases: others.join(" \n ") });
    addName(attributes.label, id);
    for (const name of others) addName(name, id);
  });
  miniSearch.addAll(documents);

  const exactMatches = (text: string): string[] => {
    const ids = new Set(names.get(foldName(text)) ?? []);
    const trimmed = text.trim();
    if (graph.hasNode(trimmed)) ids.add(trimmed);
    else if (graph.hasNode(trimmed.toLowerCase())) ids.add(trimmed.toLowerCase());
    return [...ids].sort();
  };

  const search = (q: string, options: SearchOptions = {}): SearchResult[] => {
    if (typeof q !== "string" || q.trim() === "") throw new ParameterError("q", `${CONTEXT}: q must not be empty`);
    const text = q.trim();
    const { maxLength } = SEARCH_RULES.q;
    if (text.length > maxLength) {
      throw new ParameterError("q", `${CONTEXT}: q is ${text.length} characters long; the most is ${maxLength}`);
    }
    const limit = checkInteger(CONTEXT, "limit", options.limit ?? SEARCH_RULES.limit.default, SEARCH_RULES.limit);
    const type = options.type;
    if (type !== undefined && !schema.nodeTypes.has(type)) {
      throw new ParameterError(
        "type",
        `${CONTEXT}: unknown node type "${type}". Known node types: ${[...schema.nodeTypes.keys()].join(", ")}`,
      );
    }
    const filter =
      type === undefined ? undefined : (hit: { id: string }) => graph.getNodeAttribute(hit.id, "type") === type;
    const searchOptions = {
      prefix: true,
      fuzzy: (term: string) => (term.length >= 4 ? 0.2 : false),
      boost: { label: 2 },
      ...(filter ? { filter } : {}),
    };
    let hits = miniSearch.search(text, { ...searchOptions, combineWith: "AND" });
    if (hits.length === 0) hits = miniSearch.search(text, { ...searchOptions, combineWith: "OR" });

    const scores = new Map<string, number>(hits.map((hit) => [hit.id as string, hit.score]));
    const exactId = graph.hasNode(text) ? text : graph.hasNode(text.toLowerCase()) ? text.toLowerCase() : undefined;
    if (exactId !== undefined && (type === undefined || graph.getNodeAttribute(exactId, "type") === type)) {
      if (!scores.has(exactId)) scores.set(exactId, 0);
    }
    const top = Math.max(0, ...scores.values()) + 1;
    const folded = foldName(text);
    const exactNames = names.get(folded);
    const results: SearchResult[] = [];
    for (const [id, raw] of scores) {
      const attributes = graph.getNodeAttributes(id);
      let bonus = 0;
      if (id === exactId) bonus = 3 * top;
      else if (exactNames?.has(id)) bonus = foldName(attributes.label) === folded ? 2 * top : top;
      results.push({ id, label: attributes.label, type: attributes.type, score: round(raw + bonus) });
    }
    results.sort((x, y) => y.score - x.score || compare(x.label, y.label) || compare(x.id, y.id));
    return results.slice(0, limit);
  };

  return { search, exactMatches };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
