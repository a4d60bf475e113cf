// Builds a Schema object from a compact description, so tests can declare just the types and attributes they need.
import type { AttributeKind, AttributeSpec, EdgeTypeSpec, NodeTypeSpec, Schema } from "../../src/schema";
import { parseReading } from "./parse-reading";

/** Attribute name -> kind, in declaration order. */
export type AttributeKinds = Record<string, AttributeKind>;

export interface SchemaDescription {
  nodeTypes: Record<string, AttributeKinds>;
  edgeTypes: Record<string, AttributeKinds>;
}

function attributes(kinds: AttributeKinds): Map<string, AttributeSpec> {
  return new Map(
    Object.entries(kinds).map(([name, kind]) => [
      name,
      { name, kind, required: false, verbatim: false, description: `${name} (test)` },
    ]),
  );
}

/** A Schema with the given node and edge types; every endpoint type is allowed, every attribute optional. */
export function buildSchema(description: SchemaDescription): Schema {
  const nodeTypes = new Map<string, NodeTypeSpec>();
  for (const [name, kinds] of Object.entries(description.nodeTypes)) {
    nodeTypes.set(name, {
      name,
      label: name,
      plural: `${name}s`,
      idPrefix: name,
      description: `${name} (test)`,
      attributes: attributes(kinds),
    });
  }
  const allNodeTypes = [...nodeTypes.keys()];
  const edgeTypes = new Map<string, EdgeTypeSpec>();
  for (const [name, kinds] of Object.entries(description.edgeTypes)) {
    edgeTypes.set(name, {
      name,
      label: name.replace(/-/g, " "),
      reading: `{source} ${name} {target}`,
      template: parseReading(`{source} ${name} {target}`),
      description: `${name} (test)`,
      sourceTypes: allNodeTypes,
      targetTypes: allNodeTypes,
      provenance: name === "cites",
      weak: name === "about",
      attributes: attributes(kinds),
    });
  }
  return { version: 1, nodeTypes, edgeTypes };
}
