// Attributes of the graph the canvas draws: the API's data plus display values derived once on load.
import type { MultiDirectedGraph } from "graphology";

export interface DisplayNodeAttributes {
  label: string;
  /** The schema's node type ("state"). Sigma reserves `type` for its node programs. */
  nodeType: string;
  aliases: string[];
  description: string;
  date?: string;
  x: number;
  y: number;
  size: number;
  color: string;
  degree: number;
}

export interface DisplayEdgeAttributes {
  /** The schema's relation type ("declined"). Sigma reserves `type` for its edge programs. */
  relType: string;
  label: string;
  date?: string;
  color: string;
  size: number;
  /** Sigma edge program: "straight" or "curved" (parallel edges). */
  type: "straight" | "curved";
  curvature: number;
}

export type DisplayGraph = MultiDirectedGraph<DisplayNodeAttributes, DisplayEdgeAttributes>;
