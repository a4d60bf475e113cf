// A new graph holding only the chosen nodes and edges of another, attributes copied.
import { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, RightsGraph } from "../schema/types";

/**
 * A fresh graph with the given nodes and edges of `graph`, in `graph`'s order, with shallow copies of their
 * attributes (the copy's attribute objects are its own; nested lists are shared and must be treated as read-only).
 * Edges whose ends are not kept are dropped.
 */
export function copyGraphElements(
  graph: RightsGraph,
  keepNode: (id: string) => boolean,
  keepEdge: (id: string) => boolean,
): RightsGraph {
  const copy: RightsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  copy.replaceAttributes({ ...graph.getAttributes() });
  graph.forEachNode((id, attributes) => {
    if (keepNode(id)) copy.addNode(id, { ...attributes });
  });
  graph.forEachEdge((id, attributes, source, target) => {
    if (keepEdge(id) && copy.hasNode(source) && copy.hasNode(target))
      copy.addEdgeWithKey(id, source, target, { ...attributes });
  });
  return copy;
}
