// The parser: errors that name line, column and what was expected; constructs outside the subset named; the tree.
import { describe, expect, it } from "vitest";
import { CypherSyntaxError, CypherUnsupportedError, parseCypher } from "../../../src/query/cypher";

function syntaxError(text: string): CypherSyntaxError {
  try {
    parseCypher(text);
  } catch (error) {
    expect(error).toBeInstanceOf(CypherSyntaxError);
    return error as CypherSyntaxError;
  }
  return expect.fail(`expected a syntax error from: ${text}`);
}

function unsupported(text: string): CypherUnsupportedError {
  try {
    parseCypher(text);
  } catch (error) {
    expect(error).toBeInstanceOf(CypherUnsupportedError);
    return error as CypherUnsupportedError;
  }
  return expect.fail(`expected an unsupported-construct error from: ${text}`);
}

describe("parseCypher: syntax errors", () => {
  it("gives line, column and what was expected for a missing closing parenthesis", () => {
    const error = syntaxError("MATCH (n:state\nRETURN n");
    expect(error.code).toBe("cypher-syntax");
    expect([error.line, error.column]).toEqual([2, 1]);
    expect(error.expected).toContain('")"');
    expect(error.message).toContain("line 2, column 1");
  });

  it("counts columns from 1 and lines across comments and strings", () => {
    const error = syntaxError("// who declined?\nMATCH (a)-[r:declined]->(b) /* two\nlines */ RETURN a.id AS");
    expect([error.line, error.column]).toEqual([3, 24]);
    expect(error.expected).toEqual(["a name after AS"]);
  });

  it("rejects an empty query and one that does not end with RETURN", () => {
    expect(syntaxError("  ").message).toContain("the query is empty");
    const error = syntaxError("MATCH (n)");
    expect(error.message).toContain("must end with RETURN");
    expect(error.expected).toEqual(["RETURN"]);
  });

  it("rejects clauses after RETURN", () => {
    expect(syntaxError("RETURN 1 MATCH (n)").message).toContain("RETURN must be the last clause");
  });

  it("rejects an unterminated string, quoted name or comment at its start", () => {
    const error = syntaxError("RETURN 'abc");
    expect([error.line, error.column]).toEqual([1, 8]);
    expect(syntaxError("MATCH (n:`un-body) RETURN n").message).toContain("unterminated quoted name");
    expect(syntaxError("RETURN 1 /* no end").message).toContain("unterminated comment");
  });

  it('says "!=" is written "<>"', () => {
    const error = syntaxError("MATCH (n) WHERE n.id != 'x' RETURN n");
    expect(error.message).toContain('write "<>"');
    expect(error.column).toBe(22);
  });

  it("points at a typographic dash or quote pasted from a document", () => {
    expect(syntaxError("MATCH (a)–[r]->(b) RETURN a").message).toContain("typographic dash");
    expect(syntaxError("RETURN ‘x’").message).toContain("typographic quote");
  });

  it("rejects an empty variable-length range and a fractional one", () => {
    expect(syntaxError("MATCH (a)-[*3..1]->(b) RETURN a").message).toContain("upper bound is below its lower");
    expect(syntaxError("MATCH (a)-[*1.5]->(b) RETURN a").expected).toEqual(["a whole number of hops"]);
  });

  it("rejects a string that is not one", () => {
    expect(() => parseCypher(42 as unknown as string)).toThrow(CypherSyntaxError);
  });
});

