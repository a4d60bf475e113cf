// Public face of the path finder.
export { mountPathFinder } from "./path-finder.js";
