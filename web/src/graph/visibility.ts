// Which nodes and edges pass the filters: type switches and the date range. Pure; the reducers decide the look.
import type { Filters } from "../state/index.js";
import { dateInRange } from "./dates.js";
import type { DisplayGraph } from "./types.js";

export interface Visibility {
  nodes: Set<string>;
  edges: Set<string>;
}

/**
 * A node passes when its type is on, its date (if any) overlaps the range, and it is not a suggestion while those are
 * off. An edge passes when its relation type
 * is on, its date overlaps, and both its ends pass.
 */
export function computeVisibility(graph: DisplayGraph, filters: Filters): Visibility {
  const hiddenNodeTypes = new Set(filters.hiddenNodeTypes);
  const hiddenEdgeTypes = new Set(filters.hiddenEdgeTypes);
  const nodes = new Set<string>();
  const edges = new Set<string>();
  graph.forEachNode((node, a) => {
    if (a.status === "suggested" && !filters.showSuggestions) return;
    if (!hiddenNodeTypes.has(a.nodeType) && dateInRange(a.date, filters.dateFrom, filters.dateTo)) nodes.add(node);
  });
  graph.forEachEdge((edge, a, source, target) => {
    if (hiddenEdgeTypes.has(a.relType)) return;
    if (a.status === "suggested" && !filters.showSuggestions) return;
    if (!nodes.has(source) || !nodes.has(target)) return;
    if (!dateInRange(a.date, filters.dateFrom, filters.dateTo)) return;
    edges.add(edge);
  });
  return { nodes, edges };
}

/** Counts of visible elements per node type, for the legend. */
export function countByNodeType(
  graph: DisplayGraph,
  nodes: Set<string>,
): Map<string, { shown: number; total: number }> {
  const counts = new Map<string, { shown: number; total: number }>();
  graph.forEachNode((node, a) => {
    const entry = counts.get(a.nodeType) ?? { shown: 0, total: 0 };
    entry.total += 1;
    if (nodes.has(node)) entry.shown += 1;
    counts.set(a.nodeType, entry);
  });
  return counts;
}

/** Counts of visible edges per relation type. */
export function countByEdgeType(
  graph: DisplayGraph,
  edges: Set<string>,
): Map<string, { shown: number; total: number }> {
  const counts = new Map<string, { shown: number; total: number }>();
  graph.forEachEdge((edge, a) => {
    const entry = counts.get(a.relType) ?? { shown: 0, total: 0 };
    entry.total += 1;
    if (edges.has(edge)) entry.shown += 1;
    counts.set(a.relType, entry);
  });
  return counts;
}