describe("parseCypher: constructs outside the subset are named", () => {
  const cases: [query: string, construct: string][] = [
    ["CREATE (n:state {id: 'x'}) RETURN n", "CREATE"],
    ["MERGE (n:state {id: 'x'}) RETURN n", "MERGE"],
    ["MATCH (n) SET n.label = 'x' RETURN n", "SET"],
    ["MATCH (n) DELETE n RETURN 1", "DELETE"],
    ["MATCH (n) DETACH DELETE n RETURN 1", "DETACH DELETE"],
    ["MATCH (n) REMOVE n.label RETURN n", "REMOVE"],
    ["CALL db.labels() YIELD label RETURN label", "CALL (procedures)"],
    ["CALL { MATCH (n) RETURN n } RETURN 1", "a CALL { } subquery"],
    ["UNWIND [1, 2] AS x RETURN x", "UNWIND"],
    ["MATCH (n) FOREACH (x IN [1] | SET n.a = x) RETURN n", "FOREACH"],
    ["LOAD CSV FROM 'file:///x.csv' AS row RETURN row", "LOAD CSV"],
    ["RETURN 1 AS x UNION RETURN 2 AS x", "UNION"],
    ["EXPLAIN MATCH (n) RETURN n", "EXPLAIN"],
    ["RETURN 1 + 2", "arithmetic (+)"],
    ["MATCH (n) RETURN n.count * 2", "arithmetic (*)"],
    ["MATCH (n) WHERE n.label =~ 'R.*' RETURN n", "regular-expression matching (=~)"],
    ["RETURN CASE WHEN true THEN 1 END", "CASE expressions"],
    ["RETURN {a: 1}", "map literals ({key: value})"],
    ["RETURN [x IN [1, 2] | x]", "list comprehensions ([x IN list | ...])"],
    ["MATCH (n) WHERE (n)-[:declined]->() RETURN n", "pattern expressions"],
    ["MATCH (n) WHERE EXISTS { MATCH (n)-->() } RETURN n", "EXISTS"],
    ["MATCH (n) RETURN COUNT { MATCH (n)-->() }", "COUNT { } subqueries"],
    ["MATCH (n) RETURN n.aliases[0]", "list indexing and slicing (x[i])"],
    ["MATCH (n) RETURN sum(n.count)", "the function sum()"],
    ["MATCH (n) RETURN apoc.text.join(n.aliases, ',')", "the function apoc.text.join()"],
    ["MATCH p = shortestPath((a)-[*]-(b)) RETURN p", "shortestPath()"],
    ["MATCH (n:state|person) RETURN n", "label expressions (:a|b)"],
    ["MATCH (n $props) RETURN n", "a parameter as a property map"],
    ["MATCH (a)-[*$n]->(b) RETURN a", "a parameter as a path length"],
    ["RETURN 9007199254740993", "the integer 9007199254740993"],
  ];
  for (const [query, construct] of cases) {
    it(`names ${construct}`, () => {
      const error = unsupported(query);
      expect(error.code).toBe("cypher-unsupported");
      expect(error.construct).toBe(construct);
      expect(error.message).toContain("read-only subset");
    });
  }

  it("points at where the construct starts", () => {
    const error = unsupported("MATCH (n)\nWITH n\nUNWIND n.aliases AS a RETURN a");
    expect([error.line, error.column]).toEqual([3, 1]);
  });
});

