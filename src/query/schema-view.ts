// The schema as the API shows it: every node and edge type with its reading, attributes, colour and count.
import type { AttributeInfo, SchemaResponse } from "../api/contract";
import type { AttributeSpec, Dataset } from "../schema/types";

/** The colour of each type, and the family an edge type's colour stands for; the layout's palette in the server (the
 * query layer knows no colours). */
export interface TypeColors {
  node(type: string): string;
  edge(type: string): string;
  edgeFamily(type: string): { name: string; label: string };
}

function attributeInfo(attributes: Map<string, AttributeSpec>): AttributeInfo[] {
  return [...attributes.values()].map((a) => ({
    name: a.name,
    kind: a.kind,
    required: a.required,
    description: a.description,
  }));
}

/**
 * `GET /api/schema`'s answer: every type of the dataset's schema, in schema order, with its colour and how many
 * elements of it the graph holds.
 */
export function schemaView({ graph, schema }: Pick<Dataset, "graph" | "schema">, colors: TypeColors): SchemaResponse {
  const nodeCounts = new Map<string, number>();
  const edgeCounts = new Map<string, number>();
  graph.forEachNode((_, a) => nodeCounts.set(a.type, (nodeCounts.get(a.type) ?? 0) + 1));
  graph.forEachEdge((_, a) => edgeCounts.set(a.type, (edgeCounts.get(a.type) ?? 0) + 1));
  return {
    nodeTypes: [...schema.nodeTypes.values()].map((t) => ({
      name: t.name,
      label: t.label,
      plural: t.plural,
      idPrefix: t.idPrefix,
      description: t.description,
      color: colors.node(t.name),
      count: nodeCounts.get(t.name) ?? 0,
      attributes: attributeInfo(t.attributes),
    })),
    edgeTypes: [...schema.edgeTypes.values()].map((t) => ({
      name: t.name,
      label: t.label,
      reading: t.reading,
      ...(t.negatedReading !== undefined ? { negatedReading: t.negatedReading } : {}),
      description: t.description,
      source: t.sourceTypes,
      target: t.targetTypes,
      provenance: t.provenance,
      weak: t.weak,
      color: colors.edge(t.name),
      family: colors.edgeFamily(t.name).name,
      familyLabel: colors.edgeFamily(t.name).label,
      count: edgeCounts.get(t.name) ?? 0,
      attributes: attributeInfo(t.attributes),
    })),
  };
}
