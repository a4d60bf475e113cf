// Public face of the reducers: view derivation plus node and edge reducers.
export { activePathSets, computeView, viewChanged, VIEW_FIELDS } from "./view.js";
export type { View } from "./view.js";
export { nodeReducer } from "./node-reducer.js";
export { edgeReducer } from "./edge-reducer.js";
export { DIM_EDGE_COLOR, DIM_NODE_COLOR } from "./colors.js";
