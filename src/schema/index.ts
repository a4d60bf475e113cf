// Public face of the schema layer: the graph's types, its core field names, date handling and id helpers.
export * from "./types";
export * from "./dates";
export * from "./closest-ids";
export * from "./core-keys";
export * from "./attribute-names";
export * from "./sentence-template";
export * from "./render-sentence";
export * from "./edge-sentence";
