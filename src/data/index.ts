// Public face of the data layer: load and validate a data folder.
export { DEFAULT_DATA_DIR, loadDataset, type LoadOptions, type LoadProgress } from "./load-dataset";
export { readSchema } from "./read-schema";
export { normaliseEndnoteMarker } from "./endnote-marker";
export { findClosestPassage } from "./closest-passage";
export { DEFAULT_LOAD_LIMITS, type LoadLimits } from "./load-limits";
