// Public face of the renderer domain.
export { blankLayerCounts, createRenderer, LABELS, reducerCalls, RENDERER_SETTINGS } from "./create-renderer.js";
export type { Renderer } from "./create-renderer.js";
export { createCanvas, fitChosenPath, followShown } from "./create-canvas.js";
export type { Canvas } from "./create-canvas.js";
export { cameraControls, mountCameraButtons, trackCamera } from "./camera-controls.js";
export type { CanvasControls } from "./camera-controls.js";
export { drawNodeHover } from "./draw-label.js";
export { createLabelLayer, labelSizeFor, wrapLabel } from "./label-layer.js";
export type { EdgeLabelBox, LabelBox, LabelLayer } from "./label-layer.js";
export { curveParallelEdges, curvatureFor } from "./curve-parallel-edges.js";
export { lineStyleOf } from "./line-styles.js";
export { RectGrid } from "./rect-grid.js";
export type { LineStyle } from "./line-styles.js";
export { drawSvgPaths, drawTags } from "./canvas-overlay.js";
export type { CanvasOverlay } from "./canvas-overlay.js";
export { HIDDEN_EDGE_TYPE } from "./hidden-edge-program.js";
