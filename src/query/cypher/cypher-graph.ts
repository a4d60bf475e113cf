// What the Cypher engine reads, built once per dataset beside the adjacency index: attributes by integer id, nodes
// by type, edge counts by type for the planner, the names a query may use, and property indexes made on demand.
import type { Dataset, EdgeAttributes, NodeAttributes, RightsGraph, Schema } from "../../schema/types";
import { buildAdjacencyIndex, type AdjacencyIndex } from "../adjacency-index";
import { equivalenceKey, NodeRef, RelRef, type CypherValue } from "./cypher-values";
import { NODE_CORE_PROPERTIES, nodeProperty, RELATIONSHIP_CORE_PROPERTIES } from "./cypher-properties";

export interface CypherGraph {
  graph: RightsGraph;
  schema: Schema;
  index: AdjacencyIndex;
  /** Attributes by integer node id (the adjacency index's order). */
  nodeAttributes: NodeAttributes[];
  /** Attributes by integer edge id. */
  edgeAttributes: EdgeAttributes[];
  /** Integer node ids of each node type code, ascending. */
  nodesOfType: Int32Array[];
  /** How many edges each edge type code has. */
  edgeCountOfType: number[];
  /** Every property key some node may have (core, declared by the schema, or present in the data). */
  nodePropertyKeys: ReadonlySet<string>;
  relationshipPropertyKeys: ReadonlySet<string>;
  /** Nodes by the equivalence key of their value of `key` (built on first use, then kept). */
  propertyIndex(key: string): ReadonlyMap<string, readonly number[]>;
  /** The one value object of node `v` (values are immutable, so every row shares it). */
  nodeRef(v: number): NodeRef;
  relRef(e: number): RelRef;
}

/**
 * Builds the engine's view of a dataset. Pass the query engine's adjacency index to share it; the graph must not
 * change afterwards. O(n + m).
 */
export function createCypherGraph(dataset: Dataset, index: AdjacencyIndex = buildAdjacencyIndex(dataset)): CypherGraph {
  const { graph, schema } = dataset;
  const nodeAttributes = index.nodeIds.map((id) => graph.getNodeAttributes(id));
  const edgeAttributes = index.edgeIds.map((id) => graph.getEdgeAttributes(id));

  const typeCounts = new Int32Array(index.nodeTypeNames.length);
  for (let v = 0; v < index.nodeCount; v++) typeCounts[index.nodeType[v]!]!++;
  const nodesOfType = Array.from(typeCounts, (count) => new Int32Array(count));
  const fill = new Int32Array(index.nodeTypeNames.length);
  for (let v = 0; v < index.nodeCount; v++) {
    const code = index.nodeType[v]!;
    nodesOfType[code]![fill[code]!++] = v;
  }
  const edgeCountOfType = new Array<number>(index.edgeTypeNames.length).fill(0);
  for (let e = 0; e < index.edgeCount; e++) edgeCountOfType[index.edgeType[e]!]!++;

  const nodePropertyKeys = new Set(NODE_CORE_PROPERTIES);
  for (const spec of schema.nodeTypes.values()) for (const name of spec.attributes.keys()) nodePropertyKeys.add(name);
  for (const attributes of nodeAttributes) for (const key in attributes.props) nodePropertyKeys.add(key);
  const relationshipPropertyKeys = new Set(RELATIONSHIP_CORE_PROPERTIES);
  for (const spec of schema.edgeTypes.values())
    for (const name of spec.attributes.keys()) relationshipPropertyKeys.add(name);
  for (const attributes of edgeAttributes) for (const key in attributes.props) relationshipPropertyKeys.add(key);

  const indexes = new Map<string, Map<string, number[]>>();
  const propertyIndex = (key: string): Map<string, number[]> => {
    let found = indexes.get(key);
    if (found === undefined) {
      found = new Map();
      for (let v = 0; v < index.nodeCount; v++) {
        const value = nodeProperty(index.nodeIds[v]!, nodeAttributes[v]!, key);
        if (value === undefined) continue;
        const valueKey = equivalenceKey(value as CypherValue);
        const list = found.get(valueKey);
        if (list) list.push(v);
        else found.set(valueKey, [v]);
      }
      indexes.set(key, found);
    }
    return found;
  };

  // Made on first use: a row holding a node shares its object instead of allocating one per match.
  const nodeRefs = new Array<NodeRef | undefined>(index.nodeCount);
  const relRefs = new Array<RelRef | undefined>(index.edgeCount);

  return {
    graph,
    schema,
    index,
    nodeRef: (v) => (nodeRefs[v] ??= new NodeRef(v)),
    relRef: (e) => (relRefs[e] ??= new RelRef(e)),
    nodeAttributes,
    edgeAttributes,
    nodesOfType,
    edgeCountOfType,
    nodePropertyKeys,
    relationshipPropertyKeys,
    propertyIndex,
  };
}
