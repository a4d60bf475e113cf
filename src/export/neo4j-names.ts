// Neo4j's naming conventions for the CSV export: node labels in PascalCase, relationship types in UPPER_SNAKE.

function words(type: string): string[] {
  return type.split(/[^A-Za-z0-9]+/).filter((word) => word.length > 0);
}

/** The Neo4j label of a node type: `un-body` becomes `UnBody`; a type without letters or digits becomes `Node`. */
export function neo4jLabel(type: string): string {
  const label = words(type)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join("");
  return label || "Node";
}

/** The Neo4j relationship type of an edge type: `addressed-to` becomes `ADDRESSED_TO`; empty ones `RELATED`. */
export function neo4jRelationshipType(type: string): string {
  return (
    words(type)
      .map((word) => word.toUpperCase())
      .join("_") || "RELATED"
  );
}
