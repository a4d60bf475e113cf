// RETURN: values of every kind, columns and their names, DISTINCT, implicit grouping, RETURN *, ORDER BY, SKIP and
// LIMIT; scenarios written for this graph after the openCypher TCK features Return1 to Return8, ReturnOrderBy1 to
// ReturnOrderBy6 and ReturnSkipLimit1 to ReturnSkipLimit3.
import { describe, expect, it } from "vitest";
import { ParameterError } from "../../../src/errors";
import { cypherFixture } from "./cypher-fixture";
import { diplomacy } from "./diplomacy-fixture";

const g = diplomacy();

/** Topics whose `v` holds a value of each kind, and one without it. */
const mixed = cypherFixture({
  nodes: [
    { id: "topic:int", props: { v: 1 } },
    { id: "topic:float", props: { v: 2.5 } },
    { id: "topic:lower", props: { v: "a" } },
    { id: "topic:upper", props: { v: "B" } },
    { id: "topic:true", props: { v: true } },
    { id: "topic:false", props: { v: false } },
    { id: "topic:list", props: { v: ["x"] } },
    { id: "topic:none" },
  ],
});

describe("Return1 to Return3: values and columns", () => {
  it("returns literals of every kind, columns named as written", () => {
    const result = g.run("RETURN 1, 'two', 2.5, true, null, [1, 'x', null], -7");
    expect(result.columns).toEqual(["1", "'two'", "2.5", "true", "null", "[1, 'x', null]", "-7"]);
    expect(result.rows).toEqual([[1, "two", 2.5, true, null, [1, "x", null], -7]]);
  });

  it("returns a node as the API's node object", () => {
    const [[node]] = g.run("MATCH (n {id: 'state:kor'}) RETURN n").rows as [[Record<string, unknown>]];
    expect(node).toMatchObject({
      id: "state:kor",
      type: "state",
      label: "Republic of Korea",
      aliases: ["ROK", "South Korea"],
      iso3: "KOR",
      sourceCount: 1,
    });
  });

  it("returns a relationship with its evidence", () => {
    const [[edge]] = g.run("MATCH ()-[r:declined {what: 'co-sponsorship'}]->() RETURN r").rows as [
      [Record<string, unknown>],
    ];
    expect(edge).toMatchObject({
      id: "kor-declined-l26",
      type: "declined",
      source: "state:kor",
      target: "doc:l26",
      date: "2019-11",
      what: "co-sponsorship",
      evidence: { quote: "state:kor declined doc:l26", footnotes: ["i"], sourceDoc: "doc:brief" },
    });
  });

  it("reads the relationship's evidence as properties quote, footnotes and source_doc", () => {
    expect(
      g.rows("MATCH ()-[r:declined {what: 'co-sponsorship'}]->() RETURN r.quote, r.footnotes, r.source_doc, r.label"),
    ).toEqual([["state:kor declined doc:l26", ["i"], "doc:brief", "declined"]]);
  });

  it("keeps the order of columns as written", () => {
    expect(g.run("MATCH (n {id: 'state:kor'}) RETURN n.iso3, n.id, n.label").columns).toEqual([
      "n.iso3",
      "n.id",
      "n.label",
    ]);
  });
});

describe("Return4: column names", () => {
  it("renames columns with AS, backquoted names included", () => {
    const result = g.run("MATCH (n {id: 'state:kor'}) RETURN n.iso3 AS code, n.id AS `the id`");
    expect(result.columns).toEqual(["code", "the id"]);
    expect(result.rows).toEqual([["KOR", "state:kor"]]);
  });

  it("refuses two columns of one name", () => {
    const error = g.error("RETURN 1 AS a, 2 AS a");
    expect(error.code).toBe("cypher-syntax");
    expect(error.message).toContain("two columns are named `a`");
  });
});

describe("Return5: DISTINCT", () => {
  it("removes duplicate rows", () => {
    expect(g.anyOrder("MATCH (:recommendation)-->(s) RETURN DISTINCT s.id")).toEqual([["state:kor"], ["state:prk"]]);
  });

  it("keeps one null among the distinct values", () => {
    expect(g.anyOrder("MATCH (n) RETURN DISTINCT n.iso3")).toEqual([["JPN"], ["KOR"], ["PRK"], ["USA"], [null]]);
  });
});

describe("Return6: implicit grouping with aggregates", () => {
  it("groups by the columns that are not aggregates", () => {
    expect(g.anyOrder("MATCH (:recommendation)-[:`addressed-to`]->(s) RETURN s.label, count(*)")).toEqual([
      ["Democratic People's Republic of Korea", 1],
      ["Republic of Korea", 2],
    ]);
  });

  it("groups by a node", () => {
    expect(g.anyOrder("MATCH (s:state)<-[:`addressed-to`]-(r) RETURN s, collect(r.id)")).toEqual([
      ["(state:kor)", ["rec:1", "rec:2"]],
      ["(state:prk)", ["rec:2"]],
    ]);
  });
});

describe("Return7: RETURN *", () => {
  it("returns every named variable, columns in the order written", () => {
    const result = g.run("MATCH (a:person)-[r]->(b {id: 'state:kor'}) RETURN *");
    expect(result.columns).toEqual(["a", "r", "b"]);
    expect(result.rows.map((row) => row.map((v) => (v as { id: string }).id))).toEqual([
      ["person:quintana", "quintana-on-kor", "state:kor"],
    ]);
  });
});

