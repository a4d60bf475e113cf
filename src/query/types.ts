// The query layer's result shapes: what search, neighbours, paths and node look-ups return. The shapes that travel
// over HTTP are declared once, in the web/server contract; the query layer answers in them.
import type {
  NoPathResponse,
  NeighborsResponse,
  NodeResponse,
  PathsFoundResponse,
  SearchRequest,
  SearchResult,
  ViewFilterRequest,
} from "../api/contract";

export { CORE_NODE_KEYS, LIST_SOURCES } from "../api/contract";
export type {
  EdgeEvidenceObject,
  EdgeObject,
  NeighborDirection,
  NoPathCause,
  NodeObject,
  PathDirection,
  PathEdgeObject,
  PathObject,
  FoundPathObject,
  PathClaimObject,
  PathStepObject,
  StepDirection,
  SearchResult,
} from "../api/contract";

/** Search options: the search request less its text. */
export type SearchOptions = Omit<SearchRequest, "q">;

/** What a name or id stands for. */
export type ResolveResult =
  | { type: "found"; id: string }
  | { type: "ambiguous"; candidates: SearchResult[] }
  | { type: "none"; suggestions: SearchResult[] };

/** A node with every edge that touches it. */
export type NodeDetail = NodeResponse;

export type NeighborsResult = NeighborsResponse;

/** The answer to a path query, tagged: the paths found, or why there are none (the HTTP answer less its tag). */
export type PathResult = ({ type: "found" } & PathsFoundResponse) | ({ type: "none" } & Omit<NoPathResponse, "paths">);

/** Which part of the graph an export keeps: the export's view filters. */
export type SubgraphFilter = ViewFilterRequest;
