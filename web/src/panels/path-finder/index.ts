// Public face of the path finder.
export { mountPathFinder, runPathQuery } from "./path-finder.js";
export { pathParams } from "./path-params.js";
