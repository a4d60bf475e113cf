// Turns GET /api/graph into the graph the canvas draws: types renamed away from sigma's, short names drawn (the full
// name kept for hover), the server's positions and sizes, edges straight until the renderer curves parallel ones,
// the bibliography marked to be folded.
// Pure (no sigma import), so it runs in Node for tests.
import { MultiDirectedGraph } from "graphology";
import type { GraphResponse, SchemaResponse } from "../api/index.js";
import { markBibliography } from "./bibliography.js";
import type { DisplayEdgeAttributes, DisplayGraph, DisplayNodeAttributes } from "./types.js";

export const FALLBACK_NODE_COLOR = "#6b7280";
export const FALLBACK_EDGE_COLOR = "#9ca3af";
/** Drawn for a node whose size is missing from a malformed answer, so it stays visible. */
export const FALLBACK_NODE_SIZE = 4;

/** Build the display graph (all edges straight). Edges whose ends are missing are skipped rather than breaking the page. */
export function buildGraph(data: GraphResponse, schema: SchemaResponse): DisplayGraph {
  const graph: DisplayGraph = new MultiDirectedGraph<DisplayNodeAttributes, DisplayEdgeAttributes>();
  mergeIntoGraph(graph, data, schema);
  return graph;
}

/**
 * Add the nodes and edges of an answer to a display graph: those it has already stay as they are, and an edge goes
 * in once both its ends are there (a scene's answer links its nodes to the ones drawn). `maxSize` caps node sizes;
 * `place` moves nodes from the server's layout (a large corpus draws its groups apart).
 */
export function mergeIntoGraph(
  graph: DisplayGraph,
  data: Pick<GraphResponse, "nodes" | "edges">,
  schema: SchemaResponse,
  maxSize = Infinity,
  place?: (attributes: GraphResponse["nodes"][number]["attributes"]) => { x: number; y: number },
): void {
  const nodeColors = new Map(schema.nodeTypes.map((t) => [t.name, t.color]));
  const edgeColors = new Map(schema.edgeTypes.map((t) => [t.name, t.color]));
  const edgeFamilies = new Map(schema.edgeTypes.map((t) => [t.name, t.family]));
  for (const { key, attributes: a } of data.nodes) {
    if (graph.hasNode(key)) continue;
    const node: DisplayNodeAttributes = {
      label: String(a.shortLabel ?? a.label ?? key),
      fullLabel: String(a.label ?? key),
      nodeType: String(a.type ?? ""),
      aliases: Array.isArray(a.aliases) ? a.aliases.map(String) : [],
      description: String(a.description ?? ""),
      x: Number(a.x) || 0,
      y: Number(a.y) || 0,
      ...place?.(a),
      // The server sizes nodes by degree in the whole graph, as the exports do: one formula, on the server.
      size: Math.min(maxSize, Number(a.size) || FALLBACK_NODE_SIZE),
      color: nodeColors.get(String(a.type)) ?? a.color ?? FALLBACK_NODE_COLOR,
    };
    if (a.date) node.date = String(a.date);
    if (a.kind) node.kind = String(a.kind);
    if (typeof a.community === "number") node.community = a.community;
    if (a.status === "suggested" || a.status === "draft") node.status = a.status;
    graph.addNode(key, node);
  }
  for (const { key, source, target, attributes: a } of data.edges) {
    if (!graph.hasNode(source) || !graph.hasNode(target) || graph.hasEdge(key)) continue;
    const edge: DisplayEdgeAttributes = {
      relType: String(a.type ?? ""),
      family: edgeFamilies.get(String(a.type)) ?? "other",
      label: String(a.label ?? a.type ?? ""),
      // The claim as the server writes it: the hover hint shows it.
      sentence: String(a.sentence ?? ""),
      color: edgeColors.get(String(a.type)) ?? a.color ?? FALLBACK_EDGE_COLOR,
      evidence: a.evidence ?? { quote: "", footnotes: [], sourceDoc: "", start: 0, end: 0 },
      size: 1.5,
      type: "straight",
      curvature: 0,
    };
    if (a.date) edge.date = String(a.date);
    if (a.status === "suggested" || a.status === "draft") edge.status = a.status;
    graph.addEdgeWithKey(key, source, target, edge);
  }
  markBibliography(graph);
}
