// Public face of the renderer domain.
export { createRenderer, RENDERER_SETTINGS } from "./create-renderer.js";
export type { Renderer } from "./create-renderer.js";
export { createCanvas, fitChosenPath } from "./create-canvas.js";
export type { Canvas } from "./create-canvas.js";
export { cameraControls, mountCameraButtons, trackCamera } from "./camera-controls.js";
export type { CanvasControls } from "./camera-controls.js";
export { drawNodeHover, drawNodeLabel, labelSizeFor, shortLabel } from "./draw-label.js";
export { curveParallelEdges, curvatureFor } from "./curve-parallel-edges.js";
