// What a name typed by a person stands for: one node, several candidates, or nothing (with suggestions).
import { SEARCH_RULES } from "../api/parameters";
import { AmbiguousNameError, ParameterError } from "../errors";
import type { RightsGraph, Schema } from "../schema/types";
import { nodeNotFound } from "./not-found";
import type { SearchIndex } from "./search-index";
import type { ResolveResult, SearchResult } from "./types";

/** The top search hit wins outright when its score is at least this many times the second's. */
export const CLEAR_WINNER_RATIO = 2;

/** What name resolution reads: the graph, its schema (for the id prefixes), the search index and the id suggester. */
export interface NameIndex {
  graph: RightsGraph;
  schema: Schema;
  search: SearchIndex;
  suggest: (missing: string) => string[];
}

/** Whether `text` is written as an id of one of the schema's types ("state:prkk"): then it is never a name. */
function idShaped(schema: Schema, text: string): boolean {
  const colon = text.indexOf(":");
  if (colon <= 0 || /\s/.test(text)) return false;
  const prefix = text.slice(0, colon).toLowerCase();
  for (const type of schema.nodeTypes.values()) if (type.idPrefix === prefix) return true;
  return false;
}

/**
 * Resolves a node id or a name: an exact id; else an exact (folded) label or alias, unique -> found, shared ->
 * ambiguous; else a search, where a single hit or a top hit scoring at least twice the next is found, close hits are
 * ambiguous (those scoring at least half the top), and no hit gives none with id suggestions. Text written as an id
 * of a known type ("state:prkk") is only ever an id: a typo in an id is not searched for as a name, it is not found.
 */
export function resolveName(names: NameIndex, nameOrId: string): ResolveResult {
  const { graph, schema, search, suggest } = names;
  if (typeof nameOrId !== "string" || nameOrId.trim() === "") {
    throw new ParameterError("name", "resolve: the name or id must not be empty");
  }
  const text = nameOrId.trim();
  if (graph.hasNode(text)) return { type: "found", id: text };
  const none = (): ResolveResult => ({ type: "none", suggestions: suggest(text).map((id) => asResult(graph, id, 0)) });
  if (idShaped(schema, text)) return none();
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
  if (hits.length === 0) return none();
  if (hits.length === 1 || hits[0]!.score >= CLEAR_WINNER_RATIO * hits[1]!.score) {
    return { type: "found", id: hits[0]!.id };
  }
  const floor = hits[0]!.score / CLEAR_WINNER_RATIO;
  return { type: "ambiguous", candidates: hits.filter((hit) => hit.score >= floor) };
}

/**
 * The node id a name or id given as `parameter` stands for, resolved as `resolveName` does; an AmbiguousNameError
 * listing the candidates, or a NotFoundError with the closest ids, when it stands for no single node.
 */
export function resolveNode(names: NameIndex, nameOrId: unknown, parameter: string): string {
  if (typeof nameOrId !== "string" || nameOrId.trim() === "") {
    throw new ParameterError(parameter, `${parameter}: a node name or id is required`);
  }
  const result = resolveName(names, nameOrId);
  if (result.type === "found") return result.id;
  const shown = nameOrId.trim().slice(0, SEARCH_RULES.q.maxLength);
  if (result.type === "ambiguous") {
    const candidates = result.candidates.map(({ id, label, type }) => ({ id, label, type }));
    const listed = candidates.map((c) => `${c.label} (${c.id}, ${c.type})`).join("; ");
    throw new AmbiguousNameError(
      parameter,
      `${parameter}: "${shown}" is ambiguous; it could be ${listed}. Give the id or a fuller name.`,
      candidates,
    );
  }
  throw nodeNotFound(
    shown,
    result.suggestions.map((s) => s.id),
  );
}

function asResult(graph: RightsGraph, id: string, score: number): SearchResult {
  const attributes = graph.getNodeAttributes(id);
  return { id, label: attributes.label, type: attributes.type, score };
}
