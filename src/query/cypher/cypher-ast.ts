// The typed syntax tree of the supported openCypher subset: what `parseCypher` returns and the planner reads.
import type { TextPosition } from "./cypher-errors";

/** A name as written (variable, label, relationship type, property key, alias), with where it stands. */
export interface Name {
  name: string;
  position: TextPosition;
}

/** A literal value: a string, a number, a boolean or null. Integers and floats are both JavaScript numbers. */
export type LiteralValue = string | number | boolean | null;

export type Expression =
  | { kind: "literal"; value: LiteralValue; position: TextPosition }
  | { kind: "parameter"; name: string; position: TextPosition }
  | { kind: "variable"; name: string; position: TextPosition }
  | { kind: "property"; subject: Expression; key: Name; position: TextPosition }
  | { kind: "list"; items: Expression[]; position: TextPosition }
  | { kind: "not"; operand: Expression; position: TextPosition }
  | { kind: "and" | "or" | "xor"; left: Expression; right: Expression; position: TextPosition }
  /** `a < b <= c` is `a < b AND b <= c`, with `b` evaluated once. */
  | { kind: "comparison"; operands: Expression[]; operators: ComparisonOperator[]; position: TextPosition }
  | { kind: "string-match"; operator: StringOperator; left: Expression; right: Expression; position: TextPosition }
  | { kind: "in"; element: Expression; list: Expression; position: TextPosition }
  | { kind: "is-null"; operand: Expression; negated: boolean; position: TextPosition }
  | { kind: "has-labels"; subject: Expression; labels: Name[]; position: TextPosition }
  | { kind: "call"; name: string; distinct: boolean; args: Expression[]; position: TextPosition }
  | { kind: "count-star"; position: TextPosition };

export type ComparisonOperator = "=" | "<>" | "<" | "<=" | ">" | ">=";
export type StringOperator = "STARTS WITH" | "ENDS WITH" | "CONTAINS";

/** `{key: value, ...}` in a node or relationship pattern. */
export interface PropertyEntry {
  key: Name;
  value: Expression;
}

export interface NodePattern {
  variable?: Name;
  labels: Name[];
  properties: PropertyEntry[];
  position: TextPosition;
}

/** Written direction: "right" is `-[]->`, "left" is `<-[]-`, "both" is `-[]-` (or `<-[]->`). */
export type RelationshipDirection = "right" | "left" | "both";

export interface RelationshipPattern {
  variable?: Name;
  /** Alternatives (`:a|b`); empty means any type. */
  types: Name[];
  direction: RelationshipDirection;
  /** Present for variable length (`*`, `*2`, `*1..3`, `*..3`); `max` null when unbounded as written. */
  length?: { min: number; max: number | null };
  properties: PropertyEntry[];
  position: TextPosition;
}

/** `p = (a)-[r]->(b)-...`: relationships[i] joins nodes[i] and nodes[i + 1]. */
export interface PatternPart {
  pathVariable?: Name;
  nodes: NodePattern[];
  relationships: RelationshipPattern[];
  position: TextPosition;
}

export interface MatchClause {
  kind: "match";
  optional: boolean;
  patterns: PatternPart[];
  where?: Expression;
  position: TextPosition;
}

export interface ProjectionItem {
  expression: Expression;
  alias?: Name;
  /** The expression as written: the column name when there is no alias. */
  text: string;
  position: TextPosition;
}

export interface SortItem {
  expression: Expression;
  descending: boolean;
}

export interface Projection {
  distinct: boolean;
  /** `RETURN *` / `WITH *`: every named variable in scope, then `items`. */
  star: boolean;
  items: ProjectionItem[];
  orderBy: SortItem[];
  skip?: Expression;
  limit?: Expression;
}

export interface WithClause extends Projection {
  kind: "with";
  where?: Expression;
  position: TextPosition;
}

export interface ReturnClause extends Projection {
  kind: "return";
  position: TextPosition;
}

export type Clause = MatchClause | WithClause | ReturnClause;

/** A parsed query: reading clauses and WITHs, ending with one RETURN. */
export interface CypherQuery {
  text: string;
  clauses: Clause[];
}
