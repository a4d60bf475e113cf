// Adds nodes and edges to a typed graph with sensible defaults, so a test spells out only what it is about.
import { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, Evidence, NodeAttributes, RightsGraph } from "../../src/schema";

export type NodeInput = Partial<NodeAttributes> & Pick<NodeAttributes, "type">;
export type EdgeInput = Partial<Omit<EdgeAttributes, "evidence">> &
  Pick<EdgeAttributes, "type"> & { evidence?: Partial<Evidence> };

/** An empty graph of the project's type, named `name`. */
export function emptyGraph(name = "test graph"): RightsGraph {
  const graph: RightsGraph = new MultiDirectedGraph();
  graph.setAttribute("name", name);
  return graph;
}

/** Adds a node; label defaults to its id, lists to empty, description to "". */
export function addNode(graph: RightsGraph, id: string, input: NodeInput): void {
  graph.addNode(id, {
    label: id,
    aliases: [],
    description: "",
    props: {},
    sources: [],
    ...input,
  });
}

/**
 * Adds an edge with the given id; evidence defaults to an empty quote at offset 0 of "doc:source", the sentence to
 * "<source> <type> <target>.", the claim to the edge's own id.
 */
export function addEdge(graph: RightsGraph, id: string, source: string, target: string, input: EdgeInput): void {
  const { evidence, ...rest } = input;
  graph.addEdgeWithKey(id, source, target, {
    label: input.type,
    sentence: `${source} ${input.type} ${target}.`,
    claim: id,
    props: {},
    ...rest,
    evidence: { quote: "", footnotes: [], sourceDoc: "doc:source", start: 0, end: 0, ...evidence },
  });
}
