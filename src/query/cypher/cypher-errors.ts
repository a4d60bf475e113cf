// The Cypher engine's typed errors: a query that does not parse, one outside the supported subset, and a value of
// the wrong type met while running. Each carries a stable code; only the server's error handler knows HTTP statuses.
import { RightsGraphError } from "../../errors";

/** Where in the query text something is: 1-based line and column, 0-based offset. */
export interface TextPosition {
  offset: number;
  line: number;
  column: number;
}

function at(position: TextPosition): string {
  return `line ${position.line}, column ${position.column}`;
}

/**
 * The query does not parse, or names something that cannot be resolved (an undefined variable, a label the graph
 * does not have). `expected` lists what would have been accepted at that point, when the parser knows.
 */
export class CypherSyntaxError extends RightsGraphError {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  readonly expected: string[];
  constructor(message: string, position: TextPosition, expected: string[] = []) {
    super("cypher-syntax", `cypher: ${message} (${at(position)})`);
    this.line = position.line;
    this.column = position.column;
    this.offset = position.offset;
    this.expected = expected;
  }
}

/** The query uses a construct outside the read-only subset (CREATE, CALL, UNWIND, arithmetic...); `construct` names it. */
export class CypherUnsupportedError extends RightsGraphError {
  readonly construct: string;
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  constructor(construct: string, position: TextPosition, hint = "") {
    super(
      "cypher-unsupported",
      `cypher: ${construct} is not supported (${at(position)}); RightsGraph runs a read-only subset of openCypher: ` +
        `MATCH, OPTIONAL MATCH, WHERE, WITH, RETURN, ORDER BY, SKIP, LIMIT${hint ? `. ${hint}` : ""}`,
    );
    this.construct = construct;
    this.line = position.line;
    this.column = position.column;
    this.offset = position.offset;
  }
}

/** A value of the wrong type met while running (a property of a string, NOT of a number, IN over a non-list). */
export class CypherTypeError extends RightsGraphError {
  constructor(message: string) {
    super("cypher-type", `cypher: ${message}`);
  }
}