describe("ReturnOrderBy1: the order of values of every kind", () => {
  it("orders lists, strings, booleans, numbers, then null", () => {
    expect(mixed.rows("MATCH (n:topic) RETURN n.v ORDER BY n.v")).toEqual([
      [["x"]],
      ["B"],
      ["a"],
      [false],
      [true],
      [1],
      [2.5],
      [null],
    ]);
  });

  it("puts null first when descending", () => {
    expect(mixed.rows("MATCH (n:topic) RETURN n.v ORDER BY n.v DESC").map((r) => r[0])).toEqual([
      null,
      2.5,
      1,
      true,
      false,
      "a",
      "B",
      ["x"],
    ]);
  });

  it("orders nodes, relationships and paths by identity, after lists of none", () => {
    expect(g.rows("MATCH (n:state) RETURN n ORDER BY n").map((r) => r[0])).toEqual([
      "(state:jpn)",
      "(state:kor)",
      "(state:prk)",
      "(state:usa)",
    ]);
  });
});

describe("ReturnOrderBy2 to ReturnOrderBy5: order by expressions, several keys, aliases", () => {
  it("orders by an expression that is not returned", () => {
    expect(g.rows("MATCH (n:state) RETURN n.id ORDER BY n.iso3 DESC").map((r) => r[0])).toEqual([
      "state:usa",
      "state:prk",
      "state:kor",
      "state:jpn",
    ]);
  });

  it("orders by several keys, each with its own direction", () => {
    expect(g.rows("MATCH (r:recommendation)-->(s) RETURN s.iso3, r.number ORDER BY s.iso3 ASC, r.number DESC")).toEqual(
      [
        ["KOR", 2],
        ["KOR", 1],
        ["PRK", 2],
      ],
    );
  });

  it("orders by an alias, and by the expression an alias names", () => {
    expect(g.rows("MATCH (n:state) RETURN n.iso3 AS code ORDER BY code DESC LIMIT 1")).toEqual([["USA"]]);
    expect(g.rows("MATCH (n:state) RETURN n.iso3 AS code ORDER BY n.iso3 LIMIT 1")).toEqual([["JPN"]]);
  });

  it("orders by a variable the alias shadows as the alias", () => {
    expect(g.rows("MATCH (n:state) RETURN n.iso3 AS n ORDER BY n LIMIT 2")).toEqual([["JPN"], ["KOR"]]);
  });
});

describe("ReturnOrderBy6: aggregates and ORDER BY", () => {
  it("orders by a returned aggregate, named or written again", () => {
    const expected = [
      ["state:kor", 2],
      ["state:prk", 1],
    ];
    expect(g.rows("MATCH (s)<-[:`addressed-to`]-() RETURN s.id, count(*) AS n ORDER BY n DESC")).toEqual(expected);
    expect(g.rows("MATCH (s)<-[:`addressed-to`]-() RETURN s.id, count(*) ORDER BY count(*) DESC")).toEqual(expected);
  });

  it("refuses an aggregate that is not returned, and a variable folded away", () => {
    expect(g.error("MATCH (s)<--() RETURN s.id ORDER BY count(*)").message).toContain("return it with AS");
    expect(g.error("MATCH (s)<--(r) RETURN s.id, count(*) ORDER BY r.id").message).toContain(
      "ORDER BY can use only the returned columns",
    );
    expect(g.error("MATCH (s)<--(r) RETURN DISTINCT s.id ORDER BY r.id").message).toContain("after DISTINCT");
  });
});

describe("ReturnSkipLimit1 to ReturnSkipLimit3: SKIP and LIMIT", () => {
  const ordered = "MATCH (n:state) RETURN n.iso3 ORDER BY n.iso3";

  it("skips and limits after ordering", () => {
    expect(g.rows(`${ordered} SKIP 1 LIMIT 2`)).toEqual([["KOR"], ["PRK"]]);
    expect(g.rows(`${ordered} SKIP 3`)).toEqual([["USA"]]);
    expect(g.rows(`${ordered} SKIP 10`)).toEqual([]);
    expect(g.rows(`${ordered} LIMIT 0`)).toEqual([]);
  });

  it("limits without ordering", () => {
    expect(g.rows("MATCH (n:state) RETURN n LIMIT 2")).toHaveLength(2);
  });

  it("takes SKIP and LIMIT from parameters", () => {
    expect(g.rows(`${ordered} SKIP $s LIMIT $l`, { s: 2, l: 1 })).toEqual([["PRK"]]);
  });

  it("refuses a negative, fractional or non-numeric SKIP or LIMIT", () => {
    expect(g.error(`${ordered} LIMIT -1`).code).toBe("cypher-syntax");
    expect(g.error(`${ordered} SKIP 1.5`).code).toBe("cypher-syntax");
    expect(g.error(`${ordered} LIMIT n.iso3`).code).toBe("cypher-syntax");
    const error = g.error(`${ordered} LIMIT $l`, { l: "ten" });
    expect(error).toBeInstanceOf(ParameterError);
    expect((error as ParameterError).parameter).toBe("params");
  });
});
