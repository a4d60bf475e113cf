// Public face of the path search: its settings, the search context, the sliced searches and the path subgraph.
export { DEFAULT_PATH_OPTIONS, resolvePathOptions, type PathOptions } from "./path-options";
export { compilePathFilter, type PathFilter } from "./path-filter";
export type { PathSearch } from "./path-search";
export { findPaths } from "./find-paths";
export { solvePathQuery } from "./solve-path-query";
export { shortestPathLength, type HasAdjacency } from "./shortest-path-length";
export { pathSubgraph } from "./path-subgraph";
