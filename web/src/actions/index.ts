// Public face of the actions: pure state transitions, and the path query runner that dispatches them.
export {
  askPaths,
  askQuery,
  reaskPaths,
  reaskQuery,
  clearQuery,
  setQueryResult,
  choosePath,
  clearPath,
  clearReading,
  clearSelection,
  escape,
  hoverEdge,
  hoverNode,
  onlyEdgeType,
  onlyNodeType,
  resetFilters,
  selectEdge,
  selectNode,
  setCamera,
  setDateRange,
  setFilterMode,
  setHideUndated,
  setHideUnlinked,
  setShowBibliography,
  setShowSuggestions,
  setPathResult,
  showEvidence,
  toggleEdgeType,
  toggleNodeType,
  toggleSource,
} from "./transitions.js";
export { runPathQuery, runPathQueryAgain } from "./run-path-query.js";
export { runCypherQuery, runCypherQueryAgain } from "./run-cypher-query.js";
export type { FetchQuery } from "./run-cypher-query.js";
export type { FetchPaths } from "./run-path-query.js";
export { pathParams } from "./path-params.js";
