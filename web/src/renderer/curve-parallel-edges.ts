// Parallel edges (several claims between the same two nodes, either direction) drawn as curves fanned apart, with
// @sigma/edge-curve's index of parallel edges, as in sigma's parallel-edges example; a single edge is drawn straight,
// solid, dashed or dotted by its family (line-styles.ts).
import { DEFAULT_EDGE_CURVATURE, indexParallelEdgesIndex } from "@sigma/edge-curve";
import type { DisplayEdgeAttributes, DisplayGraph } from "../graph/index.js";
import { lineStyleOf } from "./line-styles.js";

/** The program of a straight edge of this family: a solid line is sigma's "straight", the others are ours. */
function straightProgram(family: string): DisplayEdgeAttributes["type"] {
  const style = lineStyleOf(family);
  return style === "solid" ? "straight" : style;
}

/** Curvature for the index-th of maxIndex parallel edges: wider bundles fan out more, up to a bound. */
export function curvatureFor(index: number, maxIndex: number): number {
  if (maxIndex <= 0) return 0;
  if (index < 0) return -curvatureFor(-index, maxIndex);
  const amplitude = 3.5;
  const maxCurvature = amplitude * (1 - Math.exp(-maxIndex / amplitude)) * DEFAULT_EDGE_CURVATURE;
  return (maxCurvature * index) / maxIndex;
}

interface ParallelIndex {
  parallelIndex?: number | null;
  parallelMinIndex?: number | null;
  parallelMaxIndex?: number | null;
}

/** Set `type` (the edge program) and `curvature` on every edge; the temporary index attributes are removed. */
export function curveParallelEdges(graph: DisplayGraph): void {
  indexParallelEdgesIndex(graph as never, {
    edgeIndexAttribute: "parallelIndex",
    edgeMinIndexAttribute: "parallelMinIndex",
    edgeMaxIndexAttribute: "parallelMaxIndex",
  });
  graph.forEachEdge((edge, attributes) => {
    const { parallelIndex, parallelMinIndex, parallelMaxIndex } = attributes as DisplayEdgeAttributes & ParallelIndex;
    const own = attributes as unknown as Record<string, unknown>;
    delete own.parallelIndex;
    delete own.parallelMinIndex;
    delete own.parallelMaxIndex;
    if (typeof parallelIndex !== "number" || typeof parallelMaxIndex !== "number") {
      graph.mergeEdgeAttributes(edge, { type: straightProgram(attributes.family), curvature: 0 });
      return;
    }
    // Bundles in both directions (a min index is set) keep one straight edge in the middle.
    const curved = typeof parallelMinIndex === "number" ? parallelIndex !== 0 : true;
    graph.mergeEdgeAttributes(edge, {
      type: curved ? "curved" : straightProgram(attributes.family),
      curvature: curved ? curvatureFor(parallelIndex, parallelMaxIndex) : 0,
    });
  });
}
