// A recursive-descent parser for the read-only openCypher subset: text -> typed syntax tree, or an error that names
// the line, the column and what was expected there, or the unsupported construct met.
import type {
  Clause,
  ComparisonOperator,
  CypherQuery,
  Expression,
  MatchClause,
  Name,
  NodePattern,
  PatternPart,
  Projection,
  ProjectionItem,
  PropertyEntry,
  RelationshipPattern,
  SortItem,
} from "./cypher-ast";
import { CypherSyntaxError, CypherUnsupportedError, type TextPosition } from "./cypher-errors";
import { tokenize, type Token } from "./cypher-lexer";
import { SUPPORTED_FUNCTIONS } from "./functions";

const READ_ONLY = "The graph is read-only here: edit the YAML data instead";

/** Clauses and prefixes outside the subset, each with what to say about it. */
const UNSUPPORTED_CLAUSES: Readonly<Record<string, string>> = {
  CREATE: READ_ONLY,
  MERGE: READ_ONLY,
  SET: READ_ONLY,
  DELETE: READ_ONLY,
  DETACH: READ_ONLY,
  REMOVE: READ_ONLY,
  INSERT: READ_ONLY,
  CALL: "Procedures and subqueries are not available",
  UNWIND: "",
  FOREACH: "",
  LOAD: "",
  USE: "",
  UNION: "",
  EXPLAIN: "Ask for the plan with the explain option instead",
  PROFILE: "",
  SHOW: "",
  START: "",
  FINISH: "",
  TERMINATE: "",
};

const CLAUSE_STARTS = ["MATCH", "OPTIONAL MATCH", "WITH", "RETURN"];

/** Words that end an expression or a pattern where they appear, so never a variable there. */
const RESERVED = new Set([
  "MATCH",
  "OPTIONAL",
  "WHERE",
  "RETURN",
  "WITH",
  "ORDER",
  "BY",
  "SKIP",
  "LIMIT",
  "AS",
  "ASC",
  "ASCENDING",
  "DESC",
  "DESCENDING",
  "DISTINCT",
  "AND",
  "OR",
  "XOR",
  "NOT",
  "IN",
  "IS",
  "NULL",
  "TRUE",
  "FALSE",
  "STARTS",
  "ENDS",
  "CONTAINS",
  "CASE",
  "WHEN",
  "THEN",
  "ELSE",
  "END",
  ...Object.keys(UNSUPPORTED_CLAUSES),
]);

function describe(token: Token): string {
  if (token.kind === "end") return "the end of the query";
  if (token.kind === "string") return `the string ${token.text}`;
  return `"${token.text}"`;
}

class Parser {
  private index = 0;
  private readonly tokens: Token[];

  constructor(private readonly text: string) {
    this.tokens = tokenize(text);
  }

