// Public face of the query layer: the engine, its result shapes, the path settings and the API object converters.
export * from "./types";
export { createQueryEngine, type QueryEngine, type QueryEngineOptions } from "./query-engine";
export { toNodeObject } from "./to-node-object";
export { toEdgeObject } from "./to-edge-object";
export { DEFAULT_PATH_OPTIONS, resolvePathOptions, type PathOptions } from "./path-options";
export {
  DEFAULT_NEIGHBORS_OPTIONS,
  MAX_NEIGHBORS_LIMIT,
  resolveNeighborsOptions,
  type NeighborsOptions,
} from "./neighbors-options";
export { shortestPathLength, type HasAdjacency } from "./shortest-path-length";
export { buildAdjacencyIndex, type AdjacencyIndex, type AdjacencyView } from "./adjacency-index";
export { subgraph, subgraphTests, type ViewTests } from "./subgraph";
export { pathSubgraph } from "./path-subgraph";
export { foldText, foldName, foldTerms } from "./fold-text";
export { MAX_QUERY_LENGTH, MAX_SEARCH_LIMIT, DEFAULT_SEARCH_LIMIT } from "./search-index";
export * from "./cypher";
