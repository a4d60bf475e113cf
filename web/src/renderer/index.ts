// Public face of the renderer domain.
export { createRenderer, RENDERER_SETTINGS } from "./create-renderer.js";
export type { Renderer } from "./create-renderer.js";
export { drawNodeHover, drawNodeLabel, labelSizeFor, shortLabel } from "./draw-label.js";
export { curveParallelEdges, curvatureFor } from "./curve-parallel-edges.js";
