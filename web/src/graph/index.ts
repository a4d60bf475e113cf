// Public face of the graph domain.
export {
  buildGraph,
  mergeIntoGraph,
  FALLBACK_EDGE_COLOR,
  FALLBACK_NODE_COLOR,
  FALLBACK_NODE_SIZE,
} from "./build-graph.js";
export {
  dateInRange,
  formatDate,
  formatMonth,
  lastDayOfMonth,
  monthBounds,
  monthsBetween,
  timelineMonths,
} from "./dates.js";
export { DRAWING_LIMITS } from "./drawing-limits.js";
export { monthHistogram } from "./month-histogram.js";
export type { MonthBar } from "./month-histogram.js";
export { computeVisibility, countByEdgeType, countByNodeType, countBySource } from "./visibility.js";
export type { Visibility } from "./visibility.js";
export type { DisplayEdgeAttributes, DisplayGraph, DisplayNodeAttributes } from "./types.js";
export { bibliographySummary, foldedCount, markBibliography } from "./bibliography.js";
export type { BibliographySummary } from "./bibliography.js";
