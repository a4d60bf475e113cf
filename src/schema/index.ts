// Public face of the schema layer: the graph's types, date handling and the schema reader.
export * from "./types";
export * from "./dates";