  // --- token helpers --------------------------------------------------------------------------------------------

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== "end") this.index++;
    return token;
  }

  /** Offset just past the last consumed token. */
  private lastEnd(): number {
    return this.index === 0 ? 0 : this.tokens[this.index - 1]!.end;
  }

  private isKeyword(word: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === "name" && token.text.toUpperCase() === word;
  }

  private isSymbol(symbol: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === "symbol" && token.text === symbol;
  }

  private acceptKeyword(word: string): boolean {
    if (!this.isKeyword(word)) return false;
    this.index++;
    return true;
  }

  private acceptSymbol(symbol: string): boolean {
    if (!this.isSymbol(symbol)) return false;
    this.index++;
    return true;
  }

  private fail(expected: string[], token: Token = this.peek()): never {
    const list = expected.length === 1 ? expected[0] : `${expected.slice(0, -1).join(", ")} or ${expected.at(-1)}`;
    throw new CypherSyntaxError(`expected ${list}, got ${describe(token)}`, token.position, expected);
  }

  private expectKeyword(word: string): Token {
    if (!this.isKeyword(word)) this.fail([word]);
    return this.next();
  }

  private expectSymbol(symbol: string, expected: string[] = [`"${symbol}"`]): Token {
    if (!this.isSymbol(symbol)) {
      if (symbol !== "=" && this.isSymbol("!=")) this.unsupportedOperator();
      this.fail(expected);
    }
    return this.next();
  }

  /** A name: a plain identifier or a `quoted` one. Reserved words are accepted only where `allowReserved`. */
  private expectName(what: string, allowReserved = false): Name {
    const token = this.peek();
    if (
      token.kind === "quoted-name" ||
      (token.kind === "name" && (allowReserved || !RESERVED.has(token.text.toUpperCase())))
    ) {
      this.index++;
      return { name: String(token.value), position: token.position };
    }
    return this.fail([what]);
  }

  private isName(ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === "quoted-name" || (token.kind === "name" && !RESERVED.has(token.text.toUpperCase()));
  }

  private unsupportedOperator(): never {
    const token = this.peek();
    if (token.text === "!=") throw new CypherSyntaxError('"!=" is not Cypher; write "<>"', token.position, ["<>"]);
    const what =
      token.text === "=~"
        ? "regular-expression matching (=~)"
        : token.text === "+="
          ? "SET with +="
          : `arithmetic (${token.text})`;
    const hint =
      token.text === "=~"
        ? "Use STARTS WITH, ENDS WITH or CONTAINS"
        : token.text === "+="
          ? ""
          : "Compare values instead";
    throw new CypherUnsupportedError(what, token.position, hint);
  }

  // --- query and clauses ----------------------------------------------------------------------------------------

  parseQuery(): CypherQuery {
    const clauses: Clause[] = [];
    for (;;) {
      const token = this.peek();
      this.rejectUnsupportedClause();
      if (this.isKeyword("MATCH") || this.isKeyword("OPTIONAL")) {
        clauses.push(this.parseMatch());
      } else if (this.isKeyword("WITH")) {
        clauses.push(this.parseWith());
      } else if (this.isKeyword("RETURN")) {
        clauses.push(this.parseReturn());
        break;
      } else if (token.kind === "end" || this.isSymbol(";")) {
        if (clauses.length === 0) throw new CypherSyntaxError("the query is empty", token.position, CLAUSE_STARTS);
        const last = clauses.at(-1)!;
        throw new CypherSyntaxError(
          `a query must end with RETURN, not ${last.kind === "match" ? (last.optional ? "OPTIONAL MATCH" : "MATCH") : "WITH"}`,
          token.position,
          ["RETURN"],
        );
      } else {
        this.fail(clauses.length === 0 ? ["MATCH", "OPTIONAL MATCH", "RETURN"] : CLAUSE_STARTS);
      }
    }
    this.rejectUnsupportedClause();
    this.acceptSymbol(";");
    const end = this.peek();
    if (end.kind !== "end") {
      if (end.kind === "name" && CLAUSE_STARTS.some((c) => c.startsWith(end.text.toUpperCase())))
        throw new CypherSyntaxError(`RETURN must be the last clause; found ${describe(end)} after it`, end.position, [
          "the end of the query",
        ]);
      this.fail(["the end of the query"], end);
    }
    return { text: this.text, clauses };
  }

  private rejectUnsupportedClause(): void {
    const token = this.peek();
    if (token.kind !== "name") return;
    const word = token.text.toUpperCase();
    if (!Object.hasOwn(UNSUPPORTED_CLAUSES, word)) return;
    // "CALL {" is a subquery, "LOAD CSV" a clause of two words, "DETACH DELETE" too: name them as people write them.
    const two = this.peek(1).kind === "name" ? `${word} ${this.peek(1).text.toUpperCase()}` : word;
    const construct =
      word === "CALL" && this.isSymbol("{", 1)
        ? "a CALL { } subquery"
        : two === "LOAD CSV" || two === "DETACH DELETE"
          ? two
          : word === "CALL"
            ? "CALL (procedures)"
            : word;
    throw new CypherUnsupportedError(construct, token.position, UNSUPPORTED_CLAUSES[word]);
  }

  private parseMatch(): MatchClause {
    const position = this.peek().position;
    const optional = this.acceptKeyword("OPTIONAL");
    this.expectKeyword("MATCH");
    const patterns = [this.parsePatternPart()];
    while (this.acceptSymbol(",")) patterns.push(this.parsePatternPart());
    const clause: MatchClause = { kind: "match", optional, patterns, position };
    if (this.acceptKeyword("WHERE")) clause.where = this.parseExpression();
    return clause;
  }

  private parseWith(): Clause {
    const position = this.expectKeyword("WITH").position;
    const projection = this.parseProjection();
    const clause: Clause = { kind: "with", ...projection, position };
    if (this.acceptKeyword("WHERE")) clause.where = this.parseExpression();
    return clause;
  }

  private parseReturn(): Clause {
    const position = this.expectKeyword("RETURN").position;
    return { kind: "return", ...this.parseProjection(), position };
  }

  private parseProjection(): Projection {
    const distinct = this.acceptKeyword("DISTINCT");
    let star = false;
    const items: ProjectionItem[] = [];
    if (this.acceptSymbol("*")) {
      star = true;
      while (this.acceptSymbol(",")) items.push(this.parseProjectionItem());
    } else {
      items.push(this.parseProjectionItem());
      while (this.acceptSymbol(",")) items.push(this.parseProjectionItem());
    }
    const orderBy: SortItem[] = [];
    if (this.acceptKeyword("ORDER")) {
      this.expectKeyword("BY");
      do {
        const expression = this.parseExpression();
        let descending = false;
        if (this.acceptKeyword("DESC") || this.acceptKeyword("DESCENDING")) descending = true;
        else if (!this.acceptKeyword("ASC")) this.acceptKeyword("ASCENDING");
        orderBy.push({ expression, descending });
      } while (this.acceptSymbol(","));
    }
    const projection: Projection = { distinct, star, items, orderBy };
    if (this.acceptKeyword("SKIP")) projection.skip = this.parseExpression();
    if (this.acceptKeyword("LIMIT")) projection.limit = this.parseExpression();
    return projection;
  }

  private parseProjectionItem(): ProjectionItem {
    const start = this.peek();
    const expression = this.parseExpression();
    const text = this.text.slice(start.position.offset, this.lastEnd());
    const item: ProjectionItem = { expression, text, position: start.position };
    if (this.acceptKeyword("AS")) item.alias = this.expectName("a name after AS", true);
    return item;
  }

  // --- patterns ---------------------------------------------------------------------------------------------------

  private parsePatternPart(): PatternPart {
    const position = this.peek().position;
    let pathVariable: Name | undefined;
    if (this.isName() && this.isSymbol("=", 1)) {
      pathVariable = this.expectName("a path variable");
      this.next();
    }
    if (this.peek().kind === "name" && this.isSymbol("(", 1)) {
      const word = this.peek().text;
      const lower = word.toLowerCase();
      if (lower === "shortestpath" || lower === "allshortestpaths")
        throw new CypherUnsupportedError(`${word}()`, this.peek().position, "Use `rightsgraph path` or GET /api/paths");
    }
    if (!this.isSymbol("(")) this.fail(["a node pattern such as (n) or (n:state)"]);
    const nodes = [this.parseNodePattern()];
    const relationships: RelationshipPattern[] = [];
    while (this.isSymbol("-") || (this.isSymbol("<") && this.isSymbol("-", 1))) {
      relationships.push(this.parseRelationshipPattern());
      if (!this.isSymbol("(")) this.fail(["a node pattern after the relationship"]);
      nodes.push(this.parseNodePattern());
    }
    const part: PatternPart = { nodes, relationships, position };
    if (pathVariable) part.pathVariable = pathVariable;
    return part;
  }

  private parseNodePattern(): NodePattern {
    const position = this.expectSymbol("(").position;
    const node: NodePattern = { labels: [], properties: [], position };
    if (this.isName()) node.variable = this.expectName("a variable");
    while (this.acceptSymbol(":")) {
      node.labels.push(this.expectName("a label (a node type, such as state or `un-body`)", true));
      if (this.isSymbol("|"))
        throw new CypherUnsupportedError("label expressions (:a|b)", this.peek().position, "Use WHERE n:a OR n:b");
    }
    if (this.isSymbol("{")) node.properties = this.parsePropertyMap();
    else if (this.peek().kind === "parameter")
      throw new CypherUnsupportedError("a parameter as a property map", this.peek().position, "Write {key: $value}");
    if (this.isKeyword("WHERE"))
      throw new CypherUnsupportedError("WHERE inside a pattern", this.peek().position, "Put the condition after MATCH");
    this.expectSymbol(")", node.labels.length === 0 && !node.variable ? ['")"', "a variable", "a label"] : ['")"']);
    return node;
  }

  private parseRelationshipPattern(): RelationshipPattern {
    const position = this.peek().position;
    const left = this.acceptSymbol("<");
    this.expectSymbol("-");
    const relationship: RelationshipPattern = { types: [], direction: "both", properties: [], position };
    if (this.acceptSymbol("[")) {
      if (this.isName()) relationship.variable = this.expectName("a variable");
      if (this.acceptSymbol(":")) {
        relationship.types.push(this.expectName("a relationship type (an edge type, such as declined)", true));
        while (this.acceptSymbol("|")) {
          this.acceptSymbol(":");
          relationship.types.push(this.expectName("a relationship type", true));
        }
      }
      if (this.acceptSymbol("*")) relationship.length = this.parseRange();
      if (this.isSymbol("{")) relationship.properties = this.parsePropertyMap();
      else if (this.peek().kind === "parameter")
        throw new CypherUnsupportedError("a parameter as a property map", this.peek().position, "Write {key: $value}");
      this.expectSymbol("]", ['"]"', "a relationship type", "a length such as *1..3", "properties"]);
    }
    this.expectSymbol("-", ['"-"', '"->"']);
    const right = this.acceptSymbol(">");
    relationship.direction = left === right ? "both" : left ? "left" : "right";
    return relationship;
  }

  private parseRange(): { min: number; max: number | null } {
    const bound = (): number | null => {
      const token = this.peek();
      if (token.kind === "integer") {
        this.index++;
        return token.value as number;
      }
      if (token.kind === "float") this.fail(["a whole number of hops"]);
      if (token.kind === "parameter")
        throw new CypherUnsupportedError("a parameter as a path length", token.position, "Write the bounds as numbers");
      return null;
    };
    const rangePosition = this.peek().position;
    const first = bound();
    if (!this.acceptSymbol("..")) return first === null ? { min: 1, max: null } : { min: first, max: first };
    const max = bound();
    const min = first ?? 1;
    if (max !== null && max < min)
      throw new CypherSyntaxError(
        `the path length *${min}..${max} is empty: its upper bound is below its lower`,
        rangePosition,
      );
    return { min, max };
  }

  private parsePropertyMap(): PropertyEntry[] {
    this.expectSymbol("{");
    const entries: PropertyEntry[] = [];
    if (this.acceptSymbol("}")) return entries;
    do {
      const key = this.expectName("a property key", true);
      this.expectSymbol(":");
      entries.push({ key, value: this.parseExpression() });
    } while (this.acceptSymbol(","));
    this.expectSymbol("}", ['"}"', '","']);
    return entries;
  }

  // --- expressions, loosest binding first -------------------------------------------------------------------------

  parseExpression(): Expression {
    return this.parseOr();
  }

  private parseOr(): Expression {
    let left = this.parseXor();
    while (this.isKeyword("OR")) {
      const position = this.next().position;
      left = { kind: "or", left, right: this.parseXor(), position };
    }
    return left;
  }

  private parseXor(): Expression {
    let left = this.parseAnd();
    while (this.isKeyword("XOR")) {
      const position = this.next().position;
      left = { kind: "xor", left, right: this.parseAnd(), position };
    }
    return left;
  }

  private parseAnd(): Expression {
    let left = this.parseNot();
    while (this.isKeyword("AND")) {
      const position = this.next().position;
      left = { kind: "and", left, right: this.parseNot(), position };
    }
    return left;
  }

  private parseNot(): Expression {
    if (this.isKeyword("NOT")) {
      const position = this.next().position;
      return { kind: "not", operand: this.parseNot(), position };
    }
    return this.parseComparison();
  }

  private parseComparison(): Expression {
    const first = this.parsePredicate();
    const operands = [first];
    const operators: ComparisonOperator[] = [];
    for (;;) {
      const token = this.peek();
      if (token.kind !== "symbol") break;
      if (token.text === "!=" || token.text === "=~") this.unsupportedOperator();
      if (!["=", "<>", "<", "<=", ">", ">="].includes(token.text)) break;
      this.index++;
      operators.push(token.text as ComparisonOperator);
      operands.push(this.parsePredicate());
    }
    return operators.length === 0 ? first : { kind: "comparison", operands, operators, position: first.position };
  }

  /** STARTS WITH, ENDS WITH, CONTAINS, IN, IS [NOT] NULL: they bind tighter than comparisons. */
  private parsePredicate(): Expression {
    let left = this.parseArithmetic();
    for (;;) {
      const position = this.peek().position;
      if (this.isKeyword("STARTS") || this.isKeyword("ENDS")) {
        const word = this.next().text.toUpperCase();
        this.expectKeyword("WITH");
        left = {
          kind: "string-match",
          operator: `${word} WITH` as "STARTS WITH",
          left,
          right: this.parseArithmetic(),
          position,
        };
      } else if (this.isKeyword("CONTAINS")) {
        this.next();
        left = { kind: "string-match", operator: "CONTAINS", left, right: this.parseArithmetic(), position };
      } else if (this.isKeyword("IN")) {
        this.next();
        left = { kind: "in", element: left, list: this.parseArithmetic(), position };
      } else if (this.isKeyword("IS")) {
        this.next();
        const negated = this.acceptKeyword("NOT");
        if (!this.acceptKeyword("NULL")) {
          const token = this.peek();
          if (token.kind === "name" && /^(TYPED|NORMALIZED|::)$/i.test(token.text))
            throw new CypherUnsupportedError(`IS ${token.text.toUpperCase()}`, token.position);
          this.fail(negated ? ["NULL"] : ["NULL", "NOT NULL"]);
        }
        left = { kind: "is-null", operand: left, negated, position };
      } else {
        return left;
      }
    }
  }

  /** Arithmetic is outside the subset: its operators are recognised only to say so. */
  private parseArithmetic(): Expression {
    const operand = this.parseUnary();
    const token = this.peek();
    if (token.kind === "symbol" && ["+", "-", "*", "/", "%", "^"].includes(token.text)) this.unsupportedOperator();
    return operand;
  }

  private parseUnary(): Expression {
    const token = this.peek();
    if (token.kind === "symbol" && (token.text === "-" || token.text === "+")) {
      const number = this.peek(1);
      if (number.kind === "integer" || number.kind === "float") {
        this.index += 2;
        const value = token.text === "-" ? -(number.value as number) : (number.value as number);
        return { kind: "literal", value, position: token.position };
      }
      this.unsupportedOperator();
    }
    return this.parsePostfix();
  }

  private parsePostfix(): Expression {
    let subject = this.parseAtom();
    for (;;) {
      if (this.isSymbol(".")) {
        this.next();
        const key = this.expectName("a property key", true);
        if (this.isSymbol("("))
          throw new CypherUnsupportedError(
            `the function ${this.text.slice(subject.position.offset, this.lastEnd())}()`,
            subject.position,
          );
        subject = { kind: "property", subject, key, position: subject.position };
      } else if (this.isSymbol("[")) {
        throw new CypherUnsupportedError("list indexing and slicing (x[i])", this.peek().position);
      } else if (this.isSymbol(":") && subject.kind === "variable") {
        const labels: Name[] = [];
        while (this.acceptSymbol(":")) labels.push(this.expectName("a label", true));
        subject = { kind: "has-labels", subject, labels, position: subject.position };
      } else {
        return subject;
      }
    }
  }

  private parseAtom(): Expression {
    const token = this.peek();
    const position = token.position;
    switch (token.kind) {
      case "string":
      case "integer":
      case "float":
        this.index++;
        return { kind: "literal", value: token.value, position };
      case "parameter":
        this.index++;
        return { kind: "parameter", name: String(token.value), position };
      case "quoted-name":
        this.index++;
        return { kind: "variable", name: String(token.value), position };
      case "symbol":
        if (token.text === "[") return this.parseList();
        if (token.text === "(") return this.parseParenthesised();
        if (token.text === "{") throw new CypherUnsupportedError("map literals ({key: value})", position);
        return this.fail(["an expression"]);
      case "name":
        return this.parseNamedAtom(token);
      default:
        return this.fail(["an expression"]);
    }
  }

  private parseNamedAtom(token: Token): Expression {
    const word = token.text.toUpperCase();
    const position = token.position;
    if (word === "TRUE" || word === "FALSE" || word === "NULL") {
      this.index++;
      return { kind: "literal", value: word === "NULL" ? null : word === "TRUE", position };
    }
    if (word === "CASE") throw new CypherUnsupportedError("CASE expressions", position);
    if (word === "EXISTS" && (this.isSymbol("{", 1) || this.isSymbol("(", 1)))
      throw new CypherUnsupportedError("EXISTS", position, "Use OPTIONAL MATCH and IS NOT NULL, or count()");
    if ((word === "COUNT" || word === "COLLECT") && this.isSymbol("{", 1))
      throw new CypherUnsupportedError(`${word} { } subqueries`, position);
    if (this.isSymbol("(", 1)) return this.parseCall(token);
    if (RESERVED.has(word)) return this.fail(["an expression"]);
    this.index++;
    return { kind: "variable", name: token.text, position };
  }

  private parseCall(token: Token): Expression {
    const name = token.text.toLowerCase();
    const position = token.position;
    if (!SUPPORTED_FUNCTIONS.has(name))
      throw new CypherUnsupportedError(
        `the function ${token.text}()`,
        position,
        `Functions available: ${[...SUPPORTED_FUNCTIONS.values()].join(", ")}`,
      );
    this.index += 2;
    if (name === "count" && this.acceptSymbol("*")) {
      this.expectSymbol(")");
      return { kind: "count-star", position };
    }
    const distinct = this.acceptKeyword("DISTINCT");
    const args: Expression[] = [];
    if (!this.isSymbol(")")) {
      args.push(this.parseExpression());
      while (this.acceptSymbol(",")) args.push(this.parseExpression());
    }
    this.expectSymbol(")", ['")"', '","']);
    return { kind: "call", name, distinct, args, position };
  }

  private parseList(): Expression {
    const position = this.expectSymbol("[").position;
    const items: Expression[] = [];
    if (!this.isSymbol("]")) {
      items.push(this.parseExpression());
      if (this.isSymbol("|") || this.isKeyword("WHERE"))
        throw new CypherUnsupportedError("list comprehensions ([x IN list | ...])", position);
      while (this.acceptSymbol(",")) items.push(this.parseExpression());
    }
    this.expectSymbol("]", ['"]"', '","']);
    return { kind: "list", items, position };
  }

  private parseParenthesised(): Expression {
    const open = this.expectSymbol("(");
    if (this.isSymbol(")") || this.isSymbol(":"))
      throw new CypherUnsupportedError("pattern expressions", open.position, "Use MATCH or OPTIONAL MATCH");
    const inner = this.parseExpression();
    if (this.isSymbol("{") && inner.kind === "variable")
      throw new CypherUnsupportedError("pattern expressions", open.position, "Use MATCH or OPTIONAL MATCH");
    this.expectSymbol(")");
    const looksLikePattern =
      (this.isSymbol("-") && (this.isSymbol("[", 1) || this.isSymbol("-", 1) || this.isSymbol("(", 1))) ||
      (this.isSymbol("<") && this.isSymbol("-", 1) && !["integer", "float"].includes(this.peek(2).kind));
    if (looksLikePattern)
      throw new CypherUnsupportedError(
        "pattern expressions",
        open.position,
        "Match the pattern with MATCH or OPTIONAL MATCH and test its variables",
      );
    return inner;
  }
}

/** A text position for callers that point at the start of a query. */
export const QUERY_START: TextPosition = { offset: 0, line: 1, column: 1 };

/**
 * Parses a query of the read-only openCypher subset into its syntax tree. Throws CypherSyntaxError (with line,
 * column and what was expected) for text that does not parse, and CypherUnsupportedError naming a construct outside
 * the subset (CREATE, MERGE, SET, DELETE, REMOVE, CALL, UNWIND, FOREACH, LOAD CSV, UNION, subqueries, arithmetic,
 * CASE, map literals, list comprehensions, pattern expressions...). Names are resolved later, against a graph.
 */
export function parseCypher(text: string): CypherQuery {
  if (typeof text !== "string") throw new CypherSyntaxError("the query must be a string", QUERY_START, ["a string"]);
  return new Parser(text).parseQuery();
}
