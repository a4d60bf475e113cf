// Turns GET /api/graph into the graph the canvas draws: types renamed away from sigma's, size by degree, parallel
// edges curved.
import { DEFAULT_EDGE_CURVATURE, indexParallelEdgesIndex } from "@sigma/edge-curve";
import { MultiDirectedGraph } from "graphology";
import type { GraphResponse, SchemaResponse } from "../api/index.js";
import type { DisplayEdgeAttributes, DisplayGraph, DisplayNodeAttributes } from "./types.js";

export const FALLBACK_NODE_COLOR = "#6b7280";
export const FALLBACK_EDGE_COLOR = "#9ca3af";

/** Node size from degree: hubs stand out, leaves stay visible. */
export function sizeForDegree(degree: number): number {
  return Math.round((4 + 2.4 * Math.sqrt(degree)) * 10) / 10;
}

/** Curvature for the index-th of several parallel edges (after sigma's parallel-edges example). */
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

/** Build the display graph. Edges whose ends are missing are skipped rather than breaking the page. */
export function buildGraph(data: GraphResponse, schema: SchemaResponse): DisplayGraph {
  const nodeColors = new Map(schema.nodeTypes.map((t) => [t.name, t.color]));
  const edgeColors = new Map(schema.edgeTypes.map((t) => [t.name, t.color]));
  const graph: DisplayGraph = new MultiDirectedGraph<DisplayNodeAttributes, DisplayEdgeAttributes>();
  for (const { key, attributes: a } of data.nodes) {
    if (graph.hasNode(key)) continue;
    const node: DisplayNodeAttributes = {
      label: String(a.label ?? key),
      nodeType: String(a.type ?? ""),
      aliases: Array.isArray(a.aliases) ? a.aliases.map(String) : [],
      description: String(a.description ?? ""),
      x: Number(a.x) || 0,
      y: Number(a.y) || 0,
      size: 4,
      color: nodeColors.get(String(a.type)) ?? a.color ?? FALLBACK_NODE_COLOR,
      degree: 0,
    };
    if (a.date) node.date = String(a.date);
    graph.addNode(key, node);
  }
  for (const { key, source, target, attributes: a } of data.edges) {
    if (!graph.hasNode(source) || !graph.hasNode(target) || graph.hasEdge(key)) continue;
    const edge: DisplayEdgeAttributes = {
      relType: String(a.type ?? ""),
      label: String(a.label ?? a.type ?? ""),
      color: edgeColors.get(String(a.type)) ?? a.color ?? FALLBACK_EDGE_COLOR,
      size: 1.5,
      type: "straight",
      curvature: 0,
    };
    if (a.date) edge.date = String(a.date);
    graph.addEdgeWithKey(key, source, target, edge);
  }
  graph.forEachNode((node) => {
    const degree = graph.degree(node);
    graph.mergeNodeAttributes(node, { degree, size: sizeForDegree(degree) });
  });
  // The index attributes are written onto the edges; read them into curvature, then drop them.
  indexParallelEdgesIndex(graph as never, {
    edgeIndexAttribute: "parallelIndex",
    edgeMinIndexAttribute: "parallelMinIndex",
    edgeMaxIndexAttribute: "parallelMaxIndex",
  });
  graph.forEachEdge((edge, attributes) => {
    const { parallelIndex, parallelMaxIndex } = attributes as DisplayEdgeAttributes & ParallelIndex;
    const curved = typeof parallelIndex === "number" && typeof parallelMaxIndex === "number" && parallelIndex !== 0;
    const own = attributes as unknown as Record<string, unknown>;
    delete own.parallelIndex;
    delete own.parallelMinIndex;
    delete own.parallelMaxIndex;
    graph.mergeEdgeAttributes(edge, {
      type: curved ? "curved" : "straight",
      curvature: curved ? curvatureFor(parallelIndex, parallelMaxIndex) : 0,
    });
  });
  return graph;
}
