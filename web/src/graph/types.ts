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
  /** Part of the bibliography (a cited article, a news outlet, a journalist): folded unless shown (bibliography.ts). */
  bibliography?: boolean;
};

/** An edge as GET /api/graph sends it, but for its type, plus how sigma draws it. */
export type DisplayEdgeAttributes = Omit<GraphViewEdge["attributes"], "type"> & {
  /** The schema's relation type ("declined"). Sigma reserves `type` for its edge programs. */
  relType: string;
  /** The relation type's family in the legend ("provenance"), which decides how its line is drawn. */
  family: string;
  size: number;
  /** Sigma edge program: "straight", "curved" (parallel edges), or a straight line "dashed" or "dotted" by family. */
  type: "straight" | "curved" | "dashed" | "dotted";
  curvature: number;
};

export type DisplayGraph = MultiDirectedGraph<DisplayNodeAttributes, DisplayEdgeAttributes>;
