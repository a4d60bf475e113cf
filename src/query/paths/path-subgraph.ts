// The graph made of the paths a path query found, for exporting them.
import type { RightsGraph } from "../../schema/types";
import { copyGraphElements } from "../copy-graph-elements";
import type { PathResult } from "../types";

/** The union of the nodes and edges of the found paths, attributes copied from `graph`; empty when there are none. */
export function pathSubgraph(graph: RightsGraph, result: PathResult): RightsGraph {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  if (result.type === "found") {
    for (const path of result.paths) {
      for (const node of path.nodes) nodes.add(node.id);
      for (const edge of path.edges) edges.add(edge.id);
    }
  }
  return copyGraphElements(
    graph,
    (id) => nodes.has(id),
    (id) => edges.has(id),
  );
}