describe("parseCypher: the tree", () => {
  it("reads a MATCH with typed, directed, variable-length and undirected relationships", () => {
    const query = parseCypher("MATCH p = (a:state {id: $id})-[r:sponsored|declined]->(d)<-[*1..3]-(x)--(y) RETURN p");
    const match = query.clauses[0]!;
    expect(match.kind).toBe("match");
    if (match.kind !== "match") return;
    const part = match.patterns[0]!;
    expect(part.pathVariable?.name).toBe("p");
    expect(part.nodes.map((n) => n.variable?.name)).toEqual(["a", "d", "x", "y"]);
    expect(part.nodes[0]!.labels.map((l) => l.name)).toEqual(["state"]);
    expect(part.nodes[0]!.properties[0]!.value).toMatchObject({ kind: "parameter", name: "id" });
    expect(part.relationships.map((r) => r.direction)).toEqual(["right", "left", "both"]);
    expect(part.relationships[0]!.types.map((t) => t.name)).toEqual(["sponsored", "declined"]);
    expect(part.relationships[1]!.length).toEqual({ min: 1, max: 3 });
    expect(part.relationships[2]!.length).toBeUndefined();
  });

  it("reads the forms of variable length: *, *2, *..3, *2.. and <-[]-> as undirected", () => {
    const lengths = ["*", "*2", "*..3", "*2..", "*0..1"].map((range) => {
      const match = parseCypher(`MATCH (a)-[${range}]->(b) RETURN a`).clauses[0]!;
      return match.kind === "match" ? match.patterns[0]!.relationships[0]!.length : undefined;
    });
    expect(lengths).toEqual([
      { min: 1, max: null },
      { min: 2, max: 2 },
      { min: 1, max: 3 },
      { min: 2, max: null },
      { min: 0, max: 1 },
    ]);
    const both = parseCypher("MATCH (a)<-[r]->(b) RETURN a").clauses[0]!;
    expect(both.kind === "match" && both.patterns[0]!.relationships[0]!.direction).toBe("both");
  });

  it("reads backquoted names with hyphens and doubled backquotes", () => {
    const match = parseCypher("MATCH (u:`un-body`)-[:`addressed-to`]-(`odd``name`) RETURN u").clauses[0]!;
    if (match.kind !== "match") return expect.fail("not a match");
    expect(match.patterns[0]!.nodes[0]!.labels[0]!.name).toBe("un-body");
    expect(match.patterns[0]!.relationships[0]!.types[0]!.name).toBe("addressed-to");
    expect(match.patterns[0]!.nodes[1]!.variable!.name).toBe("odd`name");
  });

  it("binds NOT looser than comparisons, AND tighter than XOR and OR, IN tighter than =", () => {
    const clause = parseCypher("MATCH (n) WHERE NOT n.a = 1 OR n.b XOR n.c AND n.d = n.e IN [1] RETURN n").clauses[0]!;
    if (clause.kind !== "match") return expect.fail("not a match");
    const where = clause.where!;
    expect(where.kind).toBe("or");
    if (where.kind !== "or") return;
    expect(where.left).toMatchObject({ kind: "not", operand: { kind: "comparison" } });
    expect(where.right).toMatchObject({ kind: "xor", right: { kind: "and" } });
    const and = (where.right as { right: { right: unknown } }).right.right;
    expect(and).toMatchObject({ kind: "comparison", operands: [{ kind: "property" }, { kind: "in" }] });
  });

  it("keeps an unaliased item's text as written, for its column name", () => {
    const clause = parseCypher("MATCH (n) RETURN n.label ,  count( * ), n.id AS id").clauses[1]!;
    if (clause.kind !== "return") return expect.fail("not a return");
    expect(clause.items.map((i) => i.text)).toEqual(["n.label", "count( * )", "n.id"]);
    expect(clause.items[2]!.alias!.name).toBe("id");
  });

  it("reads strings with escapes, numbers, booleans, null and negative numbers", () => {
    const clause = parseCypher("RETURN 'it\\'s', \"a\\tb\\u00e9\", 12, 1.5e3, .5, 0x1F, -3, TRUE, false, NULL")
      .clauses[0]!;
    if (clause.kind !== "return") return expect.fail("not a return");
    expect(clause.items.map((i) => (i.expression.kind === "literal" ? i.expression.value : "?"))).toEqual([
      "it's",
      "a\tbé",
      12,
      1500,
      0.5,
      31,
      -3,
      true,
      false,
      null,
    ]);
  });

  it("reads chained comparisons as one comparison", () => {
    const clause = parseCypher("RETURN 1 < 2 <= 3").clauses[0]!;
    if (clause.kind !== "return") return expect.fail("not a return");
    expect(clause.items[0]!.expression).toMatchObject({ kind: "comparison", operators: ["<", "<="] });
  });

  it("accepts keywords in any case and a closing semicolon", () => {
    const query = parseCypher(
      "match (n) where n.id starts with 'state' return distinct n.id order by n.id desc skip 1 limit 2;",
    );
    const last = query.clauses[1]!;
    expect(last).toMatchObject({ kind: "return", distinct: true, orderBy: [{ descending: true }] });
  });
});
