// Public face of the actions: pure state transitions, and the path query runner that dispatches them.
export {
  askPaths,
  choosePath,
  clearPath,
  clearSelection,
  escape,
  hoverEdge,
  hoverNode,
  resetFilters,
  selectEdge,
  selectNode,
  setCamera,
  setDateRange,
  setFilterMode,
  setShowSuggestions,
  setPathResult,
  showEvidence,
  toggleEdgeType,
  toggleNodeType,
} from "./transitions.js";
export { runPathQuery } from "./run-path-query.js";
export type { FetchPaths } from "./run-path-query.js";
export { pathParams } from "./path-params.js";
