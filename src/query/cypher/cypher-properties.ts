// The Cypher view of a node's and an edge's attributes: which properties they have and under which names. Written
// once, for the engine and for exports that must agree with it (an AGE or Neo4j load queried with the same text).
import type { EdgeAttributes, NodeAttributes, PropValue } from "../../schema/types";

/** Properties every node may have, before its type-specific ones; a type-specific one never replaces these. */
export const NODE_CORE_PROPERTIES: readonly string[] = [
  "id",
  "label",
  "short_label",
  "aliases",
  "description",
  "date",
  "sources",
  "outside_knowledge",
];

/** Properties every relationship may have: its attributes and its evidence, before its type-specific ones. */
export const RELATIONSHIP_CORE_PROPERTIES: readonly string[] = [
  "id",
  "label",
  "sentence",
  "claim",
  "date",
  "quote",
  "footnotes",
  "source_doc",
  "outside_knowledge",
];

const NODE_CORE = new Set(NODE_CORE_PROPERTIES);
const RELATIONSHIP_CORE = new Set(RELATIONSHIP_CORE_PROPERTIES);

/** One property of a node, or undefined when it has none of that name. */
export function nodeProperty(id: string, attributes: NodeAttributes, key: string): PropValue | undefined {
  switch (key) {
    case "id":
      return id;
    case "label":
      return attributes.label;
    case "short_label":
      return attributes.shortLabel ?? attributes.label;
    case "aliases":
      return attributes.aliases;
    case "description":
      return attributes.description;
    case "date":
      return attributes.date;
    case "sources":
      return attributes.sources;
    case "outside_knowledge":
      return attributes.outsideKnowledge;
    default:
      return Object.hasOwn(attributes.props, key) ? attributes.props[key] : undefined;
  }
}

/** One property of a relationship, or undefined when it has none of that name. */
export function relationshipProperty(id: string, attributes: EdgeAttributes, key: string): PropValue | undefined {
  switch (key) {
    case "id":
      return id;
    case "label":
      return attributes.label;
    case "sentence":
      return attributes.sentence;
    case "claim":
      return attributes.claim;
    case "date":
      return attributes.date;
    case "quote":
      return attributes.evidence.quote;
    case "footnotes":
      return attributes.evidence.footnotes;
    case "source_doc":
      return attributes.evidence.sourceDoc;
    case "outside_knowledge":
      return attributes.outsideKnowledge;
    default:
      return Object.hasOwn(attributes.props, key) ? attributes.props[key] : undefined;
  }
}

function collect(
  core: readonly string[],
  coreSet: ReadonlySet<string>,
  props: Record<string, PropValue>,
  read: (key: string) => PropValue | undefined,
): Record<string, PropValue> {
  const out: Record<string, PropValue> = {};
  for (const key of core) {
    const value = read(key);
    if (value !== undefined) out[key] = Array.isArray(value) ? [...value] : value;
  }
  for (const [key, value] of Object.entries(props)) {
    if (!coreSet.has(key)) out[key] = Array.isArray(value) ? [...value] : value;
  }
  return out;
}

/** Every property of a node, core ones first: what a graph database loaded from RightsGraph holds on the node. */
export function nodeProperties(id: string, attributes: NodeAttributes): Record<string, PropValue> {
  return collect(NODE_CORE_PROPERTIES, NODE_CORE, attributes.props, (key) => nodeProperty(id, attributes, key));
}

/** Every property of a relationship, core ones first. */
export function relationshipProperties(id: string, attributes: EdgeAttributes): Record<string, PropValue> {
  return collect(RELATIONSHIP_CORE_PROPERTIES, RELATIONSHIP_CORE, attributes.props, (key) =>
    relationshipProperty(id, attributes, key),
  );
}
