// Which nodes and edges pass the filters: type and source switches, the date range, "Hide undated" and "Hide
// unlinked". Pure; the reducers decide the look.
import type { Filters, SceneState } from "../state/index.js";
import { dateInRange, monthBounds } from "./dates.js";
import type { DisplayGraph } from "./types.js";

export interface Visibility {
  nodes: Set<string>;
  edges: Set<string>;
  /**
   * Claims that pass the filters but that a large corpus's overview sums up, drawn only while in focus (a hovered or
   * selected node's, a chosen path's): between two summarised nodes of different groups (the line between the groups
   * stands for them), and between two summarised nodes already linked by a claim drawn (one line stands for a pair's
   * claims; the first scene's largest members share thousands).
   */
  summed: Set<string>;
}

/**
 * A node passes when its type is on, its date (if any) overlaps the range, it is not a suggestion while those are
 * off, and it is not part of the folded bibliography. An edge passes when its relation type and its source are on, it is not a suggestion while those are off, its
 * date overlaps (or, with `hideUndated`, it has a readable date that does), and both its ends pass. Then, with
 * `hideUndated`, an undated node stays only if a passing edge touches it, and with `hideUnlinked` every node no
 * passing edge touches goes: a claim's two ends are what make it readable. A `scene` drops the nodes hidden by hand
 * and, when it lists its members, every node it does not list; among its summarised nodes, an edge between two groups,
 * or between two nodes already linked by an edge drawn, goes to `summed` instead of `edges`.
 */
export function computeVisibility(graph: DisplayGraph, filters: Filters, scene?: SceneState): Visibility {
  const handHidden = new Set(scene?.hidden);
  const members = scene?.members ? new Set(scene.members) : null;
  const summarised = new Set(scene?.summarised);
  const hiddenNodeTypes = new Set(filters.hiddenNodeTypes);
  const hiddenEdgeTypes = new Set(filters.hiddenEdgeTypes);
  const hiddenSources = new Set(filters.hiddenSources);
  const dated = (date: string | undefined): boolean =>
    dateInRange(date, filters.dateFrom, filters.dateTo) && (!filters.hideUndated || monthBounds(date) !== null);
  const nodes = new Set<string>();
  const edges = new Set<string>();
  const summed = new Set<string>();
  const paired = new Set<string>();
  /** True when the overview sums this edge up rather than draw it. */
  const folded = (source: string, target: string): boolean => {
    if (!summarised.has(source) || !summarised.has(target)) return false;
    const [a, b] = [graph.getNodeAttribute(source, "community"), graph.getNodeAttribute(target, "community")];
    if (a !== b) return true;
    const pair = source < target ? `${source}\n${target}` : `${target}\n${source}`;
    if (paired.has(pair)) return true;
    paired.add(pair);
    return false;
  };
  graph.forEachNode((node, a) => {
    if (a.status === "suggested" && !filters.showSuggestions) return;
    if (handHidden.has(node) || (members && !members.has(node))) return;
    if (a.bibliography && !filters.showBibliography) return;
    if (!hiddenNodeTypes.has(a.nodeType) && dateInRange(a.date, filters.dateFrom, filters.dateTo)) nodes.add(node);
  });
  const linked = new Set<string>();
  graph.forEachEdge((edge, a, source, target) => {
    if (hiddenEdgeTypes.has(a.relType) || hiddenSources.has(a.evidence.sourceDoc)) return;
    if (a.status === "suggested" && !filters.showSuggestions) return;
    if (!nodes.has(source) || !nodes.has(target)) return;
    if (!dated(a.date)) return;
    if (summarised.size > 0 && folded(source, target)) {
      summed.add(edge);
      return;
    }
    edges.add(edge);
    linked.add(source).add(target);
  });
  if (filters.hideUndated || filters.hideUnlinked) {
    for (const node of nodes) {
      if (linked.has(node)) continue;
      if (filters.hideUnlinked || monthBounds(graph.getNodeAttribute(node, "date")) === null) nodes.delete(node);
    }
  }
  return { nodes, edges, summed };
}

type Counts = Map<string, { shown: number; total: number }>;

function tally(counts: Counts, key: string, shown: boolean): void {
  const entry = counts.get(key) ?? { shown: 0, total: 0 };
  entry.total += 1;
  if (shown) entry.shown += 1;
  counts.set(key, entry);
}

/** Counts of visible elements per node type, for the legend. */
export function countByNodeType(graph: DisplayGraph, nodes: Set<string>): Counts {
  const counts: Counts = new Map();
  graph.forEachNode((node, a) => tally(counts, a.nodeType, nodes.has(node)));
  return counts;
}

/** Counts of visible edges per relation type. */
export function countByEdgeType(graph: DisplayGraph, edges: Set<string>): Counts {
  const counts: Counts = new Map();
  graph.forEachEdge((edge, a) => tally(counts, a.relType, edges.has(edge)));
  return counts;
}

/** Counts of visible edges (claims) per source document. */
export function countBySource(graph: DisplayGraph, edges: Set<string>): Counts {
  const counts: Counts = new Map();
  graph.forEachEdge((edge, a) => tally(counts, a.evidence.sourceDoc, edges.has(edge)));
  return counts;
}
