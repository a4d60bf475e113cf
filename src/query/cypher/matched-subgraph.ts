// The part of the graph a Cypher query matched, for exporting it: the nodes and edges its returned rows were
// matched on (the answer's highlight lists), as tests over the whole graph or as a copy.
import type { RightsGraph } from "../../schema/types";
import { copyGraphElements } from "../copy-graph-elements";
import type { ViewTests } from "../subgraph";
import type { CypherResult } from "./run-cypher";

/**
 * Which nodes and edges a query matched, as the view tests an export takes: an edge is kept when its id is listed
 * (its ends always are, since a matched relationship binds both).
 */
export function matchedTests(result: Pick<CypherResult, "nodes" | "edges">): ViewTests {
  const nodes = new Set(result.nodes);
  const edges = new Set(result.edges);
  return { node: (id) => nodes.has(id), edge: (id) => edges.has(id) };
}

/** A copy of the nodes and edges a query matched, attributes copied from `graph`, in `graph`'s order. */
export function matchedSubgraph(graph: RightsGraph, result: Pick<CypherResult, "nodes" | "edges">): RightsGraph {
  const tests = matchedTests(result);
  return copyGraphElements(
    graph,
    (id) => tests.node(id, graph.getNodeAttributes(id)),
    (id) => tests.edge(id, graph.getEdgeAttributes(id)),
  );
}
