// Colours the reducers use for faded elements.
export const DIM_NODE_COLOR = "#dde1e7";
export const DIM_EDGE_COLOR = "#eceef2";
