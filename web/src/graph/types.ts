// Attributes of the graph the canvas draws: the API's data, with the schema's types renamed away from sigma's.
import type { MultiDirectedGraph } from "graphology";
import type { GraphViewEdge, GraphViewNode } from "../api/index.js";

/** A node as GET /api/graph sends it, but for its type and its names. */
export type DisplayNodeAttributes = Omit<GraphViewNode["attributes"], "type" | "label" | "shortLabel"> & {
  /** The short display name ("DPRK"): what the canvas draws and the panels name the node by. */
  label: string;
  /** The full name ("Democratic People's Republic of Korea"), shown on hover. */
  fullLabel: string;
  /** The schema's node type ("state"). Sigma reserves `type` for its node programs. */
  nodeType: string;
};

/** An edge as GET /api/graph sends it, but for its type, plus how sigma draws it. */
export type DisplayEdgeAttributes = Omit<GraphViewEdge["attributes"], "type"> & {
  /** The schema's relation type ("declined"). Sigma reserves `type` for its edge programs. */
  relType: string;
  size: number;
  /** Sigma edge program: "straight" or "curved" (parallel edges). */
  type: "straight" | "curved";
  curvature: number;
};

export type DisplayGraph = MultiDirectedGraph<DisplayNodeAttributes, DisplayEdgeAttributes>;
