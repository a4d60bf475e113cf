// One value of a Cypher answer as the CLI's table and CSV show it: nodes by label and id, relationships and paths
// as the arrows they were matched on, lists of plain values as JSON.
import type { EdgeObject, NodeObject, PathEdgeObject, PathObject } from "../query";

function isPath(value: object): value is PathObject {
  return "length" in value && "nodes" in value && "edges" in value;
}

function isEdge(value: object): value is EdgeObject {
  return "evidence" in value && "source" in value && "target" in value;
}

function isNode(value: object): value is NodeObject {
  return "id" in value && "label" in value && "type" in value;
}

function isPlain(value: unknown): boolean {
  return value === null || typeof value !== "object";
}

/**
 * The text of one answer value: null as "null", strings as they are, lists of plain values as JSON, a node as
 * `Label (id)`, a relationship as `Source -[type]-> Target` (`labelOf` names its ends), a path as its walk.
 */
export function cypherCellText(value: unknown, labelOf: (id: string) => string): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return value;
  if (typeof value !== "object") return String(value);
  if (Array.isArray(value)) {
    if (value.every(isPlain)) return JSON.stringify(value);
    return `[${value.map((item) => cypherCellText(item, labelOf)).join(", ")}]`;
  }
  if (isPath(value)) {
    let text = value.nodes[0]?.label ?? "";
    value.edges.forEach((edge: PathEdgeObject, i) => {
      const next = value.nodes[i + 1]?.label ?? "";
      text += edge.direction === "forward" ? ` -[${edge.type}]-> ${next}` : ` <-[${edge.type}]- ${next}`;
    });
    return text;
  }
  if (isEdge(value)) return `${labelOf(value.source)} -[${value.type}]-> ${labelOf(value.target)}`;
  if (isNode(value)) return `${value.label} (${value.id})`;
  return JSON.stringify(value);
}
