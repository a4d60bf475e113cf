// Path options compiled to per-query masks over the adjacency index's type codes.
import type { AdjacencyIndex, AdjacencyView } from "../adjacency-index";
import type { PathOptions } from "./path-options";

/**
 * What one path query may use, as typed-array masks: one look-up per edge entry and per node. `passable` says
 * whether a node other than the two ends may be passed through.
 */
export interface PathFilter {
  /** 1 for usable edge type codes. */
  edgeAllowed: Uint8Array;
  /** 1 for node classes (see AdjacencyIndex.nodeClass) that may be passed through. */
  nodeAllowed: Uint8Array;
  /** False when every edge type is usable: the edge check can be skipped. */
  checkEdges: boolean;
  /** False when every node may be passed through: the node check can be skipped. */
  checkNodes: boolean;
  /** 1 for the nodes a query avoids (by integer id), or null when it avoids none; the ends are never avoided. */
  avoided: Uint8Array | null;
  /** The view walked away from the start, and the view walked back from the end. */
  fromView: AdjacencyView;
  toView: AdjacencyView;
}

/** Compiles resolved path options, and the nodes to avoid (integer ids), into masks over the index's codes. */
export function compilePathFilter(
  index: AdjacencyIndex,
  options: Pick<PathOptions, "direction" | "edgeTypes" | "excludeEdgeTypes" | "excludeNodeTypes" | "includeProvenance">,
  avoid: readonly number[] = [],
): PathFilter {
  const edgeTypeCount = index.edgeTypeNames.length;
  const edgeAllowed = new Uint8Array(edgeTypeCount);
  const only = options.edgeTypes === undefined ? null : new Set(options.edgeTypes);
  const excludedEdges = new Set(options.excludeEdgeTypes);
  let checkEdges = false;
  for (let code = 0; code < edgeTypeCount; code++) {
    const name = index.edgeTypeNames[code]!;
    const allowed =
      (only === null || only.has(name)) &&
      !excludedEdges.has(name) &&
      (options.includeProvenance || index.provenanceEdgeType[code] === 0);
    edgeAllowed[code] = allowed ? 1 : 0;
    if (!allowed) checkEdges = true;
  }
  const nodeTypeCount = index.nodeTypeNames.length;
  const nodeAllowed = new Uint8Array(nodeTypeCount * 2);
  const excludedNodes = new Set(options.excludeNodeTypes);
  let checkNodes = false;
  for (let code = 0; code < nodeTypeCount; code++) {
    const typeAllowed = !excludedNodes.has(index.nodeTypeNames[code]!);
    nodeAllowed[code * 2] = typeAllowed ? 1 : 0;
    nodeAllowed[code * 2 + 1] = typeAllowed && options.includeProvenance ? 1 : 0;
    if (!typeAllowed || !options.includeProvenance) checkNodes = true;
  }
  let avoided: Uint8Array | null = null;
  if (avoid.length > 0) {
    avoided = new Uint8Array(index.nodeCount);
    for (const v of avoid) avoided[v] = 1;
    checkNodes = true;
  }
  const forward = options.direction === "forward";
  return {
    edgeAllowed,
    nodeAllowed,
    checkEdges,
    checkNodes,
    avoided,
    fromView: forward ? index.out : index.both,
    toView: forward ? index.in : index.both,
  };
}

/** Whether `v` (not one of the ends) may be passed through: its type and source flag allowed, and not avoided. */
export function passable(filter: PathFilter, nodeClass: Uint16Array, v: number): boolean {
  return filter.nodeAllowed[nodeClass[v]!] === 1 && (filter.avoided === null || filter.avoided[v] === 0);
}
