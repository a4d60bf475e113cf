// Turns the values of answer rows into JSON: nodes as the API's node objects, relationships with their evidence,
// paths as the API's path objects.
import { toEdgeObject } from "../to-edge-object";
import { toNodeObject } from "../to-node-object";
import { LIST_SOURCES, type PathEdgeObject, type PathObject } from "../types";
import type { CypherGraph } from "./cypher-graph";
import { NodeRef, PathValue, RelRef, type CypherValue } from "./cypher-values";

/** The JSON form of one value of an answer row. */
export function toCypherJson(value: CypherValue, graph: CypherGraph): unknown {
  const { index } = graph;
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => toCypherJson(item, graph));
  if (value instanceof NodeRef) return toNodeObject(graph.graph, index.nodeIds[value.v]!, LIST_SOURCES);
  if (value instanceof RelRef) return toEdgeObject(graph.graph, index.edgeIds[value.e]!);
  return pathObject(value, graph);
}

function pathObject(path: PathValue, graph: CypherGraph): PathObject {
  const { index } = graph;
  return {
    length: path.rels.length,
    nodes: path.nodes.map((v) => toNodeObject(graph.graph, index.nodeIds[v]!, LIST_SOURCES)),
    edges: path.rels.map((e, i): PathEdgeObject => ({
      ...toEdgeObject(graph.graph, index.edgeIds[e]!),
      direction: index.edgeSource[e] === path.nodes[i] ? "forward" : "backward",
    })),
  };
}
