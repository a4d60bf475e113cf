// Apache AGE's view of a RightsGraph: its label names, the vertices and edges of each label with their properties as
// the Cypher engine maps them, and each vertex's number within its label. The AGE file export and `load-age` both
// read it, so a query gives the same rows in AGE, loaded either way, as in our engine.
import { ParameterError, RightsGraphError } from "../errors";
import { nodeProperties, relationshipProperties } from "../query";
import type { PropValue, RightsGraph } from "../schema/types";

/** The graph name AGE gets unless told otherwise. */
export const DEFAULT_AGE_GRAPH = "rightsgraph";

/** What AGE takes as a graph name: an identifier of 3 to 63 characters (it refuses shorter ones). */
const AGE_GRAPH_NAME = /^[A-Za-z_][A-Za-z0-9_]{2,62}$/;

/** Checks a graph name given by a user, naming the rule it breaks. */
export function checkAgeGraphName(name: string): string {
  if (!AGE_GRAPH_NAME.test(name))
    throw new ParameterError(
      "graph",
      `graph name ${JSON.stringify(name.slice(0, 80))} must be 3 to 63 letters, digits or "_", not starting with a digit`,
    );
  return name;
}

/** AGE's form of a node or edge type: its names cannot hold "-", so `addressed-to` becomes `addressed_to`. */
export function ageName(type: string): string {
  return type.replaceAll("-", "_");
}

/** One label's vertices: their property columns (the union over them, core ones first) and their rows. */
export interface AgeVertexLabel {
  label: string;
  columns: string[];
  /** Each vertex's properties; a vertex's number in its label is its index here plus one. */
  vertices: { id: string; properties: Record<string, PropValue> }[];
}

export interface AgeEdgeLabel {
  label: string;
  columns: string[];
  edges: {
    /** Our ids of the edge's ends. */
    source: string;
    target: string;
    start: { label: string; number: number };
    end: { label: string; number: number };
    properties: Record<string, PropValue>;
  }[];
}

export interface AgeBundle {
  vertexLabels: AgeVertexLabel[];
  edgeLabels: AgeEdgeLabel[];
}

function union(rows: readonly Record<string, PropValue>[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) columns.add(key);
  return [...columns];
}

/** Refuses two types that AGE would name alike (`a-b` and `a_b`): their elements would merge into one label. */
function checkDistinct(types: Iterable<string>, kind: string): void {
  const seen = new Map<string, string>();
  for (const type of types) {
    const name = ageName(type);
    const other = seen.get(name);
    if (other !== undefined && other !== type)
      throw new RightsGraphError(
        "cannot-export",
        `age: ${kind} types "${other}" and "${type}" are both "${name}" in AGE`,
      );
    seen.set(name, type);
  }
}

/**
 * The graph as AGE's labels: vertices numbered from 1 in each label in the graph's order (the numbers AGE gives
 * rows loaded without an id column), edges referring to their ends by label and number.
 */
export function ageBundle(graph: RightsGraph): AgeBundle {
  const byType = new Map<string, AgeVertexLabel["vertices"]>();
  const numberOf = new Map<string, { label: string; number: number }>();
  graph.forEachNode((id, attributes) => {
    let vertices = byType.get(attributes.type);
    if (vertices === undefined) byType.set(attributes.type, (vertices = []));
    vertices.push({ id, properties: nodeProperties(id, attributes) });
    numberOf.set(id, { label: ageName(attributes.type), number: vertices.length });
  });
  const edgesByType = new Map<string, AgeEdgeLabel["edges"]>();
  graph.forEachEdge((edge, attributes, source, target) => {
    let edges = edgesByType.get(attributes.type);
    if (edges === undefined) edgesByType.set(attributes.type, (edges = []));
    edges.push({
      source,
      target,
      start: numberOf.get(source)!,
      end: numberOf.get(target)!,
      properties: relationshipProperties(edge, attributes),
    });
  });
  checkDistinct(byType.keys(), "node");
  checkDistinct(edgesByType.keys(), "edge");
  // AGE keeps vertex and edge labels in one namespace per graph.
  for (const type of edgesByType.keys())
    if ([...byType.keys()].some((nodeType) => ageName(nodeType) === ageName(type)))
      throw new RightsGraphError("cannot-export", `age: "${ageName(type)}" would be both a vertex and an edge label`);
  return {
    vertexLabels: [...byType].map(([type, vertices]) => ({
      label: ageName(type),
      columns: union(vertices.map((v) => v.properties)),
      vertices,
    })),
    edgeLabels: [...edgesByType].map(([type, edges]) => ({
      label: ageName(type),
      columns: union(edges.map((e) => e.properties)),
      edges,
    })),
  };
}
