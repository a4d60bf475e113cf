// Public face of the layout layer: node positions, sizes and colours derived from the graph.
export * from "./types";
export * from "./colors";
export * from "./layout-options";
export * from "./compute-layout";
export * from "./extend-layout";
export * from "./communities";
