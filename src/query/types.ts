// The query layer's result shapes, declared once: what search, neighbours, paths and node look-ups return.
import type { PropValue } from "../schema/types";

/** The fields of a NodeObject that are not type-specific attributes; a prop of the same name never replaces one. */
export const CORE_NODE_KEYS: ReadonlySet<string> = new Set([
  "id",
  "type",
  "label",
  "aliases",
  "description",
  "date",
  "outsideKnowledge",
  "sources",
  "sourceCount",
]);

/** A node as the API shows it: core fields first, then its type-specific attributes flattened in. */
export interface NodeObject {
  id: string;
  type: string;
  label: string;
  aliases: string[];
  description: string;
  date?: string;
  outsideKnowledge?: string[];
  /** The sources that mention the node; in lists (paths, neighbourhoods) only the first LIST_SOURCES of them. */
  sources: string[];
  /** How many sources mention the node: more than `sources` holds when a list cut it. */
  sourceCount: number;
  [prop: string]: PropValue | undefined;
}

/**
 * Most source ids a node carries in lists of nodes. A hub of a large corpus is mentioned by thousands of sources;
 * repeated in every path through it, the list made path answers of 0.4-6 MB on the benchmark corpus. `/api/nodes/:id`
 * gives them all.
 */
export const LIST_SOURCES = 10;

/** The evidence of an edge as the API shows it. */
export interface EdgeEvidenceObject {
  quote: string;
  footnotes: string[];
  sourceDoc: string;
  start: number;
  end: number;
}

/** An edge as the API shows it: core fields and evidence first, then its type-specific attributes flattened in. */
export interface EdgeObject {
  id: string;
  type: string;
  source: string;
  target: string;
  label: string;
  date?: string;
  evidence: EdgeEvidenceObject;
  outsideKnowledge?: string[];
  [prop: string]: PropValue | EdgeEvidenceObject | undefined;
}

/** One search hit. */
export interface SearchResult {
  id: string;
  label: string;
  type: string;
  score: number;
}

export interface SearchOptions {
  /** Only nodes of this schema node type. */
  type?: string;
  /** At most this many results, 1..100 (default 10). */
  limit?: number;
}

/** What a name or id stands for. */
export type ResolveResult =
  | { type: "found"; id: string }
  | { type: "ambiguous"; candidates: SearchResult[] }
  | { type: "none"; suggestions: SearchResult[] };

/** A node with every edge that touches it. */
export interface NodeDetail {
  node: NodeObject;
  edges: EdgeObject[];
}

export type NeighborDirection = "out" | "in" | "both";

export interface NeighborsResult {
  nodes: NodeObject[];
  edges: EdgeObject[];
  /** True when the node limit or the edge limit cut the neighbourhood. */
  truncated: boolean;
  /** How many nodes and edges the search met before the limit was applied. */
  counts: { nodes: number; edges: number };
}

/** "any" ignores edge direction; "forward" follows it from `from` to `to`. */
export type PathDirection = "any" | "forward";

/** An edge on a path; `direction` says whether it points along the walk ("forward") or against it. */
export type PathEdgeObject = EdgeObject & { direction: "forward" | "backward" };

/** A simple path: edges[i] joins nodes[i] and nodes[i + 1]. */
export interface PathObject {
  nodes: NodeObject[];
  edges: PathEdgeObject[];
  length: number;
}

/** Why there is no path: the two ends are one node, lie in different components, are too far apart, or the filters cut every connection. */
export type NoPathCause = "same-node" | "disconnected" | "too-long" | "filtered";

export type PathResult =
  | { type: "found"; paths: PathObject[]; truncated: boolean }
  | { type: "none"; reason: string; cause: NoPathCause; shortestLength?: number; truncated: boolean };

/** Which part of the graph an export keeps. Dates are "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
export interface SubgraphFilter {
  nodeTypes?: string[];
  edgeTypes?: string[];
  dateFrom?: string;
  dateTo?: string;
}
