// Public face of the query layer: the engine, its result shapes and settings, the slice scheduler long work runs in,
// the API object converters and the schema view.
export * from "./types";
export { createQueryEngine, type QueryEngine, type QueryEngineOptions } from "./query-engine";
export { DEFAULT_ELEMENT_TEXT_BYTES, ElementTexts, type ElementForm } from "./element-texts";
export {
  createSliceScheduler,
  DEFAULT_SLICE_MS,
  type SliceRecord,
  type SliceScheduler,
  type SlicedWork,
} from "./slice-scheduler";
export { runToEnd, SliceClock } from "./slice-clock";
export { threadCpuMs } from "./thread-cpu";
export { toNodeObject } from "./to-node-object";
export { toEdgeObject, toEvidenceObject } from "./to-edge-object";
export {
  DEFAULT_PATH_OPTIONS,
  keepPath,
  resolvePathOptions,
  shortestPathLength,
  pathSubgraph,
  type PathOptions,
} from "./paths";
export type { HasAdjacency } from "./paths";
export { DEFAULT_NEIGHBORS_OPTIONS, resolveNeighborsOptions, type NeighborsOptions } from "./neighbors-options";
export { checkInteger, type OptionsInput } from "./check-parameter";
export { buildAdjacencyIndex, type AdjacencyIndex, type AdjacencyView } from "./adjacency-index";
export { resolveSubgraphFilter, subgraph, subgraphTests, type ViewTests } from "./subgraph";
export { schemaView, type TypeColors } from "./schema-view";
export { foldText, foldName, foldTerms } from "./fold-text";
export * from "./cypher";
export { claimSources, nodeSources, type RelationFamily } from "./claim-sources";
