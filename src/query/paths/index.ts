// Public face of the path search: its settings, the search context, the sliced searches, costs and the path subgraph.
export { DEFAULT_PATH_OPTIONS, resolvePathOptions, type PathOptions } from "./path-options";
export { compilePathFilter, passable, type PathFilter } from "./path-filter";
export type { PathSearch } from "./path-search";
export { buildPathCosts, type PathCosts } from "./path-costs";
export { findPaths } from "./find-paths";
export { findRankedPaths } from "./ranked-paths";
export { solvePathQuery } from "./solve-path-query";
export { shortestPathLength, type HasAdjacency } from "./shortest-path-length";
export { pathSubgraph } from "./path-subgraph";
export { keepPath } from "./keep-path";
